import { z } from 'zod';
import { catalogPriceSchema, idSchema, isoDateSchema, sourceSchema, textSchema } from './common';

/**
 * Dense tensor throughput in TFLOP/s (TOPS for int8). Never the 2:4-sparsity headline figure:
 * NVIDIA quotes sparse numbers from Ampere on (H100 SXM "1979 FP16" is 989.4 dense).
 * `null` = the GPU has no such tensor path (V100 has no bf16, no fp8).
 */
export const tflopsSchema = z.strictObject({
  fp32: z.number().positive('must be > 0'),
  tf32: z.number().positive('must be > 0').nullable(),
  fp16: z.number().positive('must be > 0'),
  bf16: z.number().positive('must be > 0').nullable(),
  fp8: z.number().positive('must be > 0').nullable(),
  int8: z.number().positive('must be > 0').nullable(),
  /** Dense FP4 (Blackwell on); absent where the GPU has no FP4 path or no figure was published. */
  fp4: z.number().positive('must be > 0').optional(),
});

export const GPU_LINK_KINDS = ['nvlink', 'nvlink-bridge', 'infinity-fabric', 'pcie', 'unified'] as const;

export const gpuSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  vendor: z.enum(['nvidia', 'amd', 'intel']),
  architecture: textSchema,
  formFactor: z.enum(['sxm', 'pcie', 'oam', 'nvl', 'superchip', 'module', 'consumer']),
  /** Memory as labelled (HBM/GDDR sizes are binary: "80GB" = 80 GiB). */
  memoryGB: z.number().positive('must be > 0').max(1024, 'must be ≤ 1024'),
  memoryType: textSchema,
  /** Peak memory bandwidth, TB/s (10^12 bytes/s). */
  memoryBandwidthTBs: z.number().positive('must be > 0').max(50, 'must be ≤ 50'),
  tflops: tflopsSchema,
  tdpWatts: z.number().positive('must be > 0').max(3000, 'must be ≤ 3000'),
  /** GPU-to-GPU link inside a node. `gbPerSecond`: total bidirectional GB/s per GPU as the vendor states it. */
  link: z.strictObject({
    kind: z.enum(GPU_LINK_KINDS),
    gbPerSecond: z.number().nonnegative('must be ≥ 0'),
    pcieGen: z.number().int().min(3).max(6),
  }),
  priceNew: catalogPriceSchema.optional(),
  priceUsed: catalogPriceSchema.optional(),
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});
export type Gpu = z.infer<typeof gpuSchema>;
