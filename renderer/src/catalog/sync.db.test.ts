import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../../catalog';
import { TABLE_KINDS } from '../../../catalog/tables';
import { CatalogStore } from './CatalogStore';
import { LAST_UPDATE_KEY, SHIPPED_VERSION_KEY, syncShippedCatalog } from './sync';
import { catalogTable } from './tables';
import { deleteDatabases, freshDatabase, newerCatalog, snapshot } from './test-support';

afterEach(deleteDatabases);

const shipped = loadShippedCatalog();

async function openStore(db = freshDatabase(), catalog = shipped) {
  await syncShippedCatalog(db, catalog);
  const store = new CatalogStore(db, catalog);
  await store.load();
  return { db, store };
}

describe('the catalog update at start-up', () => {
  it('copies every shipped table in on the first run, records the version, and tells nobody', async () => {
    const db = freshDatabase();
    const update = await syncShippedCatalog(db, shipped);
    for (const kind of TABLE_KINDS)
      expect(await catalogTable(db, kind).count()).toBe((shipped.tables[kind] as unknown[]).length);
    expect((await db.meta.get(SHIPPED_VERSION_KEY))?.value).toEqual({ version: shipped.version, asOf: shipped.asOf });
    expect(update).toMatchObject({ from: null, to: shipped.version, firstRun: true, dismissed: true, conflicts: 0 });
  });

  it('does nothing when the stored catalog is this version already', async () => {
    const { db } = await openStore();
    const before = await snapshot(db);
    expect(await syncShippedCatalog(db, shipped)).toBeNull();
    expect(await snapshot(db)).toBe(before);
  });

  it('takes a newer catalog: shipped rows update, the user’s rows and edited cells stay, conflicts are listed', async () => {
    const { db, store } = await openStore();
    // The user edits two GPU prices, adds a system of their own and deletes a cloud offer.
    expect(await store.editPrice('gpus', 'h100-sxm5-80gb', 'priceNew', 27_500)).toEqual([]);
    expect(await store.editPrice('gpus', 'a100-sxm4-80gb', 'priceUsed', 8_000)).toEqual([]);
    const mine = { ...structuredClone(shipped.tables.systems[0]!), id: 'my-quote', name: 'Our vendor quote' };
    expect(await store.saveRow('systems', mine, 'add')).toEqual([]);
    const offer = shipped.tables.cloudOffers[0]!.id;
    expect(await store.deleteRow('cloudOffers', offer)).toEqual([]);

    const newer = newerCatalog('2026.12.1', [
      // Upstream changed the H100's new price too: a conflict.
      {
        kind: 'gpus',
        id: 'h100-sxm5-80gb',
        path: 'priceNew',
        value: { amount: 28_000, currency: 'USD', asOf: '2026-11-01', source: 'newer list price' },
      },
      // Upstream changed another A100 cell: taken, the user's used price kept.
      { kind: 'gpus', id: 'a100-sxm4-80gb', path: 'tdpWatts', value: 410 },
      { kind: 'systems', id: shipped.tables.systems[1]!.id, path: 'powerWatts', value: 9_999 },
    ]);
    const update = await syncShippedCatalog(db, newer, new Date('2026-12-02T00:00:00Z'));
    expect(update).toMatchObject({ from: shipped.version, to: '2026.12.1', firstRun: false, conflicts: 1 });

    await store.load();
    const h100 = store.row('gpus', 'h100-sxm5-80gb');
    expect(h100?.priceNew).toMatchObject({ amount: 27_500, source: 'entered by the user' });
    const a100 = store.row('gpus', 'a100-sxm4-80gb');
    expect(a100).toMatchObject({ tdpWatts: 410, priceUsed: { amount: 8_000 } });
    expect(store.row('systems', shipped.tables.systems[1]!.id)?.powerWatts).toBe(9_999);
    expect(store.row('systems', 'my-quote')).toMatchObject({ origin: 'user', name: 'Our vendor quote' });
    expect(store.row('cloudOffers', offer)).toBeUndefined();
    expect(store.conflicts).toEqual([
      expect.objectContaining({
        table: 'gpus',
        id: 'h100-sxm5-80gb',
        field: 'priceNew',
        userValue: expect.objectContaining({ amount: 27_500 }),
        oldShipped: expect.objectContaining({ amount: 30_000 }),
        newShipped: expect.objectContaining({ amount: 28_000 }),
      }),
    ]);
    expect(store.lastUpdate?.dismissed).toBe(false);
    // The A100 took the new TDP; the H100 kept the user's price, so nothing in it changed.
    expect(store.lastUpdate?.summary.gpus).toMatchObject({ updated: 1, added: 0, removed: 0 });
  });

  it('lets the user keep their value (asked again only if upstream changes once more) or take the new one', async () => {
    const { db, store } = await openStore();
    await store.editPrice('gpus', 'h100-sxm5-80gb', 'priceNew', 27_500);
    const price = (amount: number) => ({ amount, currency: 'USD', asOf: '2026-11-01', source: 'list' });
    await syncShippedCatalog(
      db,
      newerCatalog('2026.12.1', [{ kind: 'gpus', id: 'h100-sxm5-80gb', path: 'priceNew', value: price(28_000) }]),
    );
    await store.load();
    expect(await store.resolveConflict(store.conflicts[0]!, 'keep-mine')).toEqual([]);
    expect(store.conflicts).toEqual([]);
    expect(store.row('gpus', 'h100-sxm5-80gb')?.priceNew?.amount).toBe(27_500);
    expect(await db.conflicts.count()).toBe(0);

    await syncShippedCatalog(
      db,
      newerCatalog('2026.12.2', [{ kind: 'gpus', id: 'h100-sxm5-80gb', path: 'priceNew', value: price(28_000) }]),
    );
    await store.load();
    expect(store.conflicts).toEqual([]);

    await syncShippedCatalog(
      db,
      newerCatalog('2026.12.3', [{ kind: 'gpus', id: 'h100-sxm5-80gb', path: 'priceNew', value: price(26_000) }]),
    );
    await store.load();
    expect(store.conflicts).toHaveLength(1);
    expect(await store.resolveConflict(store.conflicts[0]!, 'accept-shipped')).toEqual([]);
    const h100 = store.row('gpus', 'h100-sxm5-80gb');
    expect(h100?.priceNew?.amount).toBe(26_000);
    expect(h100?.edits).toEqual({});
  });

  it('does not bring back a shipped row the user deleted, until they restore it', async () => {
    const { db, store } = await openStore();
    await store.deleteRow('networks', shipped.tables.networks[0]!.id);
    await syncShippedCatalog(db, newerCatalog('2026.12.1'));
    await store.load();
    expect(store.row('networks', shipped.tables.networks[0]!.id)).toBeUndefined();
    expect(await store.restoreDeleted('networks')).toBe(1);
    expect(store.row('networks', shipped.tables.networks[0]!.id)?.origin).toBe('shipped');
    expect(store.tombstones).toEqual([]);
  });

  it('keeps a row removed upstream that the user edited, as theirs, and says so', async () => {
    const { db, store } = await openStore();
    const id = shipped.tables.systems[2]!.id;
    await store.editCell('systems', id, 'notes', 'our rack 3');
    const update = await syncShippedCatalog(db, newerCatalog('2026.12.1', [], { remove: [{ kind: 'systems', id }] }));
    expect(update?.summary.systems.keptRemovedUpstream).toEqual([id]);
    await store.load();
    expect(store.row('systems', id)).toMatchObject({ origin: 'user', notes: 'our rack 3' });
  });

  it('writes in one transaction: a failure half-way leaves every table as it was', async () => {
    const { db, store } = await openStore();
    await store.editPrice('gpus', 'h100-sxm5-80gb', 'priceNew', 27_500);
    const before = await snapshot(db);
    // A value IndexedDB cannot store, in the last table written: the earlier tables were already rewritten.
    const broken = newerCatalog('2026.12.1', [
      { kind: 'gpus', id: 'a100-sxm4-80gb', path: 'tdpWatts', value: 410 },
      { kind: 'facilities', id: shipped.tables.facilities[0]!.id, path: 'notes', value: () => 'not storable' },
    ]);
    await expect(syncShippedCatalog(db, broken)).rejects.toThrow();
    expect(await snapshot(db)).toBe(before);
    expect((await db.meta.get(LAST_UPDATE_KEY))?.value).toMatchObject({ firstRun: true });
  });
});
