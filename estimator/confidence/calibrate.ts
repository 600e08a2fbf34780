import type { EstimatorCatalog } from '../training/catalog';
import { RESERVED_OVER_ALLOCATED } from '../training/constants/memory';
import { estimate } from '../training/estimate';
import { energyKWh } from '../training/power';
import { isEstimateError, type Estimate, type EstimateInput } from '../training/types';
import { ABSURD_MEASUREMENT_RATIO } from './constants';
import type { Calibration, CalibrationErrors, CalibrationFactors, Measurement } from './types';

/**
 * Calibration from a user's own run (issue 9). Each factor is measured / predicted for the measured configuration on
 * that GPU, and applies to every estimate on the same GPU:
 * - memory: scales the predicted peak (weights stay exact: the non-weight components absorb the change in
 *   proportion). Scaling the peak, not only the overhead, keeps the move on another configuration at most the
 *   measured one (a peak measured 10% high moves any other estimate up by exactly 10%, never more).
 * - throughput: an efficiency factor on tokens/s (step time, MFU, time, GPU-hours follow).
 * - power: a factor on the mean GPU draw (node, cluster watts and energy follow).
 * Applied to the measured configuration it reproduces the measurement (to floating-point rounding).
 */

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const errorPct = (predicted: number, measured: number): number => ((predicted - measured) / measured) * 100;

/** An estimate with calibration factors applied (a new object; the input estimate is not changed). */
export function applyFactors(e: Estimate, f: CalibrationFactors): Estimate {
  let memory = e.memory;
  if (f.memory !== undefined && f.memory !== 1) {
    const peak = e.memory.peakBytesPerGpu * f.memory;
    const b = e.memory.breakdown;
    const rest = e.memory.peakBytesPerGpu - b.weights;
    const k = rest > 0 && peak >= b.weights ? (peak - b.weights) / rest : f.memory;
    const weights = rest > 0 && peak >= b.weights ? b.weights : b.weights * f.memory;
    const required = e.memory.requiredBytesPerGpu + (peak - e.memory.peakBytesPerGpu) * RESERVED_OVER_ALLOCATED.value;
    memory = {
      ...e.memory,
      peakBytesPerGpu: peak,
      breakdown: {
        weights,
        gradients: b.gradients * k,
        optimizer: b.optimizer * k,
        activations: b.activations * k,
        logits: b.logits * k,
        other: b.other * k,
      },
      requiredBytesPerGpu: required,
      fits: required <= e.memory.capacityBytes,
    };
  }
  let throughput = e.throughput;
  let time = e.time;
  if (f.throughput !== undefined && f.throughput !== 1) {
    const t = f.throughput;
    const sb = e.throughput.stepBreakdown;
    throughput = {
      ...e.throughput,
      tokensPerSecond: e.throughput.tokensPerSecond * t,
      stepSeconds: e.throughput.stepSeconds / t,
      mfu: e.throughput.mfu * t,
      stepBreakdown: {
        compute: sb.compute / t,
        memory: sb.memory / t,
        hostOverhead: sb.hostOverhead / t,
        communication: sb.communication / t,
        pipelineBubble: sb.pipelineBubble / t,
      },
    };
    if (e.time) time = { ...e.time, seconds: e.time.seconds / t, gpuHours: e.time.gpuHours / t };
  }
  let power = e.power;
  if (f.power !== undefined && f.power !== 1) {
    const gpuWatts = e.power.gpuWatts * f.power;
    const perNode = Math.min(e.layout.gpus, e.layout.gpusPerNode);
    const nodeWatts = e.power.nodeWatts + perNode * (gpuWatts - e.power.gpuWatts);
    power = { ...e.power, gpuWatts, nodeWatts, clusterWatts: nodeWatts * e.power.nodes };
  }
  const energy = time && e.energy ? { kWh: energyKWh(power.clusterWatts, time.seconds) } : e.energy;
  return { ...e, memory, throughput, power, time, energy };
}

/** The newest enabled calibration for a GPU (by date; on the same date the later one in the list). */
export function pickCalibration(gpu: string, calibrations: readonly Calibration[] | undefined): Calibration | null {
  let best: Calibration | null = null;
  for (const c of calibrations ?? []) if (c.enabled && c.gpu === gpu && (!best || c.date >= best.date)) best = c;
  return best;
}

