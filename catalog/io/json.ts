import { isPlainObject } from '../paths';
import { TABLES, isTableKind, type TableKind } from '../tables';
import type { RawRows } from './csv';

export const TABLE_FILE_FORMAT = 'gpu-planner.catalog-table';
export const CATALOG_FILE_FORMAT = 'gpu-planner.catalog';
export const FILE_VERSION = 1;

/** One table as a self-describing JSON file. */
export function exportTableJson(kind: TableKind, rows: readonly object[]): string {
  return `${JSON.stringify({ format: TABLE_FILE_FORMAT, version: FILE_VERSION, kind, rows }, null, 2)}\n`;
}

/** Raw rows from a table JSON file, or from a bare JSON array of rows (as in catalog/*.json). */
export function parseTableJson(kind: TableKind, text: string): RawRows {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`the file is not valid JSON (${(e as Error).message})`] };
  }
  if (Array.isArray(data)) return { ok: true, rows: data, firstRow: 1 };
  if (!isPlainObject(data)) return { ok: false, errors: ['the file must hold a JSON array of rows or a table file'] };
  if (data.format === CATALOG_FILE_FORMAT)
    return { ok: false, errors: ['this is a whole-catalog file: import it as a catalog, not as one table'] };
  if (data.format !== TABLE_FILE_FORMAT) return { ok: false, errors: [`field format: must be "${TABLE_FILE_FORMAT}"`] };
  if (data.version !== FILE_VERSION) return { ok: false, errors: [`field version: must be ${FILE_VERSION}`] };
  if (data.kind !== kind)
    return {
      ok: false,
      errors: [
        isTableKind(data.kind)
          ? `this file holds ${TABLES[data.kind].row} rows, not ${TABLES[kind].row} rows`
          : `field kind: must be "${kind}"`,
      ],
    };
  if (!Array.isArray(data.rows)) return { ok: false, errors: ['field rows: must be a list of rows'] };
  return { ok: true, rows: data.rows, firstRow: 1 };
}
