import { constant } from '../training/constants/constant';

/**
 * How much of a calibration row's `gpuWattsMean` was drawn before the steps it reports. An uncertainty of the
 * measurement, never applied to a prediction: validation compares `power.gpuWatts` with the reading as it is, and
 * leaves a row out of the pass/fail gate when this share alone could exceed the power tolerance.
 *
 * measure.py reads nvmlDeviceGetPowerUsage every 0.1 s during the six timed steps only. On Ampere (except GA100) and
 * newer GPUs that reading is the mean over the last second, so a sample taken t seconds into the timed steps also
 * averages 1 - t - (2 warm-up steps) seconds from before the warm-up (model built on the GPU, allocator emptied, first
 * step's one-time setup). For a run of 6 x 0.076 s (h200-c01) that is 65% of every reading on average.
 */
export const NVML_POWER_AVERAGING_SECONDS = constant(
  'nvmlPowerAveragingSeconds',
  1,
  's',
  'NVML API reference, nvmlDeviceGetPowerUsage: "On Ampere (except GA100) or newer GPUs, the API returns power averaged over 1 sec interval"',
);
export const SAMPLE_PERIOD_SECONDS = constant(
  'nvmlSamplePeriodSeconds',
  0.1,
  's',
  '../shared/calibration/measure.py: the sampler sleeps 0.1 s between readings',
);
export const TIMED_STEPS = constant('timedSteps', 6, 'steps', '../shared/calibration/measure.py: n = 6');
export const WARMUP_STEPS = constant('warmupSteps', 2, 'steps', '../shared/calibration/measure.py: two warm-up steps');

/**
 * Mean share (0..1) of the NVML-averaged power samples of a measure.py run that lies before its warm-up steps, for
 * a measured step of `stepSeconds`. A lower bound: the warm-up is counted as training although its first step also
 * loads kernels and creates cuBLAS handles.
 */
export function preRunShare(stepSeconds: number): number {
  if (!(stepSeconds > 0)) return 1;
  const window = NVML_POWER_AVERAGING_SECONDS.value;
  const before = WARMUP_STEPS.value * stepSeconds;
  const duration = TIMED_STEPS.value * stepSeconds;
  let total = 0;
  let n = 0;
  // Samples at 0, 0.1, 0.2 ... s while the timed steps run (the sampler reads once before its first sleep).
  for (let k = 0; k * SAMPLE_PERIOD_SECONDS.value < duration; k++) {
    const t = k * SAMPLE_PERIOD_SECONDS.value;
    total += Math.max(0, window - t - before) / window;
    n++;
  }
  return total / n;
}
