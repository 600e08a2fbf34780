/**
 * How sure the estimator is (issue 9). Pure TypeScript: no DOM, no Node (the CLI and tests read files).
 *
 *   estimateWithConfidence(input, catalog, calibrations?): EstimateWithConfidence | EstimateError
 *     estimate() + `bands: { memory, throughput, power }` (AccuracyBand each) + `ranges: { peakBytesPerGpu,
 *     tokensPerSecond, gpuWatts, timeSeconds? }` ([low, high]; time's long end is the throughput band's slow end) +
 *     `memory.fitsConfidence` from the memory band ('tight' when the band crosses capacity) + `calibration?: { id,
 *     date, label, factors }` when an enabled calibration for input.gpu applied (the newest by date).
 *
 *   bandFor(quantity, input, catalog): AccuracyBand — lowerPct/upperPct: the truth lies in
 *     [pred * (1 + lowerPct/100), pred * (1 + upperPct/100)]. Regimes (regimes.ts): memory by method x recompute,
 *     throughput by GPU family x model size (<3B, 3-15B, >15B), power by GPU family. A regime without validation rows
 *     uses the nearest broader one widened x EXTRAPOLATION_WIDENING (level 'broader'), else the floor widened
 *     (level 'floor'); `basis` says which in English.
 *   computeBands(rows: ValidationRow[]): BandTable — from the validation table; stored in bands.json by
 *     `npm run -s validate -- --write-bands` (a test fails while it is stale).
 *
 *   fitCalibration(input, measured, catalog, { id, date, label? }) → { ok, calibration } | { ok: false, errors }
 *     factors = measured / predicted per quantity; memory scales the peak (calibrate.ts says why).
 *   applyCalibrations(estimate, calibrations) → { estimate, calibration | null }; pickCalibration(gpu, list).
 *   parseTrainingLog(text, { seqLen?, gpus? }) → { ok, measured, format, matched, missing } | { ok: false, error }
 *   exportCalibrations(list): string; importCalibrations(text, catalog) → { ok, calibrations } | { ok: false, errors }
 *   explainEstimate(input, catalog, estimate?): Derivation[] — formula, inputs, constants with sources, band and
 *     the nearest validation rows of each figure; pass the (calibrated) estimate shown to explain those numbers.
 */
export type {
  AccuracyBand,
  BandQuantity,
  BandRow,
  BandTable,
  Calibration,
  CalibrationErrors,
  CalibrationFactors,
  ConfidenceRanges,
  Derivation,
  DerivationConstant,
  DerivationId,
  DerivationValue,
  EstimateWithConfidence,
  Measurement,
  NearestRow,
  Range,
} from './types';
export { bandFor, bandForKeys, bandRowsOf, computeBands, regimeKeysOf, STORED_BANDS, BAND_FLOOR } from './bands';
export { regimeChain, sizeClassOf, type RegimeKeys, type SizeClass } from './regimes';
export {
  applyCalibrations,
  applyFactors,
  errorPct,
  fitCalibration,
  measurementErrors,
  pickCalibration,
} from './calibrate';
export { bandsFor, estimateWithConfidence, fitsWithBand, rangeOf, withBands } from './with-confidence';
export { parseTrainingLog, type LogFormat, type LogParse } from './log';
export { bandsJson, CALIBRATIONS_FORMAT, CALIBRATIONS_VERSION, exportCalibrations, importCalibrations } from './io';
export { explainEstimate } from './explain';
export * from './constants';
