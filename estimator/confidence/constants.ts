import { constant } from '../training/constants/constant';

/**
 * The estimator version the stored bands belong to (package.json `version`; a test keeps them equal). Bands are
 * recomputed and stored again (`npm run -s validate -- --write-bands`) whenever the estimator or its validation
 * rows change; a unit test fails while bands.json is stale.
 */
export const ESTIMATOR_VERSION = '0.1.0';

/**
 * Narrowest band for peak memory: the validation rows agree within 0.2%, but a user's run differs from the measured
 * loop (allocator fragmentation, library versions, a different PyTorch caching behaviour) by more than that.
 */
export const MEMORY_BAND_FLOOR_PCT = constant(
  'memoryBandFloorPct',
  3,
  '% of predicted peak',
  'issue 9: named floor; ../shared/calibration/README.md reserved/allocated ranges 1.01-1.21 across runs, so allocator state alone moves a peak by a few %',
);

/** Narrowest band for tokens/s: step-to-step and kernel-version variation of measured throughput. */
export const THROUGHPUT_BAND_FLOOR_PCT = constant(
  'throughputBandFloorPct',
  10,
  '% of predicted tokens/s',
  'issue 9 example "7,800 tokens/s, -10% / +15%"; the H100/H200 calibration runs vary 7-31% between two GPUs of equal peak FLOPs (../shared/calibration/README.md)',
);

/** Narrowest band for mean GPU draw: NVML's 1 s averaging and clocks under power capping. */
export const POWER_BAND_FLOOR_PCT = constant(
  'powerBandFloorPct',
  8,
  '% of predicted W',
  'issue 9: named floor; NVML power is a 1 s running average (estimator/validation/measurement.ts), boost clocks move draw by several %',
);

/**
 * A band outside the regimes the validation covers is the nearest broader regime's (or the floor) times this factor:
 * the physics carries over, but its fitted efficiencies were not checked there.
 */
export const EXTRAPOLATION_WIDENING = constant(
  'bandExtrapolationWidening',
  2,
  'x band half-width',
  'issue 9: judgement; a regime with no validation rows is assumed twice as uncertain as the nearest measured one',
);

/** A measurement this many times above or below the estimate is rejected as a units or configuration mistake. */
export const ABSURD_MEASUREMENT_RATIO = constant(
  'absurdMeasurementRatio',
  10,
  'x estimate',
  'issue 9: "a bad or absurd measurement (negative, 10x off the physics) is rejected with the reason"',
);

/** Model size classes of the throughput regimes (total parameters). */
export const SIZE_CLASS_SMALL_MAX = constant(
  'bandSizeClassSmallMax',
  3e9,
  'parameters',
  'issue 9 regimes: <3B (launch overhead dominates), 3-15B, >15B (multi-GPU layouts)',
);
export const SIZE_CLASS_MEDIUM_MAX = constant(
  'bandSizeClassMediumMax',
  15e9,
  'parameters',
  'issue 9 regimes: <3B, 3-15B, >15B',
);

export const BAND_CONSTANTS = [
  MEMORY_BAND_FLOOR_PCT,
  THROUGHPUT_BAND_FLOOR_PCT,
  POWER_BAND_FLOOR_PCT,
  EXTRAPOLATION_WIDENING,
  ABSURD_MEASUREMENT_RATIO,
  SIZE_CLASS_SMALL_MAX,
  SIZE_CLASS_MEDIUM_MAX,
] as const;
