import { getPath, setPathIn } from '../../../catalog/paths';
import { CURRENCIES } from '../../../catalog/schema/common';
import type { TableKind } from '../../../catalog/tables';
import { isPriceLike, today, USER_PRICE_SOURCE } from './cells';
import type { FieldSpec } from './fields';
import { fieldsOfKind, fieldsOfRow } from './fields';
import type { AnyRow } from './tables';

/** The row form's text boxes by key: a field's path, or `path.amount` etc. for a price's parts. */
export type Draft = Record<string, string>;

export const PRICE_PARTS = ['amount', 'currency', 'asOf', 'source'] as const;
export { CURRENCIES };

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** A row as the form's text. */
export function draftOf(kind: TableKind, row: object): Draft {
  const draft: Draft = {};
  for (const field of fieldsOfKind(kind)) {
    const value = getPath(row, field.path);
    if (field.kind === 'price') {
      for (const part of PRICE_PARTS) draft[`${field.path}.${part}`] = isPriceLike(value) ? text(value[part]) : '';
    } else draft[field.path] = text(value);
  }
  return draft;
}

/** A new row's form: empty, a facility starting as an electricity tariff. */
export function blankDraft(kind: TableKind): Draft {
  return draftOf(kind, kind === 'facilities' ? { kind: 'electricity' } : {});
}

/**
 * The form's text back into a row for the schema to check. Empty means "not given" (or null
 * where the field allows it); text that is not a number stays text, so the check names it.
 */
export function rowOfDraft(kind: TableKind, draft: Draft): AnyRow {
  const row: Record<string, unknown> = {};
  const fields = fieldsOfRow(kind, { kind: draft.kind });
  const parse = (field: Pick<FieldSpec, 'kind' | 'nullable'>, raw: string): unknown => {
    const value = raw.trim();
    if (value === '') return field.nullable ? null : undefined;
    if (field.kind !== 'number') return value;
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  };
  for (const field of fields) {
    if (field.kind === 'price') {
      const parts = PRICE_PARTS.map((part) => (draft[`${field.path}.${part}`] ?? '').trim());
      if (parts.every((p) => p === '')) continue;
      const [amount = '', currency, asOf, source] = parts;
      const price: Record<string, unknown> = {
        amount: parse({ kind: 'number', nullable: false }, amount),
        currency: currency || undefined,
        asOf: asOf || undefined,
        source: source || undefined,
      };
      if (field.per) price.per = field.per;
      for (const [k, v] of Object.entries(price)) if (v === undefined) delete price[k];
      setPathIn(row, field.path, price);
      continue;
    }
    const value = parse(field, draft[field.path] ?? '');
    if (value !== undefined) setPathIn(row, field.path, value);
  }
  return row as AnyRow;
}

/**
 * One text box changed. When a price's amount or currency changes and its date and source are
 * still the ones it came with, they become today's date and the user: a new figure is the user's
 * quote, not the old source's.
 */
export function withDraftChange(draft: Draft, original: Draft, key: string, value: string, now = new Date()): Draft {
  const next = { ...draft, [key]: value };
  const price = /^(.*)\.(amount|currency)$/.exec(key);
  if (price && value.trim() !== '' && `${price[1]}.asOf` in original) {
    const path = price[1];
    if (next[`${path}.asOf`] === original[`${path}.asOf`]) next[`${path}.asOf`] = today(now);
    if (next[`${path}.source`] === original[`${path}.source`]) next[`${path}.source`] = USER_PRICE_SOURCE;
    if (!next[`${path}.currency`]) next[`${path}.currency`] = 'USD';
  }
  return next;
}
