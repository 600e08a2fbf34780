// Helpers for the calibration tests (fake-indexeddb in Node); not used by the app.
import { loadShippedCatalog } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import { CatalogStore } from '../catalog/CatalogStore';
import { syncShippedCatalog } from '../catalog/sync';
import { PlannerDatabase } from '../db/database';
import { EstimatorStore } from '../estimator/EstimatorStore';
import { createPlannerClient } from '../worker/client';
import { CalibrationStore } from './CalibrationStore';

export const shipped = loadShippedCatalog();
export const models = loadShippedModels();
/** The day the tests' calibrations are fitted on. */
export const FIT_DAY = new Date('2026-11-23T10:00:00.000Z');
/** The setup: the default form's 7B LoRA (deepseek-llm-7b-base) on one 80 GB GPU. */
export const H100 = 'h100-sxm5-80gb';

const cleanup: (() => unknown)[] = [];
let n = 0;

/** A fresh install's database: the shipped catalog merged in. */
export async function freshDatabase(prefix = 'calibration-test'): Promise<PlannerDatabase> {
  const db = new PlannerDatabase(`${prefix}-${n++}-${Math.random().toString(36).slice(2)}`);
  cleanup.push(() => db.delete());
  await syncShippedCatalog(db, shipped);
  return db;
}

/** The calibration store and an estimator store reading it, over `db`, computing in-thread. */
export async function openStores(db: PlannerDatabase) {
  const calibrations = new CalibrationStore(db, { now: () => FIT_DAY });
  await calibrations.load();
  const catalog = new CatalogStore(db, shipped);
  await catalog.load();
  const client = createPlannerClient();
  const estimator = new EstimatorStore(db, catalog, models, client, { debounceMs: 0, calibrations });
  cleanup.unshift(async () => {
    await estimator.settled();
    estimator.dispose();
    client.dispose();
  });
  await estimator.load();
  estimator.setField('gpu', H100);
  await estimator.settled();
  return { calibrations, estimator, catalog };
}

export async function cleanUp(): Promise<void> {
  for (const done of cleanup.splice(0)) await done();
}
