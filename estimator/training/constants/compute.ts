import { CALIBRATION, constant } from './constant';

/**
 * GEMM efficiency against the dense tensor peak: eta = max / (1 + TOKENS_HALF / tokens) / (1 + WIDTH_HALF / hidden).
 * Small micro-batches and narrow models fill fewer tiles and waves of the GPU's SMs.
 */
export const GEMM_EFFICIENCY_MAX = constant(
  'gemmEfficiencyMax',
  0.85,
  'fraction of dense peak',
  `fitted on ${CALIBRATION}; cf. 8192^3 bf16 matmul at 798 of 989 TFLOP/s on H100 (catalog-facts.md, workplace probe)`,
);
export const GEMM_TOKENS_HALF = constant('gemmTokensHalf', 156, 'tokens per micro-batch', `fitted on ${CALIBRATION}`);
export const GEMM_WIDTH_HALF = constant('gemmWidthHalf', 1659, 'hidden units', `fitted on ${CALIBRATION}`);

/** FlashAttention-2 (PyTorch SDPA) reaches 35-45% of H100 dense peak; backward does 2.5x the forward FLOPs. */
export const ATTENTION_EFFICIENCY = constant(
  'attentionEfficiency',
  0.4,
  'fraction of dense peak',
  'Dao 2023, FlashAttention-2 (arXiv 2307.08691) figures 5-7: 335-370 TFLOP/s forward+backward on H100 at head dim 128',
);
export const ATTENTION_BACKWARD_FLOPS_RATIO = constant(
  'attentionBackwardFlopsRatio',
  2.5,
  'x forward',
  'FlashAttention-2 backward recomputes QK^T and runs 4 more matmuls (5 vs 2 in forward)',
);

/** Elementwise kernels (norms, RoPE, SiLU, casts, residual adds, optimizer) stream HBM at this fraction of peak. */
export const MEMORY_BANDWIDTH_EFFICIENCY = constant(
  'memoryBandwidthEfficiency',
  0.8,
  'fraction of peak bandwidth',
  `STREAM-like kernels reach 80-90% of HBM peak; ${CALIBRATION} fit with 0.8`,
);

/**
 * Host time to dispatch one kernel in PyTorch eager mode (Python, dispatcher, autograd); a phase takes max(GPU, host).
 * A property of the machine driving the GPU (its CPU, Python and driver), not of the GPU. The estimate input names no
 * host, so the two GPUs of the calibration keep the host they were measured with and every other GPU gets the default.
 * One value for both hosts does not fit: at 20 us, h100-c01's step comes out 36% shorter than measured.
 */
export const HOST_DISPATCH_SECONDS = constant(
  'hostDispatchSeconds',
  20e-6,
  's/kernel',
  `default for GPUs measured on no known host: between the two hosts of ${CALIBRATION} (15 and 30.4 us); CPU-side dispatch of one eager PyTorch op is commonly put at 5-25 us`,
);
export const HOST_DISPATCH_SECONDS_H200_HOST = constant(
  'hostDispatchSecondsH200Host',
  15e-6,
  's/kernel',
  `the host that drove the H200 in ${CALIBRATION}, fitted on its rows; applied to h200-sxm-141gb because the input names no host`,
);
export const HOST_DISPATCH_SECONDS_H100_HOST = constant(
  'hostDispatchSecondsH100Host',
  30.4e-6,
  's/kernel',
  `the host that drove the H100 in ${CALIBRATION}, fitted on its rows (c01 ran 66% slower than on the H200 host at equal dense peak, at 70% NVML GPU utilisation: the GPU waited on the CPU); applied to h100-sxm5-80gb because the input names no host`,
);

/**
 * Share of the data-parallel communication that overlaps compute and is hidden by it. The collectives run on their own
 * stream while the GPU computes, but not for free: NCCL's kernels take SMs (one per channel, up to 32 of an H100's
 * 132) and HBM bandwidth from the GEMMs they overlap, the first all-gather of a pass and the last reduce-scatter have
 * nothing to overlap with, and prefetching runs one module ahead (DeepSpeed stage3_prefetch_bucket_size, FSDP's
 * backward prefetch). What overlaps a window of compute costs max(0, comm - window) + (1 - this) x min(comm, window).
 */
export const DP_OVERLAP_FRACTION = constant(
  'dpOverlapFraction',
  0.8,
  'fraction of overlapped communication hidden',
  'assumed from PyTorch DDP / FSDP / DeepSpeed bucketed overlap (Li et al. 2020, arXiv 2006.15704; Zhao et al. 2023, PyTorch FSDP, arXiv 2304.11277, section 5): the collectives share SMs and HBM with the compute they overlap; checked against the Llama 2 GPU-hours (FSDP over 1024 A100s) in npm run validate',
);

/** CPU-side Adam of ZeRO-Offload: parameters updated per second by one GPU's share of the host. */
export const CPU_ADAM_PARAMS_PER_SECOND = constant(
  'cpuAdamParamsPerSecond',
  1e9,
  'params/s',
  'assumed order of magnitude for DeepSpeed CPU-Adam on a server socket (Ren et al. 2021, ZeRO-Offload, arXiv 2101.06840, section 5: vectorised CPU-Adam)',
);

/** One direction of a PCIe 3.0 x16 link; each generation doubles it. */
export const PCIE_GBPS_PER_GEN = constant(
  'pcieGen3x16GBps',
  16,
  'GB/s one direction',
  'PCI-SIG: PCIe 3.0 x16 = 15.75 GB/s per direction, doubled by 4.0 and 5.0',
);

/** Kernel launches per layer forward in Transformers' Llama/Qwen2 decoder layer (counted from the code). */
export const KERNELS_PER_LAYER = constant(
  'kernelsPerLayerForward',
  36,
  'kernels',
  'Transformers LlamaDecoderLayer forward: 2 RMSNorms (6 each), 7 GEMMs, RoPE (10), SDPA, SiLU, product, 2 adds; +10 casts under autocast over fp32 weights, +8 per PEFT adapter',
);
