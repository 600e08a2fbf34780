import type { ShippedCatalog } from '../../../catalog';
import { TABLE_KINDS, type TableKind } from '../../../catalog/tables';
import {
  mergeShippedCatalog,
  type MergeOptions,
  type StoredTables,
  type TableMergeSummary,
} from '../../../catalog/update';
import { catalogVersionSchema, type CatalogVersion } from '../../../catalog/version';
import type { PlannerDatabase } from '../db/database';
import { catalogTable, catalogTables } from './tables';

/** The shipped catalog version last merged into the stored tables (`meta`). */
export const SHIPPED_VERSION_KEY = 'catalog.shippedVersion';
/** What the last merge did, for the banner; `dismissed` once the user has read it. */
export const LAST_UPDATE_KEY = 'catalog.lastUpdate';

export interface CatalogUpdate {
  /** The version merged before; null on a first run or a database from before versions were kept. */
  from: string | null;
  to: string;
  /** The new catalog's date. */
  asOf: string;
  /** ISO date-time of the merge. */
  at: string;
  /** Nothing was stored yet: the catalog was copied in, nothing to tell the user. */
  firstRun: boolean;
  summary: Record<TableKind, TableMergeSummary>;
  /** Conflicts this merge left for the user to settle. */
  conflicts: number;
  dismissed: boolean;
}

export function storedVersion(value: unknown): CatalogVersion | null {
  const parsed = catalogVersionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The update hook, run at every start before the catalog is shown. When the shipped catalog's
 * version differs from the one last merged (or none was recorded), merges it into the stored
 * tables with `mergeShippedCatalog` and writes the result in ONE transaction: shipped rows take
 * the new values, user rows and user-edited cells stay, shipped rows the user deleted stay deleted,
 * and every cell where both the user and upstream changed the value is stored as a pending
 * conflict. A failure anywhere leaves the database exactly as it was. Returns what changed, or
 * null when the stored catalog is already this version.
 */
export async function syncShippedCatalog(
  db: PlannerDatabase,
  shipped: ShippedCatalog,
  now: Date = new Date(),
): Promise<CatalogUpdate | null> {
  return db.transaction('rw', catalogTables(db), async () => {
    const seen = storedVersion((await db.meta.get(SHIPPED_VERSION_KEY))?.value);
    if (seen?.version === shipped.version) return null;

    const stored: StoredTables = {};
    let storedRows = 0;
    for (const kind of TABLE_KINDS) {
      const rows = await catalogTable(db, kind).toArray();
      storedRows += rows.length;
      (stored as Record<TableKind, unknown>)[kind] = rows;
    }
    const options: { [K in TableKind]?: MergeOptions } = {};
    for (const { kind, id } of await db.tombstones.toArray()) {
      const ids = (options[kind] ??= { deletedShippedIds: new Set<string>() }).deletedShippedIds as Set<string>;
      ids.add(id);
    }

    const merge = mergeShippedCatalog(stored, shipped.tables, options);
    for (const kind of TABLE_KINDS) {
      const table = catalogTable(db, kind);
      await table.clear();
      await table.bulkPut(merge.tables[kind] as never[]);
    }
    // Every pending conflict is derived again from the edits: one the user left unsettled comes
    // back against the newest shipped value; one upstream has caught up with goes away.
    await db.conflicts.clear();
    await db.conflicts.bulkPut(merge.conflicts);

    const update: CatalogUpdate = {
      from: seen?.version ?? null,
      to: shipped.version,
      asOf: shipped.asOf,
      at: now.toISOString(),
      firstRun: storedRows === 0,
      summary: merge.summary,
      conflicts: merge.conflicts.length,
      dismissed: storedRows === 0,
    };
    await db.meta.bulkPut([
      { key: SHIPPED_VERSION_KEY, value: { version: shipped.version, asOf: shipped.asOf } },
      { key: LAST_UPDATE_KEY, value: update },
    ]);
    return update;
  });
}
