import type { Gpu } from '../../../catalog/schema/gpu';
import {
  ATTENTION_EFFICIENCY,
  GEMM_EFFICIENCY_MAX,
  GEMM_TOKENS_HALF,
  GEMM_WIDTH_HALF,
  HOST_DISPATCH_SECONDS,
  HOST_DISPATCH_SECONDS_H100_HOST,
  HOST_DISPATCH_SECONDS_H200_HOST,
  MEMORY_BANDWIDTH_EFFICIENCY,
} from '../constants/compute';
import type { Precision } from '../types';

/** GEMM efficiency for `tokens` rows per GEMM in a model `hidden` wide (see GEMM_EFFICIENCY_MAX). */
export const gemmEfficiency = (tokens: number, hidden: number): number =>
  GEMM_EFFICIENCY_MAX.value / (1 + GEMM_TOKENS_HALF.value / Math.max(1, tokens)) / (1 + GEMM_WIDTH_HALF.value / hidden);

export const attentionEfficiency = (): number => ATTENTION_EFFICIENCY.value;

/** Achievable HBM bytes per second. */
export const memoryBytesPerSecond = (gpu: Gpu): number =>
  gpu.memoryBandwidthTBs * 1e12 * MEMORY_BANDWIDTH_EFFICIENCY.value;

/** The precision the GPU can actually run: no bf16 on V100 (fp16 instead), no fp8 before Hopper/Ada (bf16 or fp16). */
export function effectivePrecision(gpu: Gpu, p: Precision): Precision {
  if (p === 'bf16-mixed' && gpu.tflops.bf16 === null) return 'fp16-mixed';
  if (p === 'bf16' && gpu.tflops.bf16 === null) return 'fp16-mixed';
  if (p === 'fp8-mixed' && gpu.tflops.fp8 === null) return gpu.tflops.bf16 === null ? 'fp16-mixed' : 'bf16-mixed';
  return p;
}

/** Dense tensor FLOP/s for the GEMMs of a precision (fp32 runs without TF32, PyTorch's default since 1.12). */
export function peakFlops(gpu: Gpu, p: Precision): number {
  const t = gpu.tflops;
  const tf =
    p === 'fp32'
      ? t.fp32
      : p === 'fp16-mixed'
        ? t.fp16
        : p === 'fp8-mixed'
          ? (t.fp8 ?? t.bf16 ?? t.fp16)
          : (t.bf16 ?? t.fp16);
  return tf * 1e12;
}

/**
 * Host seconds per kernel launch. A property of the CPU and software stack, not of the GPU: the input names no host, so
 * the two GPUs of the calibration get the hosts they were measured with and every other GPU the default (constants/compute.ts).
 */
export function hostDispatchSeconds(gpuId: string): number {
  if (gpuId === 'h200-sxm-141gb') return HOST_DISPATCH_SECONDS_H200_HOST.value;
  if (gpuId === 'h100-sxm5-80gb') return HOST_DISPATCH_SECONDS_H100_HOST.value;
  return HOST_DISPATCH_SECONDS.value;
}
