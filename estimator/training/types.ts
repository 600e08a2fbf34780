import type { Architecture } from '../../catalog/schema/model';
import type { InterconnectId } from '../../catalog/schema/interconnect';
import type { Assumption } from './constants/constant';

export type Method = 'full' | 'lora' | 'qlora';
export type Precision = 'bf16-mixed' | 'fp16-mixed' | 'bf16' | 'fp32' | 'fp8-mixed';
export type OptimizerName = 'adamw' | 'adamw-8bit' | 'sgd' | 'adafactor';
export type Recompute = 'none' | 'full' | 'selective';
export type AttentionKind = 'flash' | 'eager';
export type Offload = 'none' | 'optimizer' | 'optimizer+params';
export type LoraTargets = 'all-linear' | 'attention';

export interface ParallelLayout {
  tp: number;
  pp: number;
  ep: number;
  sp: boolean;
  zero: 0 | 1 | 2 | 3;
  offload: Offload;
}

/** A validated estimate input with every default filled in (see input.ts and ../shared/contracts/estimate.md). */
export interface EstimateInput {
  /** A preset id from the catalog, or an architecture. */
  model: string | Architecture;
  method: Method;
  lora: { rank: number; targets: LoraTargets };
  precision: Precision;
  optimizer: OptimizerName;
  seqLen: number;
  microBatch: number;
  gradAccum: number;
  recompute: Recompute;
  attention: AttentionKind;
  gpu: string;
  gpus: number;
  gpusPerNode: number;
  /** Link between nodes; null = the GPU's default (see communication.ts). */
  interconnect: InterconnectId | null;
  parallel: ParallelLayout;
  /** Total tokens to process; null = no time or energy. */
  trainingTokens: number | null;
  /**
   * The whole system's full-load rating in watts per node (a catalog system's `powerWatts`), when known: the non-GPU
   * part of the node is what it leaves after the GPUs' TDP, and the node's mean draw never exceeds it. Absent or null =
   * unknown (the node class of the GPU decides, power.ts).
   */
  nodeMaxWatts?: number | null;
}

/**
 * A note as a code and its parameters, for the app to say in the user's language (renderer: `estimator` namespace,
 * `notes.codes.<code>`; every code in notes.ts NOTE_CODES). Numbers are plain (GB with one decimal as strings, counts as
 * numbers). Fit advice lists its remedies as params `remedies` (how many), `remedy1`..`remedyN` (each a remedy code,
 * notes.ts REMEDY_CODES) and that remedy's own params prefixed `remedyN` (`remedy1Gb`, `remedy1Gpus`, ...); remedies
 * that fit only with recompute and micro-batch 1 (`withRecompute`, `withMicroBatch`, `withGradAccum`) come after the
 * first `alone`.
 */
export interface NoteCode {
  code: string;
  params: Record<string, string | number>;
}

/** Bytes per GPU at the moment of the peak; the six add up to `peakBytesPerGpu`. */
export interface MemoryBreakdown {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  logits: number;
  other: number;
}

export type FitsConfidence = 'fits' | 'tight' | 'does-not-fit';

/**
 * How far off the predicted peak may be, percent: the truth lies in [peak × (1 + lowerPct/100), peak × (1 +
 * upperPct/100)]. estimator/confidence passes the validated band of the configuration's regime; without one,
 * ±MEMORY_BAND_FRACTION.
 */
export interface MemoryBand {
  readonly lowerPct: number;
  readonly upperPct: number;
}

/** What estimate() may be told beside its input. */
export interface EstimateOptions {
  /** The accuracy band on the peak that decides fits / tight / does not fit, and the "tight" note. */
  readonly memoryBand?: MemoryBand;
}

export interface Estimate {
  model: { id: string | null; name: string; architecture: Architecture };
  gpu: { id: string; name: string };
  layout: {
    gpus: number;
    gpusPerNode: number;
    nodes: number;
    dp: number;
    tp: number;
    pp: number;
    ep: number;
    sp: boolean;
    zero: number;
    offload: Offload;
    /** The link between nodes (null inside one node). */
    interconnect: InterconnectId | null;
  };
  /** The precision the numbers assume (differs from the input when the GPU lacks it; see notes). */
  precision: { requested: Precision; effective: Precision };
  params: { total: number; trainable: number; active: number };
  memory: {
    peakBytesPerGpu: number;
    breakdown: MemoryBreakdown;
    capacityBytes: number;
    /** Peak plus allocator slack (reserved over allocated) plus CUDA context: what must fit. */
    requiredBytesPerGpu: number;
    fits: boolean;
    fitsConfidence: FitsConfidence;
    /** When in the step the peak happens (e.g. "loss backward", "end of backward"). */
    peakPhase: string;
  };
  throughput: {
    tokensPerSecond: number;
    stepSeconds: number;
    mfu: number;
    tokensPerStep: number;
    /** Model FLOPs per trained token (forward + backward, no recompute). */
    flopsPerToken: number;
    /** FLOPs the GPUs execute per token (with recompute). */
    hardwareFlopsPerToken: number;
    /** Seconds of one optimizer step, by cause (they add up to stepSeconds). */
    stepBreakdown: {
      compute: number;
      memory: number;
      hostOverhead: number;
      communication: number;
      pipelineBubble: number;
    };
  };
  power: { gpuWatts: number; nodeWatts: number; nodes: number; clusterWatts: number };
  time: { seconds: number; gpuHours: number; steps: number } | null;
  energy: { kWh: number } | null;
  assumptions: readonly Assumption[];
  /** What the estimator wants the reader to know, in English (fallbacks, "does not fit: ... try ...", layout warnings). */
  notes: string[];
  /** One per note, in the same order: its code and parameters (see NoteCode). */
  noteCodes: NoteCode[];
}

/** What `estimate` returns for an input it cannot answer (unknown ids, impossible layouts). */
export interface EstimateError {
  error: string;
}

export const isEstimateError = (r: Estimate | EstimateError): r is EstimateError => 'error' in r;