/** `estimate` on `e.gpu` with the newest enabled calibration for that GPU applied (or unchanged, calibration null). */
export function applyCalibrations(
  e: Estimate,
  calibrations: readonly Calibration[] | undefined,
): { estimate: Estimate; calibration: Calibration | null } {
  const c = pickCalibration(e.gpu.id, calibrations);
  return c ? { estimate: applyFactors(e, c.factors), calibration: c } : { estimate: e, calibration: null };
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : v.toPrecision(3));
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
const FIELDS = [
  { key: 'peakMemoryBytes', factor: 'memory', err: 'memoryErrorPct', show: (v: number) => `${v} bytes (${gb(v)})` },
  {
    key: 'tokensPerSecond',
    factor: 'throughput',
    err: 'throughputErrorPct',
    show: (v: number) => `${fmt(v)} tokens/s`,
  },
  { key: 'gpuWatts', factor: 'power', err: 'powerErrorPct', show: (v: number) => `${fmt(v)} W` },
] as const;
const predictedOf = (e: Estimate, key: (typeof FIELDS)[number]['key']) =>
  key === 'peakMemoryBytes'
    ? e.memory.peakBytesPerGpu
    : key === 'tokensPerSecond'
      ? e.throughput.tokensPerSecond
      : e.power.gpuWatts;
const showPredicted = (key: (typeof FIELDS)[number]['key'], v: number) =>
  key === 'peakMemoryBytes' ? gb(v) : key === 'tokensPerSecond' ? `${fmt(v)} tokens/s` : `${fmt(v)} W`;

/** Checks one measurement against the estimate of its configuration: what is wrong, by field, or nothing. */
export function measurementErrors(measured: Measurement, e: Estimate): string[] {
  const errors: string[] = [];
  const limit = ABSURD_MEASUREMENT_RATIO.value;
  let any = false;
  for (const f of FIELDS) {
    const v = measured[f.key];
    if (v === undefined) continue;
    any = true;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      errors.push(`measured.${f.key}: must be positive (got ${String(v)})`);
      continue;
    }
    const p = predictedOf(e, f.key);
    const ratio = v / p;
    if (ratio >= limit || ratio <= 1 / limit) {
      const how = ratio >= 1 ? `${ratio.toFixed(0)}× the estimate` : `1/${(1 / ratio).toFixed(0)} of the estimate`;
      errors.push(
        `measured.${f.key}: ${f.show(v)} is ${how} (${showPredicted(f.key, p)}); a measurement ${limit}× off the physics is rejected — check units or the configuration`,
      );
    }
  }
  if (!any) errors.push('measured: give at least one of peakMemoryBytes, tokensPerSecond, gpuWatts');
  return errors;
}

const errorsOf = (e: Estimate, m: Measurement): CalibrationErrors => {
  const out: CalibrationErrors = {};
  for (const f of FIELDS) {
    const v = m[f.key];
    if (v !== undefined) out[f.err] = errorPct(predictedOf(e, f.key), v);
  }
  return out;
};

/**
 * Fits the factors of one measured run (see the top of this file). Rejects non-positive or non-numeric values and any
 * value 10× above or below the estimate, naming the field and both numbers.
 */
export function fitCalibration(
  input: EstimateInput,
  measured: Measurement,
  catalog: EstimatorCatalog,
  meta: { id: string; date: string; label?: string },
): { ok: true; calibration: Calibration } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!meta.id.trim()) errors.push('id: must not be empty');
  if (!isoDate.test(meta.date) || Number.isNaN(Date.parse(meta.date)))
    errors.push(`date: must be an ISO date yyyy-mm-dd (got "${meta.date}")`);
  const e = estimate(input, catalog);
  if (isEstimateError(e)) return { ok: false, errors: [...errors, e.error] };
  errors.push(...measurementErrors(measured, e));
  if (errors.length) return { ok: false, errors };
  const factors: CalibrationFactors = {};
  for (const f of FIELDS) {
    const v = measured[f.key];
    if (v !== undefined) factors[f.factor] = v / predictedOf(e, f.key);
  }
  const after = applyFactors(e, factors);
  return {
    ok: true,
    calibration: {
      id: meta.id,
      gpu: e.gpu.id,
      date: meta.date,
      enabled: true,
      label: meta.label ?? `${e.model.name}, ${input.method}, ${e.gpu.name}`,
      input,
      measured: { ...measured },
      factors,
      before: errorsOf(e, measured),
      after: errorsOf(after, measured),
    },
  };
}
