import type { Currency } from '../../../catalog/schema/common';
import { formatDecimal, formatQuantity, minorDigits } from '../../scenario/money';

/**
 * Text into HTML: every user string (scenario and option names, notes, sources) goes through `esc`,
 * so a name like `<b>` or `a & b` prints as written and cannot add markup to the quote.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** An element with a class and already-escaped content: `el('td', 'num', esc(x))`. */
export const el = (tag: string, cls: string | null, inner: string, attrs = ''): string =>
  `<${tag}${cls ? ` class="${cls}"` : ''}${attrs ? ` ${attrs}` : ''}>${inner}</${tag}>`;

/**
 * Money as the workbook's number format shows it (formats.ts `moneyFormat`): thousands separators
 * and the currency's minor digits (USD 2, JPY 0); the currency is named in the column header or after
 * the amount (`withCode`). Plain ASCII digits in both languages, so the figures match the workbook's.
 */
export function money(amount: number, currency: Currency): string {
  const d = minorDigits(currency);
  return formatDecimal(amount, d, d);
}

export const moneyWithCode = (amount: number, currency: Currency): string => `${money(amount, currency)} ${currency}`;

/** A number with `digits` decimals exactly: `1,234.5`. */
export const fixed = (value: number, digits: number): string => formatDecimal(value, digits, digits);

/** A count or quantity that may have decimals (0.5 runs a month): at most four. */
export const quantity = (value: number): string => formatQuantity(value);

/** Hours as the grid shows them: two decimals under 10 h, one above. */
export const hours = (h: number): string => fixed(h, h < 10 ? 2 : 1);

/** A table with a header that repeats on every printed page (`thead` is `table-header-group`). */
export function table(
  cls: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
  rowAttrs: readonly string[] = [],
): string {
  const th = head.map((h, i) => el('th', numeric[i] ? 'num' : null, h)).join('');
  const body = rows
    .map((r, k) => el('tr', null, r.map((c, i) => el('td', numeric[i] ? 'num' : null, c)).join(''), rowAttrs[k] ?? ''))
    .join('');
  return el('table', cls, `<thead><tr>${th}</tr></thead><tbody>${body}</tbody>`);
}

/** A section that starts on a new page when `pageBreak` (the big ones: lines, facility, sources). */
export const section = (cls: string, title: string, inner: string, pageBreak = false): string =>
  el('section', `${cls}${pageBreak ? ' page-break' : ''}`, `${el('h2', null, esc(title))}${inner}`);
