import type { Currency } from '../../catalog/schema/common';
import { formatDecimal, formatQuantity, minorDigits, money, sum, type Money } from '../scenario/money';
import type { CostKind, CostLine, PaidAt, PriceRef } from './types';

/** `30,000.00 USD` — amounts inside formulas read number first, as in "8 × 30,000.00 USD". */
export function amountText(amount: number, currency: Currency, unit = ''): string {
  const digits = minorDigits(currency);
  const text =
    Math.abs(amount) >= 1 || amount === 0
      ? formatDecimal(amount, digits, Math.max(digits, 4))
      : formatDecimal(amount, digits, 6);
  return `${text} ${currency}${unit}`;
}

export const qty = (n: number, unit = '', maxDecimals = 4): string =>
  `${formatQuantity(n, maxDecimals)}${unit ? ` ${unit}` : ''}`;

/** `1 node`, `4 nodes`. */
export const count = (n: number, noun: string): string => `${formatQuantity(n)} ${noun}${n === 1 ? '' : 's'}`;

export const pct = (rate: number): string => `${formatQuantity(rate * 100, 4)}%`;

/** The source of a price, with its conversion when it had one. */
export function priceSource(p: PriceRef): string {
  const parts = [p.source];
  if (p.asOf) parts[0] = `${p.source} (${p.asOf})`;
  if (p.fxNote) parts.push(p.fxNote);
  return parts.join('; ');
}

export interface LineSpec {
  id: string;
  label: string;
  kind: CostKind;
  /** Major units, decimal; rounded to minor units here, once. */
  amount: number;
  currency: Currency;
  formula: string;
  inputs: Record<string, number | string | boolean | null>;
  source: string;
  paidAt: PaidAt;
}

export function line(spec: LineSpec): CostLine {
  const m = money(spec.amount, spec.currency);
  return { ...spec, amountMinor: m.amountMinor, currency: m.currency };
}

export const lineMoney = (l: CostLine): Money => ({ amountMinor: l.amountMinor, currency: l.currency });

export function totalOf(currency: Currency, lines: readonly CostLine[], kind: CostKind): Money {
  return sum(currency, lines.filter((l) => l.kind === kind).map(lineMoney));
}
