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

/** Everything in a server that is not a GPU (CPUs, memory, fans, NICs, storage, power conversion), as a multiple of GPU TDP. */
export const SERVER_TO_GPU_POWER_RATIO = constant(
  'serverToGpuPowerRatio',
  1.82,
  'server W / GPU TDP',
  'Epoch AI training-cost model, server/GPU power ratio for H100 (catalog-facts.md section 5); DGX H100: 10.2 kW max / (8 x 700 W) = 1.82',
);
/** The non-GPU part of a node runs at this share of its maximum while the GPUs train. */
export const NODE_OVERHEAD_LOAD_FRACTION = constant(
  'nodeOverheadLoadFraction',
  0.75,
  'fraction of maximum',
  'Epoch AI energy model: average draw 75% of rated power during training (catalog-facts.md section 5)',
);
