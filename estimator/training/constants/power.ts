import { CALIBRATION, constant } from './constant';

/**
 * Mean draw of one GPU over a training step (power.ts): the step splits into tensor-core kernels, bandwidth-bound
 * kernels and gaps (the GPU waits on the host, the network or another pipeline stage), as the time model computes them.
 *
 *   P = idle + (TDP - idle) x [t_tensor x min(1, u_tensor / U_TDP) + t_memory x min(1, k x u_memory)] / t_step
 *
 * idle = IDLE_FRACTION x TDP; u_tensor = achieved FLOP/s over the dense peak while tensor kernels run; u_memory =
 * achieved bytes/s over peak bandwidth while bandwidth-bound kernels run. Gaps draw active idle. Each term is at most
 * TDP, so P lies between active idle and TDP.
 *
 * Where the two fitted numbers come from: the calibration rows whose reading resolves the draw while training
 * (h200-c03, c10, c12, c15, c17, c19; h100-c07, c10). Rows whose NVML reading comes largely from before the timed steps
 * were left out (estimator/validation/measurement.ts): see that file for why they read low.
 */
export const GPU_ACTIVE_IDLE_FRACTION_OF_TDP = constant(
  'gpuActiveIdleFractionOfTdp',
  0.15,
  'fraction of TDP',
  `assumed, not measured by ${CALIBRATION}: public listings put an idle H100/H200 SXM near 15% of TDP (~105 W), and in the short gaps of a training step the clocks stay up; checked on h100-c07 (17% of its step waits on the host): within 4%`,
);
export const GPU_TENSOR_UTILISATION_AT_TDP = constant(
  'gpuTensorUtilisationAtTdp',
  0.47,
  'fraction of dense peak',
  `fitted on ${CALIBRATION}: GEMM and attention kernels reach the board's power limit from ~47% of the dense tensor peak up (above it the GPU lowers its clocks instead of drawing more). Set by h200-c03 (45% in-kernel utilisation, 89% of TDP); the other seven resolved rows run at 54-60% and only bound it`,
);
export const GPU_POWER_PER_HBM_UTILISATION = constant(
  'gpuPowerPerHbmUtilisation',
  0.85,
  'fraction of (TDP - active idle) per unit of HBM utilisation',
  `fitted on ${CALIBRATION}: bandwidth-bound kernels (norms, casts, optimizer update) streaming at 80% of peak bandwidth draw ~68% of the range above active idle (~510 W on a 700 W board)`,
);

/**
 * Everything in a node that is not a GPU (CPUs, memory, storage, NICs, NVSwitches, fans, power conversion), at full
 * load, by node class (power.ts `nodeClassOf`): a host part that does not depend on the GPUs, and a part proportional
 * to the GPUs' TDP (fans and power-supply losses scale with the heat; NICs and switches with the GPU count and
 * generation). Each class is set by its reference system's rated maximum minus its GPUs' TDP. When the input gives
 * the system's rating (`nodeMaxWatts`), that rating minus the GPUs' TDP is used instead.
 */
const nodeClass = (key: string, hostWatts: number, perGpuTdp: number, hostSource: string, perGpuSource: string) => ({
  host: constant(`nodeHostWatts.${key}`, hostWatts, 'W per node at full load', hostSource),
  perGpu: constant(`nodeOverheadPerGpuTdp.${key}`, perGpuTdp, 'W per W of GPU TDP at full load', perGpuSource),
});

