import { CALIBRATION, constant } from './constant';

const MiB = 1024 * 1024;

/** cuBLAS keeps one workspace per (handle, stream): one for the forward thread, one for autograd's backward thread. */
export const CUBLAS_WORKSPACES_BYTES = constant(
  'cublasWorkspacesBytes',
  64 * MiB,
  'bytes',
  `2 x 32 MiB (PyTorch's default cuBLAS workspace on Hopper, ":4096:8"); the fit of ${CALIBRATION}: peaks of h200-c10/c15 exceed their tensors by exactly this`,
);

/** The caching allocator rounds every block to 512 bytes. */
export const ALLOCATOR_ROUND_BYTES = constant(
  'allocatorRoundBytes',
  512,
  'bytes',
  'PyTorch CUDACachingAllocator kMinBlockSize',
);

/** Blocks of 10 MiB or more are cudaMalloc'ed in 2 MiB steps ... */
export const ALLOCATOR_LARGE_ALLOC_BYTES = constant(
  'allocatorLargeAllocBytes',
  10 * MiB,
  'bytes',
  'PyTorch CUDACachingAllocator kMinLargeAlloc (allocations of this size or more are rounded to kRoundLarge)',
);
export const ALLOCATOR_ROUND_LARGE_BYTES = constant(
  'allocatorRoundLargeBytes',
  2 * MiB,
  'bytes',
  'PyTorch CUDACachingAllocator kRoundLarge',
);

/** ... and the remainder stays with the tensor unless it exceeds 1 MiB (no split): a 43 MiB weight holds 44 MiB. */
export const ALLOCATOR_SPLIT_REMAINDER_BYTES = constant(
  'allocatorSplitRemainderBytes',
  1 * MiB,
  'bytes',
  `PyTorch CUDACachingAllocator kSmallSize (large blocks split only when more than this remains); explains the +72 MiB of deepseek-coder-1.3b fp32 weights in ${CALIBRATION}`,
);

/** What PyTorch reserves beyond what it allocates (fragmentation of the caching allocator). */
export const RESERVED_OVER_ALLOCATED = constant(
  'reservedOverAllocated',
  1.07,
  'ratio',
  `median of peakReservedBytes / peakAllocatedBytes over ${CALIBRATION} (range 1.01-1.21)`,
);

export const CUDA_CONTEXT_BYTES = constant(
  'cudaContextBytes',
  0.5e9,
  'bytes',
  '../shared/calibration/README.md: "The CUDA context adds about 0.5 GB on top of reserved"',
);

/**
 * The margin "does not fit" remedies keep below capacity, and `estimate()`'s own fitsConfidence. A remedy may change
 * the method or recompute, and so its accuracy band, so it is held to the widest memory band the validation gives
 * (estimator/confidence/bands.json; a test there fails if a band grows past this): a remedy offered as fitting reads
 * "fits" on the estimator screen whatever its regime.
 */
export const MEMORY_BAND_FRACTION = constant(
  'memoryBandFraction',
  0.06,
  'fraction of peak',
  `the widest memory accuracy band of estimator/confidence/bands.json (QLoRA, no validation rows: the 3% floor × 2 for extrapolation); worst error on ${CALIBRATION} is 0.1%`,
);

/** DeepSpeed's gradient reduce bucket (`reduce_bucket_size`, default 5e8 elements) is live during backward. */
export const ZERO_REDUCE_BUCKET_ELEMENTS = constant(
  'zeroReduceBucketElements',
  5e8,
  'elements',
  'DeepSpeed config docs, zero_optimization.reduce_bucket_size default',
);

/** bitsandbytes 8-bit AdamW: two uint8 states plus one fp32 absmax per 2048-element block for each. */
export const ADAM_8BIT_BYTES_PER_PARAM = constant(
  'adam8bitBytesPerParam',
  2 + (2 * 4) / 2048,
  'bytes/param',
  'Dettmers et al. 2022, 8-bit Optimizers via Block-wise Quantization (arXiv 2110.02861), block size 2048',
);

/** QLoRA NF4: 4-bit weights, one 8-bit absmax per 64 weights, one fp32 constant per 256 absmax (double quantization). */
export const NF4_BYTES_PER_PARAM = constant(
  'nf4BytesPerParam',
  0.5 + 1 / 64 + 4 / (64 * 256),
  'bytes/param',
  'Dettmers et al. 2023, QLoRA (arXiv 2305.14314) section 3: blocksize 64, double quantization with blocksize 256 (0.127 bits/param of constants)',
);

/** Flash/SDPA keeps one fp32 log-sum-exp per head and token. */
export const FLASH_LSE_BYTES = constant(
  'flashLseBytes',
  4,
  'bytes/(head x token)',
  'FlashAttention-2 saves softmax_lse in fp32 (Dao 2023, arXiv 2307.08691)',
);
