import { z } from 'zod';
import { catalogPriceSchema, idSchema, isoDateSchema, sourceSchema, textSchema } from './common';
import { interconnectSchema } from './interconnect';

const wholeNumber = (what: string, max: number) =>
  z
    .number()
    .int(`must be a whole number of ${what}`)
    .min(1, `must be at least 1 ${what.replace(/s$/, '')}`)
    .max(max, `must be at most ${max} ${what}`);

/**
 * A server or workstation one can buy (new, used or refurbished), priced whole. Carries every
 * field a scenario's inline system has (contracts/scenario.md), so a vendor quote pasted into the
 * catalog and one typed into a scenario mean the same thing.
 */
export const systemSchema = z.strictObject({
  id: idSchema,
  name: textSchema,
  vendor: textSchema,
  /** A gpus.json id. */
  gpu: idSchema,
  gpusPerNode: wholeNumber('GPUs', 64),
  condition: z.enum(['new', 'used', 'refurbished']),
  /** Price of one whole system, all its GPUs included. */
  price: catalogPriceSchema,
  /** Draw at full load, W: what the PDUs, the circuit and the cooling must be sized for. */
  powerWatts: z.number().positive('must be > 0').max(1_000_000, 'must be ≤ 1,000,000'),
  /** Height in a rack; a tower workstation counts the shelf or rack-conversion kit it needs. */
  rackUnits: wholeNumber('rack units', 48),
  form: z.enum(['rackmount', 'tower']),
  cooling: z.enum(['air', 'liquid']),
  weightKg: z.number().positive('must be > 0').max(2000, 'must be ≤ 2000').optional(),
  /** The fabric its network adapters give it, when it comes with one. */
  interconnect: interconnectSchema.optional(),
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});
export type System = z.infer<typeof systemSchema>;
