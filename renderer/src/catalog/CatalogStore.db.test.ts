import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedCatalog, loadShippedGpus } from '../../../catalog';
import { PlannerDatabase } from '../db/database';
import { CatalogStore } from './CatalogStore';
import { seedCatalogIfEmpty } from './seed';
import { syncShippedCatalog } from './sync';
import { deleteDatabases, freshDatabase } from './test-support';

afterEach(deleteDatabases);

const shipped = loadShippedCatalog();
const todayIso = () => new Date().toISOString().slice(0, 10);

async function openStore(db = freshDatabase()) {
  await syncShippedCatalog(db, shipped);
  const store = new CatalogStore(db, shipped);
  await store.load();
  return { db, store };
}

async function reopen(db: PlannerDatabase) {
  const store = new CatalogStore(new PlannerDatabase(db.name), shipped);
  await store.load();
  return store;
}

describe('CatalogStore over IndexedDB', () => {
  it('seeds the shipped GPUs once, then keeps what is stored (the helper other screens’ tests use)', async () => {
    const db = freshDatabase();
    expect(await seedCatalogIfEmpty(db, loadShippedGpus())).toBe(true);
    await db.gpus.delete('l40s-48gb');
    expect(await seedCatalogIfEmpty(db, loadShippedGpus())).toBe(false);
    expect(await db.gpus.get('l40s-48gb')).toBeUndefined();
  });

  it("keeps a user's price across a restart, dated today and marked with the shipped value it replaced", async () => {
    const { db, store } = await openStore();
    expect(await store.editPrice('gpus', 'h100-sxm5-80gb', 'priceNew', 27_500)).toEqual([]);

    const reopened = await reopen(db);
    const h100 = reopened.gpus.find((g) => g.id === 'h100-sxm5-80gb');
    expect(h100?.priceNew).toEqual({
      amount: 27_500,
      currency: 'USD',
      asOf: todayIso(),
      source: 'entered by the user',
    });
    expect(h100?.edits.priceNew?.shipped).toMatchObject({ amount: 30_000, currency: 'USD' });
    expect(h100?.edits.priceNew?.by).toBe('user');
    expect(h100?.origin).toBe('shipped');
  });

  it('refuses a negative price, naming the field, and stores nothing', async () => {
    const { db, store } = await openStore();
    expect(await store.editPrice('gpus', 'a100-sxm4-80gb', 'priceUsed', -5)).toEqual(['priceUsed.amount: must be ≥ 0']);
    expect((await db.gpus.get('a100-sxm4-80gb'))?.priceUsed?.amount).toBe(9_000);
    expect((await db.gpus.get('a100-sxm4-80gb'))?.edits).toEqual({});
  });

  it('gives a cloud price its per-hour unit and keeps the currency it had', async () => {
    const { store } = await openStore();
    const offer = shipped.tables.cloudOffers.find((o) => o.prices.spot)!;
    expect(await store.editPrice('cloudOffers', offer.id, 'prices.spot', 1.23)).toEqual([]);
    expect(store.row('cloudOffers', offer.id)?.prices).toMatchObject({
      spot: { amount: 1.23, currency: offer.prices.spot!.currency, per: 'hour', asOf: todayIso() },
    });
  });

  it('checks every cell edit against the kind’s schema and names what is allowed', async () => {
    const { store } = await openStore();
    const system = shipped.tables.systems[0]!;
    expect(await store.editCell('systems', system.id, 'condition', 'broken')).toEqual([
      'condition: must be one of "new", "used", "refurbished"',
    ]);
    expect(await store.editCell('systems', system.id, 'gpu', 'no-such-gpu')).toEqual([
      'gpu: must be the id of a GPU in the catalog; there is no GPU "no-such-gpu"',
    ]);
    expect(await store.editCell('systems', system.id, 'rackUnits', 2.5)).toEqual([
      'rackUnits: must be a whole number of rack units',
    ]);
    expect(await store.editCell('gpus', 'v100-sxm2-32gb', 'tflops.bf16', null)).toEqual([]);
    expect(store.row('systems', system.id)?.edits).toEqual({});
  });

  it('adds, edits, duplicates and deletes rows; a deleted shipped row is remembered', async () => {
    const { db, store } = await openStore();
    const base = structuredClone(shipped.tables.systems[0]!) as unknown as Record<string, unknown> & { id: string };

    expect(await store.saveRow('systems', { ...base, id: 'Bad Id' }, 'add')).toEqual([
      'id: must be lower-case letters, digits, ".", "+" or "-", starting with a letter or digit',
    ]);
    expect(await store.saveRow('systems', { ...base }, 'add')).toEqual([
      `id: "${base.id}" is taken by another row; ids must be unique`,
    ]);
    const copyId = store.copyId('systems', base.id);
    expect(copyId).toBe(`${base.id}-copy`);
    expect(await store.saveRow('systems', { ...base, id: copyId, name: 'Copy' }, 'add')).toEqual([]);
    expect(store.copyId('systems', base.id)).toBe(`${base.id}-copy-2`);
    expect(store.row('systems', copyId)).toMatchObject({ origin: 'user', name: 'Copy', edits: {} });

    // Editing a shipped row through the form marks each changed cell; editing a user row replaces it.
    expect(await store.saveRow('systems', { ...base, powerWatts: 4_000, notes: 'ours' }, 'edit')).toEqual([]);
    expect(Object.keys(store.row('systems', base.id)!.edits).sort()).toEqual(['notes', 'powerWatts']);
    expect(await store.saveRow('systems', { ...base, id: copyId, name: 'Copy 2' }, 'edit')).toEqual([]);
    expect(store.row('systems', copyId)).toMatchObject({ name: 'Copy 2', edits: {} });

    expect(await store.deleteRow('systems', copyId)).toEqual([]);
    expect(await store.deleteRow('systems', base.id)).toEqual([]);
    expect(store.row('systems', base.id)).toBeUndefined();
    expect(await db.tombstones.toArray()).toEqual([{ kind: 'systems', id: base.id, deletedAt: expect.any(String) }]);
  });

  it('keeps a GPU that systems or cloud offers name', async () => {
    const { store } = await openStore();
    const [problem] = await store.deleteRow('gpus', 'h100-sxm5-80gb');
    expect(problem).toMatch(/^id: \d+ rows name this GPU/);
    expect(store.row('gpus', 'h100-sxm5-80gb')).toBeDefined();
  });

  it('reverts one cell or the whole row to the shipped values', async () => {
    const { store } = await openStore();
    await store.editPrice('gpus', 'h100-sxm5-80gb', 'priceNew', 27_500);
    await store.editCell('gpus', 'h100-sxm5-80gb', 'tdpWatts', 650);
    expect(await store.revertCell('gpus', 'h100-sxm5-80gb', 'tdpWatts')).toEqual([]);
    expect(store.row('gpus', 'h100-sxm5-80gb')).toMatchObject({ tdpWatts: 700, priceNew: { amount: 27_500 } });
    expect(await store.revertRow('gpus', 'h100-sxm5-80gb')).toEqual([]);
    const h100 = store.row('gpus', 'h100-sxm5-80gb');
    expect(h100?.edits).toEqual({});
    expect(h100?.priceNew).toEqual(shipped.tables.gpus.find((g) => g.id === 'h100-sxm5-80gb')?.priceNew);
  });

  it('remembers the stale threshold, the hidden columns and the grouping', async () => {
    const { db, store } = await openStore();
    expect(store.staleMonths).toBe(12);
    expect(await store.setStaleMonths(0)).toEqual(['staleMonths: must be a whole number of months from 1 to 600']);
    expect(await store.setStaleMonths(18)).toEqual([]);
    await store.setHiddenColumns('gpus', ['notes', 'source']);
    await store.setGroupBy('systems', 'vendor');
    const reopened = await reopen(db);
    expect(reopened.staleMonths).toBe(18);
    expect(reopened.view).toEqual({ hiddenColumns: { gpus: ['notes', 'source'] }, groupBy: { systems: 'vendor' } });
  });
});
