import type { EstimatorCatalog } from '../training/catalog';
import { CUDA_CONTEXT_BYTES, RESERVED_OVER_ALLOCATED } from '../training/constants/memory';
import { estimate } from '../training/estimate';
import { isEstimateError, type Estimate, type EstimateError, type EstimateInput } from '../training/types';
import type { FitsConfidence } from '../training/types';
import { bandsFor } from './bands';

export { bandsFor };
import { applyCalibrations } from './calibrate';
import type { AccuracyBand, BandQuantity, Calibration, ConfidenceRanges, EstimateWithConfidence, Range } from './types';

const lo = (v: number, b: AccuracyBand) => v * (1 + b.lowerPct / 100);
const hi = (v: number, b: AccuracyBand) => v * (1 + b.upperPct / 100);
export const rangeOf = (v: number, b: AccuracyBand): Range => [lo(v, b), hi(v, b)];

/**
 * Fits / tight / does not fit with the memory band: the bytes that must fit (peak plus allocator slack plus CUDA
 * context, as estimate() counts them) at both ends of the band's peak range against capacity.
 */
export function fitsWithBand(peakBytes: number, capacityBytes: number, band: AccuracyBand): FitsConfidence {
  const need = (peak: number) => peak * RESERVED_OVER_ALLOCATED.value + CUDA_CONTEXT_BYTES.value;
  if (need(hi(peakBytes, band)) <= capacityBytes) return 'fits';
  if (need(lo(peakBytes, band)) > capacityBytes) return 'does-not-fit';
  return 'tight';
}

/** The bands of a configuration, its ranges, and `memory.fitsConfidence` from the memory band, added to an estimate. */
export function withBands(
  e: Estimate,
  bands: Record<BandQuantity, AccuracyBand>,
  calibration: Calibration | null,
): EstimateWithConfidence {
  const tps = e.throughput.tokensPerSecond;
  const ranges: ConfidenceRanges = {
    peakBytesPerGpu: rangeOf(e.memory.peakBytesPerGpu, bands.memory),
    tokensPerSecond: rangeOf(tps, bands.throughput),
    gpuWatts: rangeOf(e.power.gpuWatts, bands.power),
  };
  // Time is tokens / (tokens/s): the slow end of the throughput band is the long end of the time range.
  if (e.time)
    ranges.timeSeconds = [
      e.time.seconds / (1 + bands.throughput.upperPct / 100),
      e.time.seconds / (1 + bands.throughput.lowerPct / 100),
    ];
  const out: EstimateWithConfidence = {
    ...e,
    memory: {
      ...e.memory,
      fitsConfidence: fitsWithBand(e.memory.peakBytesPerGpu, e.memory.capacityBytes, bands.memory),
    },
    bands,
    ranges,
  };
  if (calibration)
    out.calibration = {
      id: calibration.id,
      date: calibration.date,
      label: calibration.label,
      factors: calibration.factors,
    };
  return out;
}

/**
 * estimate() with accuracy bands, the ranges they imply and `memory.fitsConfidence` from the memory band; with
 * calibrations, the newest enabled one for the input's GPU applies first (calibrate.ts) and is named in `calibration`.
 * The bands stay the validation's: a calibration moves the prediction, it does not narrow the band.
 */
export function estimateWithConfidence(
  input: EstimateInput,
  catalog: EstimatorCatalog,
  calibrations?: readonly Calibration[],
): EstimateWithConfidence | EstimateError {
  const bands = bandsFor(input, catalog);
  // estimate() judges the fit, and words its "tight" note, with the same memory band.
  const raw = estimate(input, catalog, { memoryBand: bands.memory });
  if (isEstimateError(raw)) return raw;
  const { estimate: e, calibration } = applyCalibrations(raw, calibrations);
  return withBands(e, bands, calibration);
}
