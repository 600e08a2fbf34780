import type { Gpu } from '../../catalog/schema/gpu';
import {
  GPU_ACTIVE_IDLE_FRACTION_OF_TDP,
  GPU_POWER_PER_BANDWIDTH_UTILISATION,
  GPU_POWER_PER_FLOP_UTILISATION,
  NODE_OVERHEAD_LOAD_FRACTION,
  SERVER_TO_GPU_POWER_RATIO,
} from './constants/power';

/**
 * Mean draw of one GPU while training: active idle plus the dynamic range of TDP in proportion to how busy the tensor
 * cores (`flopUtilisation`: achieved FLOP/s over dense peak) and HBM (`bandwidthUtilisation`) are, capped at TDP.
 */
export function gpuWatts(gpu: Gpu, flopUtilisation: number, bandwidthUtilisation: number): number {
  const idle = GPU_ACTIVE_IDLE_FRACTION_OF_TDP.value * gpu.tdpWatts;
  const load =
    GPU_POWER_PER_FLOP_UTILISATION.value * Math.max(0, flopUtilisation) +
    GPU_POWER_PER_BANDWIDTH_UTILISATION.value * Math.max(0, bandwidthUtilisation);
  return idle + (gpu.tdpWatts - idle) * Math.min(1, load);
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
