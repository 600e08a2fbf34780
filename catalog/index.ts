import type { ZodType } from 'zod';
import cloudOffersJson from './cloud-offers.json';
import facilitiesJson from './facilities.json';
import gpusJson from './gpus.json';
import networksJson from './networks.json';
import systemsJson from './systems.json';
import versionJson from './version.json';
import { checkReferences } from './references';
import { gpuSchema, type Gpu } from './schema/gpu';
import { TABLE_KINDS, TABLES, type CatalogTables, type TableKind } from './tables';
import { validateRows } from './validate';
import { catalogVersionSchema, type CatalogVersion } from './version';

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  }
}

/** Parses one shipped catalog file; a malformed file names every bad row and field. */
export function loadTable<T>(file: string, schema: ZodType<T>, raw: unknown): T[] {
  const result = validateRows(schema, raw);
  if (!result.ok) throw new CatalogError(file, result.errors);
  return result.rows as T[];
}

export function loadShippedGpus(raw: unknown = gpusJson): Gpu[] {
  return loadTable('catalog/gpus.json', gpuSchema, raw);
}

/** The files as shipped, before validation (tests pass broken copies in their place). */
export interface ShippedCatalogFiles {
  version: unknown;
  tables: Record<TableKind, unknown>;
}

export const SHIPPED_FILES: ShippedCatalogFiles = {
  version: versionJson,
  tables: {
    gpus: gpusJson,
    systems: systemsJson,
    cloudOffers: cloudOffersJson,
    networks: networksJson,
    facilities: facilitiesJson,
  },
};

export interface ShippedCatalog extends CatalogVersion {
  tables: CatalogTables;
}

/**
 * Every shipped table validated, GPU references checked, with the catalog's version and date.
 * Throws CatalogError naming the first bad file and every bad row and field in it.
 */
export function loadShippedCatalog(files: ShippedCatalogFiles = SHIPPED_FILES): ShippedCatalog {
  const version = catalogVersionSchema.safeParse(files.version);
  if (!version.success)
    throw new CatalogError(
      'catalog/version.json',
      version.error.issues.map((i) => `field ${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  const tables = {} as Record<TableKind, unknown[]>;
  for (const kind of TABLE_KINDS)
    tables[kind] = loadTable(`catalog/${TABLES[kind].file}`, TABLES[kind].schema, files.tables[kind]);
  const typed = tables as unknown as CatalogTables;
  const references = checkReferences(typed);
  const first = references[0];
  if (first)
    throw new CatalogError(
      `catalog/${TABLES[first.table].file}`,
      references.filter((p) => p.table === first.table).map((p) => p.message),
    );
  return { ...version.data, tables: typed };
}

export type { Gpu } from './schema/gpu';
export type { System } from './schema/system';
export type { CloudOffer, HourlyPrice, Pricing } from './schema/cloud-offer';
export type { Network } from './schema/network';
export type { Facility, FacilityKind } from './schema/facility';
export type { CatalogTables, RowOf, TableKind } from './tables';
export type { CatalogVersion } from './version';
export type { StoredRow, CellEdit } from './stored';
