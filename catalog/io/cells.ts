import type { Column } from './columns';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula, so an exported
 * catalog could carry a formula planted by an imported quote. Such text is written with a leading
 * apostrophe, and one apostrophe is taken off on import — text already starting with apostrophes
 * before such a character gets one more, so every string survives export and import unchanged.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function escapeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unescapeText(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

/** A row's value as CSV text: empty for absent or null. */
export function toCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return escapeText(JSON.stringify(value));
}

/**
 * CSV text back to the value the schema expects. Text that is not a valid number stays text, so
 * validation says "must be a number" with the user's own cell in view rather than guessing.
 */
export function fromCell(text: string, column: Column): unknown {
  if (text === '') return column.nullable ? null : undefined;
  switch (column.kind) {
    case 'number': {
      const trimmed = text.trim();
      const n = Number(trimmed);
      return trimmed !== '' && Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return unescapeText(text);
  }
}
