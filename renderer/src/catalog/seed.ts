import type { Gpu } from '../../../catalog';
import type { PlannerDatabase, StoredGpu } from '../db/database';

export const SHIPPED_CATALOG_KEY = 'shippedCatalogSeeded';

/** First run: copy the shipped catalog into IndexedDB, where user edits are kept beside it. */
export async function seedCatalogIfEmpty(db: PlannerDatabase, shippedGpus: Gpu[]): Promise<boolean> {
  return db.transaction('rw', db.gpus, db.meta, async () => {
    if (await db.meta.get(SHIPPED_CATALOG_KEY)) return false;
    const rows: StoredGpu[] = shippedGpus.map((gpu) => ({ ...gpu, origin: 'shipped', edits: {} }));
    await db.gpus.bulkPut(rows);
    await db.meta.put({ key: SHIPPED_CATALOG_KEY, value: new Date().toISOString() });
    return true;
  });
}
