import type { TFunction } from 'i18next';
import { isPlainObject } from '../../../catalog/paths';
import type { TableKind } from '../../../catalog/tables';
import { BY_PASTE, BY_USER, IMPORT_PREFIX, isPriceLike } from './cells';

const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 4 });
    formats.set(language, format);
  }
  return format.format(value);
}

/** `30,000 USD`, or `3.06 USD/hour` for a price quoted per unit. */
export function formatPrice(price: Record<string, unknown>, language: string, t: TFunction, per?: unknown): string {
  const amount = typeof price.amount === 'number' ? formatNumber(price.amount, language) : String(price.amount);
  const unit = typeof price.per === 'string' ? price.per : typeof per === 'string' ? per : undefined;
  return unit
    ? t('catalog:price.per', { amount, currency: price.currency, per: unit })
    : t('catalog:price.plain', { amount, currency: price.currency });
}

/** Any cell's value for the provenance panel and the conflict list. */
export function formatValue(value: unknown, language: string, t: TFunction): string {
  if (value === undefined) return t('catalog:value.none');
  if (value === null) return t('catalog:value.null');
  if (typeof value === 'number') return formatNumber(value, language);
  if (isPriceLike(value)) {
    const price = formatPrice(value, language, t);
    return typeof value.asOf === 'string' ? `${price} (${value.asOf})` : price;
  }
  if (isPlainObject(value) || Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** A column's header: the kind's own wording, else the one shared by every tab. */
export function columnHeader(kind: TableKind, path: string, t: TFunction): string {
  return t([`catalog:columns.${kind}.${path}`, `catalog:columns.common.${path}`], { defaultValue: path });
}

/** Who changed a cell, in words: you, an imported file, or pasted rows. */
export function changedBy(by: string, t: TFunction): string {
  if (by === BY_USER) return t('catalog:provenance.byUser');
  if (by === BY_PASTE) return t('catalog:provenance.byPaste');
  if (by.startsWith(IMPORT_PREFIX)) return t('catalog:provenance.byImport', { file: by.slice(IMPORT_PREFIX.length) });
  return by;
}

/** An ISO date-time as the user's locale writes a date and time. */
export function formatWhen(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
