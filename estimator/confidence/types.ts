import type { Estimate, EstimateInput } from '../training/types';
import type { RowContext } from '../validation/validate';

/** The quantities that carry an accuracy band. */
export type BandQuantity = 'memory' | 'throughput' | 'power';

/**
 * How far the truth may lie from a prediction in one regime, from the validation rows of that regime: the true value
 * lies in [pred * (1 + lowerPct / 100), pred * (1 + upperPct / 100)]. Asymmetric: lowerPct is the worst
 * over-prediction seen (truth below), upperPct the worst under-prediction (truth above), each at least the floor.
 */
export interface AccuracyBand {
  quantity: BandQuantity;
  /** The regime the band answers for, e.g. "lora/no-recompute", "hopper/3-15B", "hopper". */
  regime: string;
  /** The regime whose rows the band was computed from (differs from `regime` when it fell back). */
  basedOn: string;
  /** How it was found: the regime's own rows, a broader regime's widened, or the floor widened (no rows). */
  level: 'regime' | 'broader' | 'floor';
  lowerPct: number;
  upperPct: number;
  rows: number;
  /** English, e.g. "7 validation rows: LoRA, no recompute (worst −2.1%/+3.0%, widened to the 3% floor)". */
  basis: string;
  estimatorVersion: string;
}

/** A validation row as the band table keeps it: enough to recompute bands and show the nearest rows. */
export interface BandRow extends RowContext {
  case: string;
  /** The validation quantity (memory, throughput, power, iteration-seconds, training-days, gpu-hours). */
  quantity: string;
  band: BandQuantity;
  measured: number;
  predicted: number;
  unit: string;
  /** (predicted - measured) / measured, percent: the validation table's error. */
  errorPct: number;
  /** Where the truth lies against the prediction of the band's quantity, percent (time rows invert). */
  truthPct: number;
}

/** The stored band table (bands.json): every regime with rows at every level, and the rows themselves. */
export interface BandTable {
  format: 'gpu-planner.bands';
  version: 1;
  estimatorVersion: string;
  bands: AccuracyBand[];
  rows: BandRow[];
}

/** What a user measured on their own run (any subset, at least one). */
export interface Measurement {
  /** torch.cuda.max_memory_allocated(), bytes. */
  peakMemoryBytes?: number;
  /** All GPUs together, tokens/s. */
  tokensPerSecond?: number;
  /** Mean draw of one GPU while training, W. */
  gpuWatts?: number;
}

export interface CalibrationErrors {
  memoryErrorPct?: number;
  throughputErrorPct?: number;
  powerErrorPct?: number;
}

/** Factors fitted from one measured run on one GPU; ratios measured / predicted. */
export interface CalibrationFactors {
  memory?: number;
  throughput?: number;
  power?: number;
}

export interface Calibration {
  id: string;
  /** Catalog GPU id; equals input.gpu. */
  gpu: string;
  /** ISO yyyy-mm-dd. */
  date: string;
  enabled: boolean;
  label: string;
  /** The configuration measured. */
  input: EstimateInput;
  measured: Measurement;
  factors: CalibrationFactors;
  /** (predicted - measured) / measured, percent, before and after the calibration (same sign as validation). */
  before: CalibrationErrors;
  after: CalibrationErrors;
}

export type Range = [number, number];

export interface ConfidenceRanges {
  peakBytesPerGpu: Range;
  tokensPerSecond: Range;
  gpuWatts: Range;
  /** With trainingTokens: slower (the throughput band's low end) is the long end. */
  timeSeconds?: Range;
}

/** estimate() with its accuracy bands, the ranges they imply, and the calibration that applied (if any). */
export type EstimateWithConfidence = Estimate & {
  bands: Record<BandQuantity, AccuracyBand>;
  ranges: ConfidenceRanges;
  calibration?: { id: string; date: string; label: string; factors: CalibrationFactors };
};

export interface DerivationValue {
  name: string;
  value: number | string;
  unit: string;
}

export interface DerivationConstant {
  name: string;
  value: number;
  unit: string;
  source: string;
}

export interface NearestRow {
  case: string;
  quantity: string;
  measured: number;
  predicted: number;
  unit: string;
  errorPct: number;
}

export type DerivationId =
  | 'memory.weights'
  | 'memory.gradients'
  | 'memory.optimizer'
  | 'memory.activations'
  | 'memory.logits'
  | 'memory.other'
  | 'memory.peak'
  | 'throughput.stepSeconds'
  | 'throughput.tokensPerSecond'
  | 'throughput.mfu'
  | 'power.gpuWatts'
  | 'power.nodeWatts'
  | 'time.seconds'
  | 'energy.kWh';

/** Where one figure of an estimate comes from: formula, inputs with units, constants with sources, nearest rows. */
export interface Derivation {
  id: DerivationId;
  label: string;
  value: number;
  unit: string;
  formula: string;
  inputs: DerivationValue[];
  constants: DerivationConstant[];
  band?: AccuracyBand;
  nearestRows: NearestRow[];
}
