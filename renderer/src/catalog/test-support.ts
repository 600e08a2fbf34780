// Helpers for the catalog's IndexedDB tests (fake-indexeddb in Node); not used by the app.
import { loadShippedCatalog, type ShippedCatalog } from '../../../catalog';
import { setPathIn } from '../../../catalog/paths';
import { TABLE_KINDS, type TableKind } from '../../../catalog/tables';
import { PlannerDatabase } from '../db/database';
import { catalogTable } from './tables';

let n = 0;
const open: PlannerDatabase[] = [];

export function freshDatabase(prefix = 'catalog-test'): PlannerDatabase {
  const db = new PlannerDatabase(`${prefix}-${n++}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

/** Deletes every database a test opened (call from afterEach). */
export async function deleteDatabases(): Promise<void> {
  await Promise.all(open.splice(0).map((db) => db.delete()));
}

export interface CellChange {
  kind: TableKind;
  id: string;
  path: string;
  value: unknown;
}

/** The shipped catalog with a new version and some cells changed, rows removed or added upstream. */
export function newerCatalog(
  version: string,
  changes: CellChange[] = [],
  options: { remove?: { kind: TableKind; id: string }[]; add?: { kind: TableKind; row: object }[] } = {},
): ShippedCatalog {
  const catalog = structuredClone(loadShippedCatalog());
  catalog.version = version;
  for (const change of changes) {
    const row = (catalog.tables[change.kind] as { id: string }[]).find((r) => r.id === change.id);
    if (!row) throw new Error(`no ${change.kind} row ${change.id}`);
    setPathIn(row as Record<string, unknown>, change.path, change.value);
  }
  for (const { kind, id } of options.remove ?? [])
    (catalog.tables as Record<TableKind, { id: string }[]>)[kind] = (catalog.tables[kind] as { id: string }[]).filter(
      (r) => r.id !== id,
    );
  for (const { kind, row } of options.add ?? []) (catalog.tables[kind] as object[]).push(row);
  return catalog;
}

/** Everything the catalog stores, as one string: equal strings mean byte-identical data. */
export async function snapshot(db: PlannerDatabase): Promise<string> {
  const tables = await Promise.all(TABLE_KINDS.map((kind) => catalogTable(db, kind).toArray()));
  const [tombstones, conflicts, meta] = await Promise.all([
    db.tombstones.toArray(),
    db.conflicts.toArray(),
    db.meta.toArray(),
  ]);
  return JSON.stringify({ tables, tombstones, conflicts, meta });
}
