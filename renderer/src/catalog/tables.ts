import type { Table } from 'dexie';
import type { StoredRow } from '../../../catalog/stored';
import { TABLE_KINDS, type TableKind } from '../../../catalog/tables';
import type { PlannerDatabase } from '../db/database';

export type AnyRow = { id: string } & Record<string, unknown>;
export type AnyStoredRow = StoredRow<AnyRow>;

/** One catalog kind's Dexie table, typed loosely enough to treat every kind alike. */
export function catalogTable(db: PlannerDatabase, kind: TableKind): Table<AnyStoredRow, string> {
  return db.table<AnyStoredRow, string>(kind);
}

/** Every table a change to the catalog touches, for one read-write transaction. */
export function catalogTables(db: PlannerDatabase): Table[] {
  return [...TABLE_KINDS.map((kind) => db.table(kind)), db.tombstones, db.conflicts, db.meta];
}
