import { checkReferences } from '../references';
import { TABLES, type CatalogTables, type RowOf, type TableKind } from '../tables';
import { validateRows } from '../validate';
import { parseTableCsv, type RawRows } from './csv';
import { parseTableJson } from './json';
import { MAX_IMPORT_CHARS, MAX_IMPORT_ROWS, MAX_REPORTED_PROBLEMS } from './limits';

export type ImportFormat = 'csv' | 'json';

/** Either every row, validated and ready to write in one transaction, or every problem and no rows. */
export type ImportResult<K extends TableKind> =
  { ok: true; kind: K; rows: RowOf<K>[] } | { ok: false; errors: string[] };

export interface ImportContext {
  /** GPU ids the app already has; systems and cloud offers must name one of them. */
  gpuIds?: ReadonlySet<string>;
}

/** Keeps a problem list readable when a wrong file produces thousands of them. */
export function capProblems(errors: string[]): string[] {
  if (errors.length <= MAX_REPORTED_PROBLEMS) return errors;
  return [...errors.slice(0, MAX_REPORTED_PROBLEMS), `… and ${errors.length - MAX_REPORTED_PROBLEMS} more problems`];
}

export function readFailure(e: unknown): string[] {
  return [`the file could not be read (${e instanceof Error ? e.message : String(e)})`];
}

/** Refuses what is not text, or far too much of it, before any parsing. */
export function checkInput(text: unknown): string[] {
  if (typeof text !== 'string') return ['the file could not be read as text'];
  if (text.length > MAX_IMPORT_CHARS)
    return [
      `the file is ${text.length.toLocaleString('en')} characters; at most ${MAX_IMPORT_CHARS.toLocaleString('en')} can be imported`,
    ];
  return [];
}

/** Validates raw rows of one table and the GPUs they name. */
export function validateImportRows<K extends TableKind>(
  kind: K,
  raw: RawRows,
  context: ImportContext = {},
): ImportResult<K> {
  if (!raw.ok) return { ok: false, errors: capProblems(raw.errors) };
  if (raw.rows.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      errors: [`the file has ${raw.rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`],
    };
  const result = validateRows(TABLES[kind].schema, raw.rows, { firstRow: raw.firstRow });
  if (!result.ok) return { ok: false, errors: capProblems(result.errors) };
  if (context.gpuIds && (kind === 'systems' || kind === 'cloudOffers')) {
    const problems = checkReferences({ [kind]: result.rows } as Partial<CatalogTables>, context.gpuIds, raw.firstRow);
    if (problems.length) return { ok: false, errors: capProblems(problems.map((p) => p.message)) };
  }
  return { ok: true, kind, rows: result.rows as RowOf<K>[] };
}

/**
 * Imports one table from a CSV or JSON file. Never throws and never returns part of a file:
 * any bad row (wrong type, unknown currency, future date, negative price, duplicate id, unknown
 * GPU) rejects the whole import with every problem named as `row 12 (id), field price.amount: …`.
 */
export function importTable<K extends TableKind>(
  kind: K,
  text: unknown,
  format: ImportFormat,
  context: ImportContext = {},
): ImportResult<K> {
  try {
    const refused = checkInput(text);
    if (refused.length) return { ok: false, errors: refused };
    const input = text as string;
    const raw = format === 'csv' ? parseTableCsv(kind, input) : parseTableJson(kind, input);
    return validateImportRows(kind, raw, context);
  } catch (e) {
    return { ok: false, errors: readFailure(e) };
  }
}

/**
 * Rows pasted as text (a vendor quote copied from a spreadsheet or an email): JSON when it looks
 * like JSON, otherwise CSV or tab-separated with a header row.
 */
export function importPastedRows<K extends TableKind>(
  kind: K,
  text: unknown,
  context: ImportContext = {},
): ImportResult<K> {
  const looksJson = typeof text === 'string' && /^\s*[[{]/.test(text);
  return importTable(kind, text, looksJson ? 'json' : 'csv', context);
}
