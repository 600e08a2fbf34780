import { z } from 'zod';
import { catalogPriceSchema, idSchema, isoDateSchema, sourceSchema, textSchema } from './common';
import { interconnectSchema } from './interconnect';

/** What one instance costs for one hour; clouds quote per GPU-hour too, but a row is an instance. */
export const hourlyPriceSchema = z.strictObject({
  ...catalogPriceSchema.shape,
  per: z.literal('hour', { error: 'must be "hour" (price per instance-hour)' }),
});
export type HourlyPrice = z.infer<typeof hourlyPriceSchema>;

export const PRICINGS = ['on-demand', 'spot', 'reserved-1y', 'reserved-3y'] as const;
export type Pricing = (typeof PRICINGS)[number];

/**
 * A rentable instance. Carries every field a scenario's inline offer has (contracts/scenario.md);
 * each pricing has its own date and source because they are published (and change) separately.
 */
export const cloudOfferSchema = z.strictObject({
  id: idSchema,
  /** Short lower-case provider id: aws, azure, gcp, alibaba, tencent, lambda, coreweave, runpod, vast... */
  provider: idSchema,
  /** The instance type as the provider names it. */
  name: textSchema,
  region: textSchema,
  /** A gpus.json id. */
  gpu: idSchema,
  gpusPerInstance: z
    .number()
    .int('must be a whole number of GPUs')
    .min(1, 'must be at least 1 GPU')
    .max(64, 'must be at most 64 GPUs'),
  vcpus: z.number().int('must be a whole number').positive('must be > 0').optional(),
  ramGiB: z.number().positive('must be > 0').optional(),
  /** The link between instances, where the provider offers one that the estimator models. */
  interconnect: interconnectSchema.optional(),
  prices: z
    .strictObject({
      'on-demand': hourlyPriceSchema.optional(),
      spot: hourlyPriceSchema.optional(),
      'reserved-1y': hourlyPriceSchema.optional(),
      'reserved-3y': hourlyPriceSchema.optional(),
    })
    .refine(
      (p) => PRICINGS.some((k) => p[k] !== undefined),
      'must give at least one of on-demand, spot, reserved-1y, reserved-3y',
    ),
  /** Where the instance's shape (vCPU, RAM, GPUs) comes from. */
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});
export type CloudOffer = z.infer<typeof cloudOfferSchema>;
