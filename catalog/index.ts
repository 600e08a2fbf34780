import type { ZodType } from 'zod';
import gpusJson from './gpus.json';
import { gpuSchema, type Gpu } from './schema/gpu';
import { validateRows } from './validate';

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

export type { Gpu } from './schema/gpu';
