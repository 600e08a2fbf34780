import type { Gpu } from '../../catalog/schema/gpu';
import {
  GPU_ACTIVE_IDLE_FRACTION_OF_TDP,
  GPU_POWER_PER_HBM_UTILISATION,
  GPU_TENSOR_UTILISATION_AT_TDP,
  NODE_MODULE,
  NODE_OVERHEAD_LOAD_FRACTION,
  NODE_PCIE_SERVER,
  NODE_SUPERCHIP,
  NODE_SXM_PCIE3,
  NODE_SXM_PCIE4,
  NODE_SXM_PCIE5,
  NODE_WORKSTATION,
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

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
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
  const tensorShare = clamp01(a.tensorUtilisation / GPU_TENSOR_UTILISATION_AT_TDP.value);
  const memoryShare = clamp01(GPU_POWER_PER_HBM_UTILISATION.value * a.memoryUtilisation);
  const loaded = Math.max(0, a.tensorSeconds) * tensorShare + Math.max(0, a.memorySeconds) * memoryShare;
  return idle + range * clamp01(loaded / a.stepSeconds);
}

/** Most consumer cards a node holds and still counts as a workstation (more: a rack chassis, NODE_PCIE_SERVER). */
const WORKSTATION_MAX_CARDS = 4;

/** The kind of node a GPU goes into, known from the GPU row alone: its form factor and, for SXM/OAM, its PCIe generation. */
export function nodeClassOf(gpu: Gpu, gpusInNode: number) {
  switch (gpu.formFactor) {
    case 'module':
      return NODE_MODULE;
    case 'consumer':
      return gpusInNode <= WORKSTATION_MAX_CARDS ? NODE_WORKSTATION : NODE_PCIE_SERVER;
    case 'pcie':
    case 'nvl':
      return NODE_PCIE_SERVER;
    case 'superchip':
      return NODE_SUPERCHIP;
    default:
      return gpu.link.pcieGen <= 3 ? NODE_SXM_PCIE3 : gpu.link.pcieGen === 4 ? NODE_SXM_PCIE4 : NODE_SXM_PCIE5;
  }
}

/**
 * Watts the rest of a node (CPUs, memory, storage, NICs, switches, fans, power conversion) draws at full load: what the
 * system's rating leaves after its GPUs' TDP when the input gives the rating (`nodeMaxWatts`), else the node class's
 * host part plus its share of the GPUs' TDP (constants/power.ts).
 */
export function nodeOverheadMaxWatts(gpu: Gpu, gpusInNode: number, nodeMaxWatts: number | null): number {
  const gpuTdp = gpu.tdpWatts * gpusInNode;
  if (nodeMaxWatts !== null) return Math.max(0, nodeMaxWatts - gpuTdp);
  const c = nodeClassOf(gpu, gpusInNode);
  return c.host.value + c.perGpu.value * gpuTdp;
}

/**
 * Mean draw of one node while training: its GPUs' mean draw plus the rest of the node at the average-load fraction of its
 * maximum, never above the system's rating when the input gives it.
 */
export function nodeWatts(gpu: Gpu, gpusInNode: number, meanGpuWatts: number, nodeMaxWatts: number | null): number {
  const rest = nodeOverheadMaxWatts(gpu, gpusInNode, nodeMaxWatts) * NODE_OVERHEAD_LOAD_FRACTION.value;
  const w = gpusInNode * meanGpuWatts + rest;
  return nodeMaxWatts === null ? w : Math.min(w, nodeMaxWatts);
}

/** IT energy of a run in kWh (before PUE). */
export const energyKWh = (clusterWatts: number, seconds: number): number => (clusterWatts * seconds) / 3.6e6;
