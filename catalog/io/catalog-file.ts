import { isPlainObject } from '../paths';
import { TABLE_KINDS, isTableKind, type CatalogTables, type TableKind } from '../tables';
import { catalogVersionSchema, type CatalogVersion } from '../version';
import { checkReferences } from '../references';
import { capProblems, checkInput, readFailure, validateImportRows, type ImportContext } from './import';
import { CATALOG_FILE_FORMAT, FILE_VERSION } from './json';

export interface CatalogFileMeta {
  /** The shipped catalog the rows started from. */
  catalog?: CatalogVersion;
  /** ISO date-time of the export; left out for byte-identical exports. */
  exportedAt?: string;
}

/** The whole catalog (or the tables given) as one JSON file with its format name and version. */
export function exportCatalogJson(tables: Partial<CatalogTables>, meta: CatalogFileMeta = {}): string {
  const out: Record<string, unknown> = { format: CATALOG_FILE_FORMAT, version: FILE_VERSION };
  if (meta.catalog) out.catalog = meta.catalog;
  if (meta.exportedAt) out.exportedAt = meta.exportedAt;
  const present: Partial<Record<TableKind, unknown>> = {};
  for (const kind of TABLE_KINDS) if (tables[kind]) present[kind] = tables[kind];
  out.tables = present;
  return `${JSON.stringify(out, null, 2)}\n`;
}

export type CatalogImportResult =
  { ok: true; tables: Partial<CatalogTables>; catalog?: CatalogVersion } | { ok: false; errors: string[] };

/**
 * Imports a whole-catalog file: every table validated, GPU references checked against the file's
 * GPUs and the ones the app has. Problems name their table: `systems: row 3 (…), field gpu: …`.
 */
export function importCatalogJson(text: unknown, context: ImportContext = {}): CatalogImportResult {
  try {
    const refused = checkInput(text);
    if (refused.length) return { ok: false, errors: refused };
    let data: unknown;
    try {
      data = JSON.parse((text as string).replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, errors: [`the file is not valid JSON (${(e as Error).message})`] };
    }
    if (!isPlainObject(data)) return { ok: false, errors: ['the file must hold a catalog object'] };
    if (data.format !== CATALOG_FILE_FORMAT)
      return { ok: false, errors: [`field format: must be "${CATALOG_FILE_FORMAT}"`] };
    if (data.version !== FILE_VERSION) return { ok: false, errors: [`field version: must be ${FILE_VERSION}`] };
    if (!isPlainObject(data.tables)) return { ok: false, errors: ['field tables: must be an object of tables'] };
    const errors: string[] = [];
    let catalog: CatalogVersion | undefined;
    if (data.catalog !== undefined) {
      const parsed = catalogVersionSchema.safeParse(data.catalog);
      if (parsed.success) catalog = parsed.data;
      else errors.push(...parsed.error.issues.map((i) => `field catalog.${i.path.join('.')}: ${i.message}`));
    }
    for (const key of Object.keys(data.tables))
      if (!isTableKind(key)) errors.push(`field tables.${key}: is not a catalog table (${TABLE_KINDS.join(', ')})`);
    const tables: Partial<Record<TableKind, unknown[]>> = {};
    for (const kind of TABLE_KINDS) {
      const rows = data.tables[kind];
      if (rows === undefined) continue;
      const result = validateImportRows(
        kind,
        Array.isArray(rows) ? { ok: true, rows, firstRow: 1 } : { ok: false, errors: ['must be a list of rows'] },
      );
      if (result.ok) tables[kind] = result.rows;
      else errors.push(...result.errors.map((e) => `${kind}: ${e}`));
    }
    if (errors.length) return { ok: false, errors: capProblems(errors) };
    const typed = tables as Partial<CatalogTables>;
    const gpuIds = new Set([...(context.gpuIds ?? []), ...(typed.gpus ?? []).map((g) => g.id)]);
    const references = checkReferences(typed, gpuIds);
    if (references.length) return { ok: false, errors: capProblems(references.map((p) => `${p.table}: ${p.message}`)) };
    return catalog ? { ok: true, tables: typed, catalog } : { ok: true, tables: typed };
  } catch (e) {
    return { ok: false, errors: readFailure(e) };
  }
}
