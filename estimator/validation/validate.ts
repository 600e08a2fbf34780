import { findGpu, type EstimatorCatalog } from '../training/catalog';
import { estimate } from '../training/estimate';
import { parseEstimateInput } from '../training/input';
import { totalStates, zeroModelStates } from '../training/memory/zero';
import { isEstimateError, type Estimate, type EstimateInput } from '../training/types';
import type { CalibrationRow } from './calibration';
import { NVML_POWER_AVERAGING_SECONDS, preRunShare, TIMED_STEPS } from './measurement';
import { MODEL_STATES_FIGURES, RUN_FIGURES } from './published';

export type Quantity =
  'memory' | 'oom' | 'throughput' | 'power' | 'model-states' | 'iteration-seconds' | 'training-days' | 'gpu-hours';

/** Tolerances of issue 4: memory ±10%, throughput ±25%, power ±15%, ZeRO model states ±2%, published runs ±30%. */
export const TOLERANCE_PCT: Record<Quantity, number> = {
  memory: 10,
  oom: 0,
  throughput: 25,
  power: 15,
  'model-states': 2,
  'iteration-seconds': 30,
  'training-days': 30,
  'gpu-hours': 30,
};

export interface ValidationRow {
  case: string;
  quantity: Quantity;
  measured: number;
  predicted: number;
  unit: string;
  /** (predicted - measured) / measured, in percent. */
  errorPct: number;
  tolerancePct: number;
  pass: boolean;
  source: string;
  note?: string;
  /** What the row is about, for per-regime accuracy bands (method, precision, recompute, GPU). */
  regime?: string;
  /** Shown but outside the pass/fail gate (the reason is in `note`). */
  informational?: boolean;
  /** The configuration behind an estimator row, for the accuracy bands' regimes (estimator/confidence). */
  context?: RowContext;
}

/** What puts a validation row in a regime: method, recompute, GPU (and its family), model size, shape. */
export interface RowContext {
  method: string;
  recompute: string;
  gpu: string;
  gpuFamily: string;
  paramsTotal: number;
  seqLen: number;
  microBatch: number;
}

const contextOf = (i: EstimateInput, e: Estimate, catalog: EstimatorCatalog): RowContext => ({
  method: i.method,
  recompute: i.recompute,
  gpu: e.gpu.id,
  gpuFamily: findGpu(catalog, e.gpu.id)?.architecture ?? 'unknown',
  paramsTotal: e.params.total,
  seqLen: i.seqLen,
  microBatch: i.microBatch,
});

const row = (r: Omit<ValidationRow, 'errorPct' | 'tolerancePct' | 'pass'>): ValidationRow => {
  const errorPct = r.measured === 0 ? 0 : ((r.predicted - r.measured) / r.measured) * 100;
  const tolerancePct = TOLERANCE_PCT[r.quantity];
  return { ...r, errorPct, tolerancePct, pass: Math.abs(errorPct) <= tolerancePct };
};

function calibrationRows(c: CalibrationRow, catalog: EstimatorCatalog): ValidationRow[] {
  const parsed = parseEstimateInput(c.input);
  const source = `calibration ${c.id}`;
  if (!parsed.ok)
    return [row({ case: c.id, quantity: 'memory', measured: 1, predicted: 0, unit: '-', source, note: parsed.error })];
  const e = estimate(parsed.input, catalog);
  if (isEstimateError(e))
    return [row({ case: c.id, quantity: 'memory', measured: 1, predicted: 0, unit: '-', source, note: e.error })];
  const i = parsed.input;
  const regime = `${i.method}/${i.precision}/${i.recompute}/${i.gpu}`;
  const m = c.measured;
  const context = contextOf(i, e, catalog);
  if (m.status === 'oom') {
    const predicted = e.memory.fits ? 0 : 1;
    return [
      {
        ...row({ case: c.id, quantity: 'oom', measured: 1, predicted, unit: 'oom', source, regime }),
        pass: !e.memory.fits,
      },
    ];
  }
  const out: ValidationRow[] = [];
  if (m.peakAllocatedBytes)
    out.push(
      row({
        case: c.id,
        quantity: 'memory',
        measured: m.peakAllocatedBytes / 1e9,
        predicted: e.memory.peakBytesPerGpu / 1e9,
        unit: 'GB',
        source,
        regime,
        context,
      }),
    );
  if (m.tokensPerSecond)
    out.push(
      row({
        case: c.id,
        quantity: 'throughput',
        measured: m.tokensPerSecond,
        predicted: e.throughput.tokensPerSecond,
        unit: 'tokens/s',
        source,
        regime,
        context,
      }),
    );
  if (m.gpuWattsMean) out.push({ ...powerRow(c, e, source, regime), context });
  return out;
}

