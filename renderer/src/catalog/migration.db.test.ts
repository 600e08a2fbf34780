import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../../catalog';
import { TABLE_KINDS } from '../../../catalog/tables';
import { PlannerDatabase, STORES_V1 } from '../db/database';
import { CatalogStore } from './CatalogStore';
import { syncShippedCatalog } from './sync';
import { catalogTable } from './tables';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const shipped = loadShippedCatalog();

/** A database as version 1 of the app left it: the GPUs, one price edited by the user, and the seed marker. */
async function writeVersion1(name: string) {
  const old = new Dexie(name);
  old.version(1).stores(STORES_V1);
  const gpus = shipped.tables.gpus.map((gpu) => ({ ...structuredClone(gpu), origin: 'shipped', edits: {} }));
  const h100 = gpus.find((g) => g.id === 'h100-sxm5-80gb')!;
  const shippedPrice = structuredClone(h100.priceNew);
  h100.priceNew = { amount: 27_500, currency: 'USD', asOf: '2026-10-01', source: 'entered by the user' };
  (h100.edits as Record<string, unknown>).priceNew = {
    shipped: shippedPrice,
    at: '2026-10-01T09:00:00.000Z',
    by: 'user',
  };
  // A row version 1 wrote without its bookkeeping (the upgrade fills it in).
  const bare = gpus.find((g) => g.id === 'l4-24gb') as Record<string, unknown>;
  delete bare.edits;
  await old.table('gpus').bulkPut(gpus);
  await old.table('meta').put({ key: 'shippedCatalogSeeded', value: '2026-09-01T00:00:00.000Z' });
  old.close();
}

describe('opening a database written by the previous schema version', () => {
  it('upgrades it without loss: the user’s edited GPU price survives, and the catalog merge fills the new tables', async () => {
    const name = `catalog-migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    await writeVersion1(name);

    const db = new PlannerDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.gpus.count()).toBe(shipped.tables.gpus.length);
    const upgraded = await db.gpus.get('h100-sxm5-80gb');
    expect(upgraded?.priceNew).toEqual({
      amount: 27_500,
      currency: 'USD',
      asOf: '2026-10-01',
      source: 'entered by the user',
    });
    expect(upgraded?.edits.priceNew?.shipped).toMatchObject({ amount: 30_000 });
    expect((await db.gpus.get('l4-24gb'))?.edits).toEqual({});
    expect(await db.meta.get('shippedCatalogSeeded')).toBeDefined();
    expect(await db.systems.count()).toBe(0);

    // Version 1 recorded no catalog version, so the start-up merge runs and keeps the edit.
    const update = await syncShippedCatalog(db, shipped);
    expect(update).toMatchObject({ from: null, firstRun: false, conflicts: 0 });
    const store = new CatalogStore(db, shipped);
    await store.load();
    expect(store.row('gpus', 'h100-sxm5-80gb')?.priceNew?.amount).toBe(27_500);
    expect(store.row('gpus', 'h100-sxm5-80gb')?.edits.priceNew?.by).toBe('user');
    for (const kind of TABLE_KINDS)
      expect(await catalogTable(db, kind).count()).toBe((shipped.tables[kind] as unknown[]).length);
    db.close();
  });
});
