import type { Gpu } from '../../catalog/schema/gpu';
import {
  GPU_ACTIVE_IDLE_FRACTION_OF_TDP,
  GPU_POWER_PER_HBM_UTILISATION,
  GPU_TENSOR_UTILISATION_AT_TDP,
  NODE_OVERHEAD_LOAD_FRACTION,
  SERVER_TO_GPU_POWER_RATIO,
} from './constants/power';

/** What one GPU does during one optimizer step, as the time model computes it (throughput.ts `gpuActivity`). */
export interface GpuActivity {
  /** Seconds of one optimizer step. */
  stepSeconds: number;
  /** Seconds of tensor-core kernels (GEMMs, attention) in the step. */
  tensorSeconds: number;
  /** Achieved FLOP/s over the dense peak while those kernels run (0..1). */
  tensorUtilisation: number;
  /** Seconds of bandwidth-bound kernels (elementwise ops, casts, optimizer update) in the step. */
  memorySeconds: number;
  /** Achieved bytes/s over peak memory bandwidth while those kernels run (0..1). */
  memoryUtilisation: number;
}

/** Draw of a GPU with its clocks up and no kernel running. */
export const activeIdleWatts = (gpu: Gpu): number => GPU_ACTIVE_IDLE_FRACTION_OF_TDP.value * gpu.tdpWatts;

/**
 * Mean draw of one GPU over a training step. The step alternates between tensor-core kernels, bandwidth-bound kernels
 * and gaps (host-bound launches, exposed communication, pipeline bubbles, CPU-side optimizer with offload: everything
 * the time model does not spend in kernels). Gaps draw active idle; kernels add a share of the range up to TDP that
 * rises with their tensor or HBM utilisation and saturates at TDP (constants/power.ts). Never below active idle, never
 * above TDP.
 */
export function gpuWatts(gpu: Gpu, a: GpuActivity): number {
  const idle = activeIdleWatts(gpu);
  if (!(a.stepSeconds > 0)) return idle;
  const range = gpu.tdpWatts - idle;
  const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
  const tensorShare = clamp01(a.tensorUtilisation / GPU_TENSOR_UTILISATION_AT_TDP.value);
  const memoryShare = clamp01(GPU_POWER_PER_HBM_UTILISATION.value * a.memoryUtilisation);
  const loaded = Math.max(0, a.tensorSeconds) * tensorShare + Math.max(0, a.memorySeconds) * memoryShare;
  return idle + range * clamp01(loaded / a.stepSeconds);
}

/**
 * Mean draw of one node: its GPUs plus the rest of the server (CPUs, memory, fans, NICs, storage), sized from the
 * GPU's TDP by the server/GPU power ratio and running at the average-load fraction.
 */
export function nodeWatts(gpu: Gpu, gpusInNode: number, meanGpuWatts: number): number {
  const rest = (SERVER_TO_GPU_POWER_RATIO.value - 1) * gpu.tdpWatts * gpusInNode * NODE_OVERHEAD_LOAD_FRACTION.value;
  return gpusInNode * meanGpuWatts + rest;
}

/** IT energy of a run in kWh (before PUE). */
export const energyKWh = (clusterWatts: number, seconds: number): number => (clusterWatts * seconds) / 3.6e6;