/** 8-GPU SXM servers of the PCIe 3 generation (DGX-1 class: V100 SXM2). */
export const NODE_SXM_PCIE3 = nodeClass(
  'sxmPcie3',
  400,
  700 / 2400,
  'DGX-1 (NVIDIA DGX-1 datasheet): 2 x Xeon E5-2698 v4 (135 W TDP each), 512 GB DDR4, 4 x 1.92 TB SSD: ~400 W',
  'DGX-1: 3,500 W max - 8 x 300 W GPUs = 1,100 W not GPU; less the ~400 W host, 700 W (4 x EDR NICs, fans, PSU losses) over 2,400 W of GPU TDP',
);
/** 8-GPU SXM/OAM servers of the PCIe 4 generation (DGX A100 class: A100, A800, MI250X). */
export const NODE_SXM_PCIE4 = nodeClass(
  'sxmPcie4',
  700,
  2600 / 3200,
  'DGX A100 (NVIDIA DGX A100 datasheet): 2 x AMD EPYC 7742 (225 W TDP each), 1 TB DDR4, 15 TB NVMe: ~700 W',
  'DGX A100: 6,500 W max - 8 x 400 W GPUs = 3,300 W not GPU (Epoch AI server/GPU ratio 2.03 for A100); less the ~700 W host, 2,600 W (6 NVSwitches, 9 ConnectX-6 NICs, fans, PSU losses) over 3,200 W of GPU TDP',
);
/** 8-GPU SXM/OAM servers of the PCIe 5 generation (DGX H100/H200/B200 class: H100, H200, H800, H20, B200, MI300X). */
export const NODE_SXM_PCIE5 = nodeClass(
  'sxmPcie5',
  1000,
  3600 / 5600,
  'DGX H100 (NVIDIA DGX H100 datasheet): 2 x Xeon Platinum 8480C (350 W TDP each), 2 TB DDR5, NVMe: ~1,000 W',
  'DGX H100: 10,200 W max - 8 x 700 W GPUs = 4,600 W not GPU (Epoch AI server/GPU ratio 1.82, catalog-facts.md section 5); less the ~1,000 W host, 3,600 W (4 NVSwitches, 8 ConnectX-7 + 2 BlueField-3, fans, PSU losses) over 5,600 W of GPU TDP; DGX B200 (14,300 W max, 8 x 1,000 W) comes out 6,140 W of 6,300',
);
/** Grace-Blackwell superchips: the Grace CPU is in the superchip's own figure; switches, NICs, fans and conversion remain. */
export const NODE_SUPERCHIP = nodeClass(
  'superchip',
  0,
  0.4,
  'GB200: the Grace CPU and its LPDDR5X draw inside the superchip (catalog row: 1,200 W per GPU)',
  'GB200 NVL72: ~120 kW a rack (catalog-facts.md) for 72 GPUs of 1,200 W = ~470 W a GPU beyond its own figure (NVLink switch trays, NICs, fans, conversion)',
);
/** Rack servers of PCIe cards (L40S, RTX 6000 Ada, A100/H100 PCIe, H100/H200 NVL; 8 consumer cards in a 4U chassis). */
export const NODE_PCIE_SERVER = nodeClass(
  'pcieServer',
  300,
  0.2,
  'dual-socket PCIe GPU server host (CPUs, DIMMs, boot drives) with the CPUs feeding data: ~300 W',
  'fans, PCIe switches and PSU losses; fits the catalog rack systems: 4 x L40S 2U rated 2,200 W for 1,400 W of cards (800 W left), 8 x L40S 5U 5,000 W for 2,800 W, 8 x RTX 6000 Ada 4,000 W for 2,400 W, 8 x RTX 4090 4U 4,400 W for 3,600 W',
);
/** Workstations with one to four consumer cards. */
export const NODE_WORKSTATION = nodeClass(
  'workstation',
  250,
  0.1,
  'desktop CPU, memory, drives and fans of a workstation: ~250 W (workstation non-GPU draw ~300-400 W with its cards)',
  'fans and PSU losses for the cards; fits the catalog workstations: 1 x RTX 5090 rated 900 W for a 575 W card (325 W left), 2 x RTX 4090 1,300 W for 900 W (400 W left)',
);
/** Edge modules (Jetson): the module's rating already covers its CPU, GPU and memory. */
export const NODE_MODULE = nodeClass(
  'module',
  10,
  0,
  'carrier board, fan and regulators around a Jetson module (NVIDIA Jetson AGX Orin technical brief: 15-60 W module power covers CPU, GPU and memory)',
  'no separate GPU overhead: the module is the whole computer',
);

/** The non-GPU part of a node runs at this share of its maximum while the GPUs train. */
export const NODE_OVERHEAD_LOAD_FRACTION = constant(
  'nodeOverheadLoadFraction',
  0.75,
  'fraction of maximum',
  'Epoch AI energy model: average draw 75% of rated power during training (catalog-facts.md section 5)',
);
