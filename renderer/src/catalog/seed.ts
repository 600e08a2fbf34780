import type { Gpu } from '../../../catalog';
import type { PlannerDatabase, StoredGpu } from '../db/database';

/** Version 1's first-run marker (`meta`); databases it wrote still carry it. */
export const SHIPPED_CATALOG_KEY = 'shippedCatalogSeeded';

/**
 * Version 1's first run: the shipped GPUs only. The app now starts with `syncShippedCatalog`
 * (sync.ts: every table, and catalog updates); this stays for tests of other screens that need
 * no more than the GPUs, and to write databases as version 1 did.
 */
export async function seedCatalogIfEmpty(db: PlannerDatabase, shippedGpus: Gpu[]): Promise<boolean> {
  return db.transaction('rw', db.gpus, db.meta, async () => {
    if (await db.meta.get(SHIPPED_CATALOG_KEY)) return false;
    const rows: StoredGpu[] = shippedGpus.map((gpu) => ({ ...gpu, origin: 'shipped', edits: {} }));
    await db.gpus.bulkPut(rows);
    await db.meta.put({ key: SHIPPED_CATALOG_KEY, value: new Date().toISOString() });
    return true;
  });
}