/**
 * `power.gpuWatts` against the measured mean draw, directly. A row whose NVML reading comes more than the power
 * tolerance from before its timed steps (measurement.ts) is shown but not gated: such a reading is not a mean draw
 * while training, and no prediction of one can be held to ±15% against it.
 */
function powerRow(c: CalibrationRow, e: Estimate, source: string, regime: string): ValidationRow {
  const measuredStep = c.measured.stepSeconds ?? e.throughput.stepSeconds;
  const share = preRunShare(measuredStep);
  const r = row({
    case: c.id,
    quantity: 'power',
    measured: c.measured.gpuWattsMean ?? 0,
    predicted: e.power.gpuWatts,
    unit: 'W',
    source,
    regime,
  });
  if (share * 100 <= TOLERANCE_PCT.power) return r;
  return {
    ...r,
    informational: true,
    note: `power: ${(100 * share).toFixed(1)}% of this reading (at least) predates the timed steps: NVML averages power over ${NVML_POWER_AVERAGING_SECONDS.value} s and the ${TIMED_STEPS.value} timed steps took ${(TIMED_STEPS.value * measuredStep).toFixed(2)} s; more than the ${TOLERANCE_PCT.power}% tolerance, so shown but not gated`,
  };
}

function modelStatesRows(): ValidationRow[] {
  return MODEL_STATES_FIGURES.map((f) => {
    const bytes = totalStates(zeroModelStates(f.params, f.largestLayer, f.widths, f.stage, f.gpus, f.offload));
    const scale = f.unit === 'GB' ? 1e9 : 2 ** 30;
    return row({
      case: f.case,
      quantity: 'model-states',
      measured: f.value,
      predicted: bytes / scale,
      unit: f.unit,
      source: f.source,
    });
  });
}

function runRows(catalog: EstimatorCatalog): ValidationRow[] {
  return RUN_FIGURES.map((f) => {
    const parsed = parseEstimateInput(f.input);
    const base = { case: f.case, quantity: f.quantity, measured: f.value, source: f.source };
    if (!parsed.ok) return row({ ...base, predicted: 0, unit: '-', note: parsed.error });
    const e = estimate(parsed.input, catalog);
    if (isEstimateError(e)) return row({ ...base, predicted: 0, unit: '-', note: e.error });
    const context = contextOf(parsed.input, e, catalog);
    const mfu = `MFU ${(100 * e.throughput.mfu).toFixed(0)}%; assumed ${f.assumed}${f.informational ? `; informational: ${f.informational}` : ''}`;
    const info = f.informational ? { informational: true, context } : { context };
    if (f.quantity === 'iteration-seconds')
      return { ...row({ ...base, predicted: e.throughput.stepSeconds, unit: 's', note: mfu }), ...info };
    const seconds = e.time?.seconds ?? 0;
    if (f.quantity === 'training-days')
      return { ...row({ ...base, predicted: seconds / 86400, unit: 'days', note: mfu }), ...info };
    return { ...row({ ...base, predicted: e.time?.gpuHours ?? 0, unit: 'GPU-h', note: mfu }), ...info };
  });
}

/** Every calibration row and published figure, measured against predicted. The CLI prints these; tests assert them. */
export function runValidation(calibration: readonly CalibrationRow[], catalog: EstimatorCatalog): ValidationRow[] {
  return [...calibration.flatMap((c) => calibrationRows(c, catalog)), ...modelStatesRows(), ...runRows(catalog)];
}

export interface QuantitySummary {
  quantity: Quantity;
  count: number;
  worstPct: number;
  medianPct: number;
  tolerancePct: number;
  pass: boolean;
}

/** Worst and median absolute error per quantity (informational rows left out). */
export function summarize(rows: readonly ValidationRow[]): QuantitySummary[] {
  const by = new Map<Quantity, ValidationRow[]>();
  for (const r of rows) by.set(r.quantity, [...(by.get(r.quantity) ?? []), r]);
  return [...by.entries()].map(([quantity, all]) => {
    const rs = all.filter((r) => !r.informational);
    const errs = rs.map((r) => Math.abs(r.errorPct)).sort((a, b) => a - b);
    const mid = errs.length / 2;
    const median = errs.length % 2 ? (errs[Math.floor(mid)] ?? 0) : ((errs[mid - 1] ?? 0) + (errs[mid] ?? 0)) / 2;
    return {
      quantity,
      count: rs.length,
      worstPct: errs[errs.length - 1] ?? 0,
      medianPct: median,
      tolerancePct: TOLERANCE_PCT[quantity],
      pass: rs.every((r) => r.pass),
    };
  });
}

/** Rows that fail the gate (informational rows never do). */
export const failures = (rows: readonly ValidationRow[]): ValidationRow[] =>
  rows.filter((r) => !r.pass && !r.informational);
