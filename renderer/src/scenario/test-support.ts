// Helpers for the scenario store's IndexedDB tests (fake-indexeddb in Node); not used by the app.
import { loadShippedCatalog } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import { CatalogStore } from '../catalog/CatalogStore';
import { syncShippedCatalog } from '../catalog/sync';
import { PlannerDatabase } from '../db/database';
import { createPlannerClient, type PlannerClient } from '../worker/client';
import { ScenarioStore } from './ScenarioStore';

const shipped = loadShippedCatalog();
const models = loadShippedModels();
const cleanup: (() => unknown)[] = [];
let n = 0;

/** A database as a fresh install has it: the shipped catalog merged in, no scenarios. */
export async function freshDatabase(): Promise<PlannerDatabase> {
  const db = new PlannerDatabase(`scenario-test-${n++}-${Math.random().toString(36).slice(2)}`);
  cleanup.push(() => db.delete());
  await syncShippedCatalog(db, shipped);
  return db;
}

/** The app's stores over `db`, computing in-thread (no Worker in Node), without debounce delays. */
export async function openStores(db: PlannerDatabase, client: PlannerClient = createPlannerClient()) {
  const catalog = new CatalogStore(db, shipped);
  await catalog.load();
  const scenarios = new ScenarioStore(db, catalog, models, client, { compareDelayMs: 0, saveDelayMs: 0 });
  cleanup.unshift(async () => {
    await scenarios.settled();
    scenarios.dispose();
    client.dispose();
  });
  await scenarios.load();
  return { catalog, scenarios };
}

/** Closes every store and deletes every database a test opened (call from afterEach). */
export async function cleanUp(): Promise<void> {
  for (const done of cleanup.splice(0)) await done();
}
