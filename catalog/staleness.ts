import { flattenRow, getPath, isPlainObject } from './paths';

export const DEFAULT_STALE_MONTHS = 12;

export interface PriceAge {
  /** Whole calendar months between the price's date and today. */
  months: number;
  days: number;
  /** Older than the threshold: dated before the same day `thresholdMonths` months ago. */
  stale: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

function utcDate(value: string | Date): Date {
  if (value instanceof Date) return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN));
}

/** `months` back from `date`, clamped to the month's last day (31 March - 1 month = 28/29 February). */
function monthsBefore(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)));
}

/** How old a price dated `asOf` (YYYY-MM-DD) is on `today`, and whether that is older than the threshold. */
export function priceAge(
  asOf: string,
  today: string | Date = new Date(),
  thresholdMonths = DEFAULT_STALE_MONTHS,
): PriceAge {
  const from = utcDate(asOf);
  const to = utcDate(today);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return { months: 0, days: 0, stale: true };
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return { months: Math.max(0, months), days, stale: from < monthsBefore(to, thresholdMonths) };
}

export interface PriceCell extends PriceAge {
  /** The price object's field path (`priceNew`, `prices.spot`). */
  path: string;
  asOf: string;
}

/** Every price in a row (any object with amount, currency and asOf), with its age. */
export function pricesWithAge(
  row: Record<string, unknown>,
  today: string | Date = new Date(),
  thresholdMonths = DEFAULT_STALE_MONTHS,
): PriceCell[] {
  const paths = new Set<string>();
  for (const leaf of Object.keys(flattenRow(row))) {
    if (!leaf.endsWith('.asOf')) continue;
    const path = leaf.slice(0, -'.asOf'.length);
    const value = getPath(row, path);
    if (isPlainObject(value) && 'amount' in value && 'currency' in value && typeof value.asOf === 'string')
      paths.add(path);
  }
  return [...paths].map((path) => {
    const asOf = getPath(row, `${path}.asOf`) as string;
    return { path, asOf, ...priceAge(asOf, today, thresholdMonths) };
  });
}
