import { getPath, isPlainObject } from '../../../catalog/paths';
import type { StoredRow } from '../../../catalog/stored';
import { editCell } from '../../../catalog/update';
import { deepEqual } from '../../../catalog/values';

type Row = { id: string };

/** Who changed a cell: the user in the grid or the row form, an imported file, or pasted rows. */
export const BY_USER = 'user';
export const BY_PASTE = 'paste';
export const IMPORT_PREFIX = 'import ';
export const byImport = (fileName: string) => `${IMPORT_PREFIX}${fileName}`;

/** Where a price the user types comes from: their own quote, as of the day they typed it. */
export const USER_PRICE_SOURCE = 'entered by the user';

export const today = (now: Date = new Date()) => now.toISOString().slice(0, 10);

const BOOKKEEPING = new Set(['origin', 'edits']);

/** A price object: one cell, edited and reverted whole. */
export function isPriceLike(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && 'amount' in value && 'currency' in value;
}

/** The cells a row has: leaves by dotted path, each price as one cell. */
export function cellPaths(row: object, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(row)) {
    if (!prefix && BOOKKEEPING.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && !isPriceLike(value)) out.push(...cellPaths(value, path));
    else out.push(path);
  }
  return out;
}

/** The cells whose values differ between two rows (a cell one row lacks counts as changed). */
export function changedCells(before: object, after: object): string[] {
  const paths = [...new Set([...cellPaths(before), ...cellPaths(after)])];
  return paths.filter((p) => p !== 'id' && !deepEqual(getPath(before, p), getPath(after, p)));
}

/**
 * A whole new version of a stored row (from the row form or an import). On a shipped row each
 * changed cell becomes the user's, remembering the shipped value it replaced, so a catalog update
 * keeps it and "revert" can restore it; a user row is simply replaced.
 */
export function withRowValues<T extends Row>(current: StoredRow<T>, next: T, at: string, by: string): StoredRow<T> {
  if (current.origin !== 'shipped') return { ...structuredClone(next), origin: current.origin, edits: {} };
  return changedCells(current, next).reduce((row, path) => editCell(row, path, getPath(next, path), at, by), current);
}

/** A user's price for a cell: the amount typed, in the currency the cell had, dated today. */
export function userPrice(previous: unknown, amount: number, per: string | undefined, now = new Date()) {
  const currency = isPlainObject(previous) && typeof previous.currency === 'string' ? previous.currency : 'USD';
  return {
    amount,
    currency,
    asOf: today(now),
    source: USER_PRICE_SOURCE,
    ...(per ? { per } : {}),
  };
}

/** The words a search box matches: every value of the row, lower-cased. */
function searchText(row: object): string {
  const parts: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) if (!BOOKKEEPING.has(k)) visit(v);
  };
  visit(row);
  return parts.join('\n').toLowerCase();
}

/** Splits a search into words; a row matches when every word is in one of its values. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function rowMatches(row: object, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = searchText(row);
  return words.every((w) => text.includes(w));
}
