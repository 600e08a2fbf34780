import {
  ALLOCATOR_LARGE_ALLOC_BYTES,
  ALLOCATOR_ROUND_BYTES,
  ALLOCATOR_ROUND_LARGE_BYTES,
  ALLOCATOR_SPLIT_REMAINDER_BYTES,
} from '../constants/memory';

const ROUND = ALLOCATOR_ROUND_BYTES.value;
const LARGE = ALLOCATOR_LARGE_ALLOC_BYTES.value;
const ROUND_LARGE = ALLOCATOR_ROUND_LARGE_BYTES.value;
const SPLIT = ALLOCATOR_SPLIT_REMAINDER_BYTES.value;

/**
 * Bytes PyTorch's caching allocator counts as allocated for one tensor of `bytes`: rounded to 512 B; a tensor of
 * 10 MiB or more gets a 2 MiB-rounded segment and keeps the remainder when it is 1 MiB or less (e.g. a 43 MiB
 * fp32 weight of deepseek-coder-1.3b holds 44 MiB).
 */
export function blockBytes(bytes: number): number {
  if (bytes <= 0) return 0;
  const rounded = Math.ceil(bytes / ROUND) * ROUND;
  if (rounded < LARGE) return rounded;
  const segment = Math.ceil(rounded / ROUND_LARGE) * ROUND_LARGE;
  return segment - rounded <= SPLIT ? segment : rounded;
}

/** `count` tensors of `bytes` each. */
export const blocks = (count: number, bytes: number): number => (count > 0 ? count * blockBytes(bytes) : 0);
