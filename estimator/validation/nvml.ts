import { constant } from '../training/constants/constant';

/**
 * What measure.py's power sampler reads for a steady draw `watts`. NVML's power reading on Ampere (except GA100) and
 * newer is the average over the last second, and the sampler reads it every 100 ms during six timed steps only: in a
 * run shorter than a second the early samples still average the lower draw from before the warm-up. The estimator
 * reports the steady draw; validation compares like with like by passing the prediction through this window.
 */
export const NVML_AVERAGING_SECONDS = constant(
  'nvmlAveragingSeconds',
  1,
  's',
  'NVML API reference, nvmlDeviceGetPowerUsage: "On Ampere (except GA100) or newer GPUs, the API returns power averaged over 1 sec interval"',
);
export const SAMPLE_PERIOD_SECONDS = constant(
  'nvmlSamplePeriodSeconds',
  0.1,
  's',
  '../shared/calibration/measure.py: sampler sleeps 0.1 s',
);
export const TIMED_STEPS = constant('timedSteps', 6, 'steps', '../shared/calibration/measure.py: n = 6');
export const WARMUP_STEPS = constant('warmupSteps', 2, 'steps', '../shared/calibration/measure.py: two warm-up steps');
/** Draw before the warm-up (model built, allocator emptied): an idle Hopper SXM board. */
export const PRE_RUN_FRACTION_OF_TDP = constant(
  'preRunFractionOfTdp',
  0.1,
  'fraction of TDP',
  'idle H100/H200 SXM draw of ~70 W of 700 W (nvidia-smi at rest); fitted on the short runs of measured.jsonl',
);

export function sampledWatts(steadyWatts: number, stepSeconds: number, tdpWatts: number): number {
  const window = NVML_AVERAGING_SECONDS.value;
  const before = PRE_RUN_FRACTION_OF_TDP.value * tdpWatts;
  const busyBefore = WARMUP_STEPS.value * stepSeconds;
  const duration = TIMED_STEPS.value * stepSeconds;
  let total = 0;
  let n = 0;
  for (let t = SAMPLE_PERIOD_SECONDS.value / 2; t <= duration; t += SAMPLE_PERIOD_SECONDS.value) {
    const busy = Math.min(1, (t + busyBefore) / window);
    total += before + (steadyWatts - before) * busy;
    n++;
  }
  return n === 0 ? before + (steadyWatts - before) * Math.min(1, (duration + busyBefore) / window) : total / n;
}
