import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import type { TABLE_KINDS } from '../../../catalog/tables';
import { CatalogStore } from '../catalog/CatalogStore';
import { PlannerDatabase, STORES_V2 } from '../db/database';
import { createPlannerClient } from '../worker/client';
import { ScenarioStore } from './ScenarioStore';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

const shipped = loadShippedCatalog();

/** Everything a version 2 database holds: the catalog (a user-edited row, a user's own row), meta, tombstones, conflicts. */
async function writeVersion2(name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(2).stores(STORES_V2);
  const rows = (kind: (typeof TABLE_KINDS)[number]) =>
    (shipped.tables[kind] as object[]).map((row) => ({ ...structuredClone(row), origin: 'shipped', edits: {} }));
  const systems = rows('systems') as Record<string, unknown>[];
  systems[0]!.price = { amount: 99_000, currency: 'USD', asOf: '2026-10-01', source: 'entered by the user' };
  systems[0]!.edits = {
    price: { shipped: shipped.tables.systems[0]!.price, at: '2026-10-01T09:00:00.000Z', by: 'user' },
  };
  systems.push({ ...structuredClone(shipped.tables.systems[1]!), id: 'my-own-server', origin: 'user', edits: {} });
  const content: Record<string, unknown[]> = {
    gpus: rows('gpus'),
    systems,
    cloudOffers: rows('cloudOffers'),
    networks: rows('networks'),
    facilities: rows('facilities'),
    tombstones: [{ kind: 'systems', id: 'dgx-1-v100', deletedAt: '2026-10-02T00:00:00.000Z' }],
    conflicts: [],
    meta: [
      { key: 'estimator.form', value: { version: 1, form: { seqLen: '4096' } } },
      { key: 'catalog.shippedVersion', value: { version: shipped.version, asOf: shipped.asOf } },
    ],
  };
  for (const [table, values] of Object.entries(content)) await old.table(table).bulkPut(values);
  old.close();
  return content;
}

describe('opening a database written by the previous schema version (2)', () => {
  it('upgrades it to version 3 without loss, and scenarios are kept in the new table', async () => {
    // Arrange
    const name = `scenario-migration-${Math.random().toString(36).slice(2)}`;
    names.push(name);
    const before = await writeVersion2(name);

    // Act
    const db = new PlannerDatabase(name);
    await db.open();

    // Assert: every table as it was, and an empty scenarios table that works.
    expect(db.verno).toBeGreaterThanOrEqual(3);
    for (const [table, values] of Object.entries(before)) {
      const after = await db.table(table).toArray();
      const key = (r: Record<string, unknown>) => String(r.id ?? r.key ?? JSON.stringify(r));
      const sorted = (list: unknown[]) =>
        [...(list as Record<string, unknown>[])].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sorted(after), table).toEqual(sorted(values));
    }
    expect(await db.scenarios.count()).toBe(0);

    const catalog = new CatalogStore(db, shipped);
    await catalog.load();
    const client = createPlannerClient();
    const scenarios = new ScenarioStore(db, catalog, loadShippedModels(), client, { saveDelayMs: 0 });
    await scenarios.load();
    const record = scenarios.create('after the upgrade');
    scenarios.addOption({ id: 'mine', kind: 'owned', system: 'my-own-server' });
    await scenarios.settled();
    // The user's own server row is what the comparison costs.
    expect(scenarios.comparison?.rows[0]?.optionId).toBe('mine');
    scenarios.dispose();
    client.dispose();
    db.close();

    const reopened = new PlannerDatabase(name);
    expect((await reopened.scenarios.get(record.id))?.raw.name).toBe('after the upgrade');
    reopened.close();
  });
});
