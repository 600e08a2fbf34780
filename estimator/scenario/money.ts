import type { Currency } from '../../catalog/schema/common';

/**
 * Money as the planner adds it up: an integer number of minor units (cents, fen, yen) and an
 * explicit currency, so that totals are exact sums and nobody adds USD to CNY by accident.
 *
 * Unit rates (USD/kWh, USD/h) stay decimal numbers: an electricity tariff of 0.0806 USD/kWh has no
 * exact number of cents. A rate becomes money once, when it is multiplied by a quantity into a cost
 * line, and that line is rounded to the minor unit there (half away from zero).
 */
export interface Money {
  /** Integer minor units: USD 30,000.00 is 3_000_000. */
  readonly amountMinor: number;
  readonly currency: Currency;
}

/** ISO 4217 minor-unit digits; 2 for every currency the catalog accepts except these. */
const MINOR_DIGITS: Partial<Record<Currency, number>> = { JPY: 0, KRW: 0 };

export const minorDigits = (currency: Currency): number => MINOR_DIGITS[currency] ?? 2;

const scale = (currency: Currency): number => 10 ** minorDigits(currency);

/**
 * Rounds half away from zero, so that -0.5 cents and +0.5 cents round symmetrically. The value is
 * first taken to 15 significant digits, as spreadsheets do before ROUND: 1.005 × 100 is
 * 100.49999999999999 in binary, and finance's LibreOffice/Excel (which recompute our xlsx) see 100.5.
 */
export function roundHalfAway(x: number): number {
  const r = Math.sign(x) * Math.round(Number(Math.abs(x).toPrecision(15)));
  return r === 0 ? 0 : r; // never -0
}

/** Rounds to `digits` decimals the way a spreadsheet's ROUND does (see roundHalfAway). */
export const roundTo = (x: number, digits: number): number => roundHalfAway(x * 10 ** digits) / 10 ** digits;

/** A decimal amount in major units (30000.5 USD) -> Money (3_000_050 minor). */
export function money(amount: number, currency: Currency): Money {
  if (!Number.isFinite(amount)) throw new RangeError(`money: amount must be finite, got ${amount}`);
  return { amountMinor: roundHalfAway(amount * scale(currency)), currency };
}

export const zero = (currency: Currency): Money => ({ amountMinor: 0, currency });

/** Minor units -> major units as a number (for JSON output and charts). */
export const toMajor = (m: Money): number => m.amountMinor / scale(m.currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new TypeError(`cannot add ${a.currency} to ${b.currency}: convert first`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function sub(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

export function sum(currency: Currency, items: readonly Money[]): Money {
  return items.reduce((acc, m) => add(acc, m), zero(currency));
}

export const negate = (m: Money): Money => ({
  amountMinor: m.amountMinor === 0 ? 0 : -m.amountMinor,
  currency: m.currency,
});

/** A rate (major units per unit of something) times a quantity, rounded once to the minor unit. */
export function rateTimes(rate: number, quantity: number, currency: Currency): Money {
  return money(rate * quantity, currency);
}

/**
 * Splits a total into `parts` integer pieces that add up to it exactly (the first pieces take the
 * remainder), so a monthly schedule sums to the horizon total to the cent.
 */
export function splitEvenly(total: Money, parts: number): Money[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`splitEvenly: parts must be a whole number ≥ 1`);
  const sign = total.amountMinor < 0 ? -1 : 1;
  const abs = Math.abs(total.amountMinor);
  const base = Math.floor(abs / parts);
  const rest = abs - base * parts;
  return Array.from({ length: parts }, (_, i) => ({
    amountMinor: sign * (base + (i < rest ? 1 : 0)) || 0,
    currency: total.currency,
  }));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A decimal number with thousands separators and at least `minDecimals` decimals (more when the value has them, up to `maxDecimals`). */
export function formatDecimal(value: number, minDecimals = 2, maxDecimals = 6): string {
  let decimals = minDecimals;
  while (decimals < maxDecimals && Math.abs(Number(value.toFixed(decimals)) - value) > Math.abs(value) * 1e-12)
    decimals += 1;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${groupThousands(int)}${frac ? `.${frac}` : ''}`;
}

/** `USD 30,000.00`, `JPY 4,500`. */
export function formatMoney(m: Money): string {
  const digits = minorDigits(m.currency);
  return `${m.currency} ${formatDecimal(toMajor(m), digits, digits)}`;
}

/** `USD 0.0806` for a unit rate: the currency's minor digits, more when the rate has them. */
export function formatRate(amount: number, currency: Currency): string {
  return `${currency} ${formatDecimal(amount, minorDigits(currency), 6)}`;
}

/** A plain number for a formula: `8`, `1,234.5`, `0.15`. */
export function formatQuantity(value: number, maxDecimals = 4): string {
  const rounded = Number(value.toFixed(maxDecimals));
  return formatDecimal(rounded, 0, maxDecimals);
}

// ---------------------------------------------------------------------------------------------
// Exchange rates

/**
 * The scenario's exchange rates: `rates.CNY = 7.1` means 1 unit of the scenario's currency buys
 * 7.1 CNY (contracts/scenario.md). `asOf` is the date the rates were read.
 */
export interface FxTable {
  readonly base: Currency;
  readonly rates: Partial<Record<Currency, number>>;
  readonly asOf: string | null;
}

export class FxError extends Error {
  constructor(
    readonly currency: Currency,
    readonly base: Currency,
  ) {
    super(
      `needs an exchange rate for ${currency} (how many ${currency} one ${base} buys) in assumptions.fx.${currency}`,
    );
  }
}

/** How many units of `currency` one unit of the base buys. */
function unitsPerBase(fx: FxTable, currency: Currency): number {
  if (currency === fx.base) return 1;
  const rate = fx.rates[currency];
  if (rate === undefined || !(rate > 0)) throw new FxError(currency, fx.base);
  return rate;
}

export interface Converted {
  /** The amount in the target currency (a decimal: a unit rate is not rounded here). */
  readonly amount: number;
  readonly currency: Currency;
  /** `CNY 123.00 → USD 17.32 at 7.1 CNY/USD (fx 2026-11-01)`; null when no conversion was needed. */
  readonly note: string | null;
}

/**
 * Converts a decimal amount (a price or a unit rate) into `to` with the scenario's rates, and says
 * so visibly. Cross rates (EUR → CNY in a USD scenario) go through the base currency.
 * `unit` is appended to both sides of the note: `/h`, `/kWh`.
 */
export function convert(amount: number, from: Currency, to: Currency, fx: FxTable, unit = ''): Converted {
  if (from === to) return { amount, currency: to, note: null };
  const inBase = amount / unitsPerBase(fx, from);
  const out = inBase * unitsPerBase(fx, to);
  const rateText =
    to === fx.base
      ? `${formatQuantity(unitsPerBase(fx, from), 6)} ${from}/${to}`
      : from === fx.base
        ? `${formatQuantity(unitsPerBase(fx, to), 6)} ${to}/${from}`
        : `${formatQuantity(unitsPerBase(fx, from), 6)} ${from}/${fx.base} and ${formatQuantity(unitsPerBase(fx, to), 6)} ${to}/${fx.base}`;
  const date = fx.asOf ? ` (fx ${fx.asOf})` : ' (fx date not given)';
  const show = (v: number, c: Currency) =>
    Math.abs(v) >= 1 ? `${c} ${formatDecimal(v, minorDigits(c), minorDigits(c))}` : formatRate(v, c);
  const note = `${show(amount, from)}${unit} → ${show(out, to)}${unit} at ${rateText}${date}`;
  return { amount: out, currency: to, note };
}
