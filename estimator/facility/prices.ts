import type { Currency } from '../../catalog/schema/common';
import type { PriceRef } from '../costing/types';
import type { FacilityFigure } from './defaults';
import type { SiteMoney } from './schema';

/** Converts an amount in `currency` into the plan's currency (compare passes the scenario's fx). */
export type Convert = (
  amount: number,
  currency: Currency,
) => { readonly amount: number; readonly fxNote?: string | null };

/** The default prices are quoted in US dollars. */
const DEFAULT_CURRENCY: Currency = 'USD';

/**
 * A price for the plan, in its currency: the site's own when it gives one, else the default with its
 * source. A price in another currency needs `convert`; without it the plan cannot be priced honestly.
 */
export function sitePrice(
  field: string,
  given: SiteMoney | undefined,
  fallback: FacilityFigure,
  currency: Currency,
  convert: Convert | undefined,
): PriceRef | { readonly error: string } {
  const from = given?.currency ?? DEFAULT_CURRENCY;
  const amount = given?.amount ?? fallback.value;
  const source = given ? (given.source ?? `assumptions.site.${field}`) : fallback.source;
  const asOf = given ? (given.asOf ?? null) : fallback.asOf;
  if (from === currency) return { amount, source, asOf };
  if (!convert)
    return {
      error: `assumptions.site.${field}: ${given ? 'is' : `is not given and the default is`} in ${from} but the plan counts in ${currency}: give an exchange rate`,
    };
  const c = convert(amount, from);
  return { amount: c.amount, source, asOf, fxNote: c.fxNote ?? null };
}
