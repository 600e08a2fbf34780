import { z } from 'zod';

/** Currencies a price may be quoted in; a scenario converts them with its own `fx` rates. */
export const CURRENCIES = [
  'USD',
  'CNY',
  'EUR',
  'GBP',
  'JPY',
  'HKD',
  'SGD',
  'KRW',
  'INR',
  'CAD',
  'AUD',
  'CHF',
  'TWD',
] as const;
export const currencySchema = z.enum(CURRENCIES, {
  error: () => `must be one of ${CURRENCIES.join(', ')}`,
});
export type Currency = z.infer<typeof currencySchema>;

/** Price dates may not lie in the future; a day of slack absorbs time zones. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real calendar date')
  .refine((s) => Date.parse(s) <= Date.now() + FUTURE_SLACK_MS, 'must not be in the future');

export const sourceSchema = z.string().trim().min(1, 'must name where the figure came from');

export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.+-]*$/,
    'must be lower-case letters, digits, ".", "+" or "-", starting with a letter or digit',
  )
  .max(80, 'must be at most 80 characters');

/** Every price in the catalog: what it is, in which currency, since when, and who said so. */
export const priceSchema = z.object({
  amount: z.number().finite('must be a finite number').nonnegative('must be ≥ 0'),
  currency: currencySchema,
  asOf: isoDateSchema,
  source: sourceSchema,
});
export type Price = z.infer<typeof priceSchema>;

/** Whether a row came with the app or was made by the user (user rows survive catalog updates). */
export const originSchema = z.enum(['shipped', 'user']);
export type Origin = z.infer<typeof originSchema>;

/**
 * A price inside a catalog row. Strict, so a misspelt column in an import (`price.ammount`) is
 * reported instead of silently dropped; scenario files keep using the lenient `priceSchema`.
 */
export const catalogPriceSchema = z.strictObject(priceSchema.shape);

/** Free text that must say something (names, vendors, notes); an empty cell means "not given". */
export const textSchema = z.string().trim().min(1, 'must not be empty');
