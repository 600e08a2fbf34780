import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedGpus } from '../../../catalog';
import { PlannerDatabase } from '../db/database';
import { CatalogStore } from './CatalogStore';
import { seedCatalogIfEmpty } from './seed';

let n = 0;
const databases: PlannerDatabase[] = [];
function freshDatabase(): PlannerDatabase {
  const db = new PlannerDatabase(`catalog-store-test-${n++}`);
  databases.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(databases.splice(0).map((db) => db.delete()));
});

describe('CatalogStore over IndexedDB', () => {
  it('seeds the shipped GPUs once, then keeps what is stored', async () => {
    const db = freshDatabase();
    expect(await seedCatalogIfEmpty(db, loadShippedGpus())).toBe(true);
    await db.gpus.delete('l40s-48gb');
    expect(await seedCatalogIfEmpty(db, loadShippedGpus())).toBe(false);
    expect(await db.gpus.get('l40s-48gb')).toBeUndefined();
  });

  it("keeps a user's price across a restart, dated today and marked with the shipped value it replaced", async () => {
    const db = freshDatabase();
    await seedCatalogIfEmpty(db, loadShippedGpus());
    const store = new CatalogStore(db);
    await store.load();

    expect(await store.editGpuPrice('h100-sxm5-80gb', 'priceNew', 27_500)).toBeNull();

    const reopened = new CatalogStore(new PlannerDatabase(db.name));
    await reopened.load();
    const h100 = reopened.gpus.find((g) => g.id === 'h100-sxm5-80gb');
    expect(h100?.priceNew?.amount).toBe(27_500);
    expect(h100?.priceNew?.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(h100?.edits.priceNew?.shipped).toMatchObject({ amount: 30_000, currency: 'USD' });
    expect(h100?.origin).toBe('shipped');
  });

  it('refuses a negative price, naming the field, and stores nothing', async () => {
    const db = freshDatabase();
    await seedCatalogIfEmpty(db, loadShippedGpus());
    const store = new CatalogStore(db);
    await store.load();
    expect(await store.editGpuPrice('a100-sxm4-80gb', 'priceUsed', -5)).toBe('priceUsed.amount: must be ≥ 0');
    expect((await db.gpus.get('a100-sxm4-80gb'))?.priceUsed?.amount).toBe(9_000);
    expect((await db.gpus.get('a100-sxm4-80gb'))?.edits).toEqual({});
  });
});
