import { CALIBRATION, constant } from './constant';

/**
 * Mean GPU draw while training: P = active idle + (TDP - active idle) x min(1, a x FLOP-utilisation + b x bandwidth-utilisation),
 * utilisations being achieved FLOP/s over the dense peak and achieved bytes/s over peak bandwidth.
 */
export const GPU_ACTIVE_IDLE_FRACTION_OF_TDP = constant(
  'gpuActiveIdleFractionOfTdp',
  150 / 700,
  'fraction of TDP',
  `fitted on ${CALIBRATION} (150 W of 700 W: clocks up, memory refreshed, no kernels)`,
);
export const GPU_POWER_PER_FLOP_UTILISATION = constant(
  'gpuPowerPerFlopUtilisation',
  2.03,
  'fraction of dynamic range per unit FLOP utilisation',
  `fitted on ${CALIBRATION}; saturates at TDP near 45% FLOP utilisation, as large-model runs draw 85-99% of TDP`,
);
export const GPU_POWER_PER_BANDWIDTH_UTILISATION = constant(
  'gpuPowerPerBandwidthUtilisation',
  0.61,
  'fraction of dynamic range per unit bandwidth utilisation',
  `fitted on ${CALIBRATION}`,
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
