import type { Currency } from '../../../catalog/schema/common';
import { minorDigits } from '../../scenario/money';

/**
 * Number formats. Money shows the currency code after the amount with the currency's minor digits
 * (USD 2, JPY 0), so a printed page cannot be misread; unit rates (per kWh, per hour) show more
 * decimals when they have them. Codes, not symbols: ¥ is both CNY and JPY.
 */

const decimals = (n: number, extra = 0): string => (n + extra > 0 ? `.${'0'.repeat(n)}${'#'.repeat(extra)}` : '');

export const moneyFormat = (c: Currency): string => {
  const body = `#,##0${decimals(minorDigits(c))}`;
  return `${body} "${c}";-${body} "${c}"`;
};

/** A price per unit (kWh, hour, server): up to six decimals. */
export const rateFormat = (c: Currency, unit: string): string => {
  const body = `#,##0${decimals(minorDigits(c), 6 - minorDigits(c))}`;
  return `${body} "${c}${unit}"`;
};

export const FMT = {
  integer: '#,##0',
  /** Counts and quantities that may have decimals (0.5 runs a month). */
  number: '#,##0.####',
  hours: '#,##0.00##',
  kwh: '#,##0.0',
  kw: '#,##0.0##',
  share: '0.0##%',
  ratio: '0.00##',
  date: 'yyyy-mm-dd',
} as const;

/** A unit price in a column whose unit cell names the currency: the minor digits, up to six decimals. */
export const priceFormat = (c: Currency): string => `#,##0${decimals(minorDigits(c), 6 - minorDigits(c))}`;
