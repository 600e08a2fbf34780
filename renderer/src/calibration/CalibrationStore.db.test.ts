import { afterEach, describe, expect, it } from 'vitest';
import { estimateWithConfidence, type Calibration } from '../../../estimator/confidence';
import { isEstimateError } from '../../../estimator/training';
import { PlannerDatabase } from '../db/database';
import { CalibrationStore } from './CalibrationStore';
import { cleanUp, FIT_DAY, freshDatabase, H100, models, openStores } from './test-support';

afterEach(cleanUp);

/** The estimator's own answer for the store's form, calibrations as given: what the CLI prints for that input. */
function expected(estimator: Awaited<ReturnType<typeof openStores>>['estimator'], calibrations: Calibration[] = []) {
  const e = estimateWithConfidence(estimator.validation.input!, estimator.catalogSnapshot, calibrations);
  if (isEstimateError(e)) throw new Error(e.error);
  return e;
}

describe('CalibrationStore', () => {
  it('fits a peak measured 10% above the estimate, keeps it dated in IndexedDB, and the estimate moves to it', async () => {
    const db = await freshDatabase();
    const { calibrations, estimator } = await openStores(db);
    const original = estimator.result!;
    expect(original.gpu.id).toBe(H100);
    expect(original.calibration).toBeUndefined();
    const measured = original.memory.peakBytesPerGpu * 1.1;

    const outcome = await calibrations.fit(
      estimator.validation.input!,
      { peakMemoryBytes: measured },
      estimator.catalogSnapshot,
    );
    await estimator.settled();

    expect(outcome.ok).toBe(true);
    const saved = await db.calibrations.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ gpu: H100, date: '2026-11-23', enabled: true });
    expect(saved[0]!.factors.memory).toBeCloseTo(1.1, 10);
    // Before: the estimate was 1/1.1 of the measurement; after: on it.
    expect(calibrations.lastFit!.before.memoryErrorPct).toBeCloseTo((1 / 1.1 - 1) * 100, 6);
    expect(Math.abs(calibrations.lastFit!.after.memoryErrorPct!)).toBeLessThan(1e-6);
    expect(estimator.result!.memory.peakBytesPerGpu).toBeCloseTo(measured, 0);
    expect(estimator.result!.calibration).toMatchObject({ id: saved[0]!.id, date: '2026-11-23' });
    expect(estimator.result).toEqual(expected(estimator, saved));

    // A restart finds it, switched on.
    const again = new CalibrationStore(db);
    await again.load();
    expect(again.list).toEqual(saved);
    expect(again.enabled.map((c) => c.id)).toEqual([saved[0]!.id]);
  });

  it('switched off, the estimate is the original again; switched on, calibrated again; the switch is kept', async () => {
    const db = await freshDatabase();
    const { calibrations, estimator } = await openStores(db);
    const original = estimator.result!;
    const fit = await calibrations.fit(
      estimator.validation.input!,
      { peakMemoryBytes: original.memory.peakBytesPerGpu * 1.1 },
      estimator.catalogSnapshot,
    );
    if (!fit.ok) throw new Error(fit.errors.join('; '));
    await estimator.settled();
    const calibrated = estimator.result!.memory.peakBytesPerGpu;
    expect(calibrated).toBeGreaterThan(original.memory.peakBytesPerGpu);

    await calibrations.setEnabled(fit.value.id, false);
    await estimator.settled();
    expect(estimator.result).toEqual(original);
    expect((await db.calibrations.get(fit.value.id))?.enabled).toBe(false);

    await calibrations.setEnabled(fit.value.id, true);
    await estimator.settled();
    expect(estimator.result!.memory.peakBytesPerGpu).toBe(calibrated);
    expect((await db.calibrations.get(fit.value.id))?.enabled).toBe(true);
  });

  it('keeps one calibration on per GPU: a newer fit switches the older one off, and deleting removes it', async () => {
    const db = await freshDatabase();
    const { calibrations, estimator } = await openStores(db);
    const input = estimator.validation.input!;
    const tps = estimator.result!.throughput.tokensPerSecond;
    const first = await calibrations.fit(input, { tokensPerSecond: tps * 0.9 }, estimator.catalogSnapshot);
    const second = await calibrations.fit(input, { tokensPerSecond: tps * 0.8 }, estimator.catalogSnapshot);
    if (!first.ok || !second.ok) throw new Error('fit refused');
    await estimator.settled();

    expect(first.value.id).not.toBe(second.value.id);
    expect((await db.calibrations.get(first.value.id))?.enabled).toBe(false);
    expect(calibrations.enabled.map((c) => c.id)).toEqual([second.value.id]);
    expect(estimator.result!.throughput.tokensPerSecond).toBeCloseTo(tps * 0.8, 6);

    await calibrations.remove(second.value.id);
    await estimator.settled();
    expect(await db.calibrations.get(second.value.id)).toBeUndefined();
    expect(calibrations.list.map((c) => c.id)).toEqual([first.value.id]);
    expect(estimator.result!.throughput.tokensPerSecond).toBeCloseTo(tps, 6);
  });

  it('refuses an absurd measurement naming the field, and stores nothing', async () => {
    const db = await freshDatabase();
    const { calibrations, estimator } = await openStores(db);
    const peak = estimator.result!.memory.peakBytesPerGpu;
    for (const measured of [{ peakMemoryBytes: peak * 20 }, { peakMemoryBytes: -peak }]) {
      const outcome = await calibrations.fit(estimator.validation.input!, measured, estimator.catalogSnapshot);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.errors.join('\n')).toMatch(/^measured\.peakMemoryBytes: /m);
    }
    expect(await db.calibrations.count()).toBe(0);
    expect(calibrations.list).toEqual([]);
    expect(calibrations.lastFit).toBeNull();
  });

  it('exports JSON that a fresh install imports to the same calibrations, applied the same way', async () => {
    const from = await openStores(await freshDatabase());
    const input = from.estimator.validation.input!;
    const e = from.estimator.result!;
    await from.calibrations.fit(
      input,
      { peakMemoryBytes: e.memory.peakBytesPerGpu * 1.1, gpuWatts: e.power.gpuWatts * 0.9 },
      from.estimator.catalogSnapshot,
    );
    const off = await from.calibrations.fit(
      input,
      { tokensPerSecond: e.throughput.tokensPerSecond * 1.2 },
      from.estimator.catalogSnapshot,
    );
    if (!off.ok) throw new Error(off.errors.join('; '));
    await from.calibrations.setEnabled(off.value.id, false);
    const text = from.calibrations.exportJson();

    const db = await freshDatabase();
    const to = await openStores(db);
    const outcome = await to.calibrations.importJson(text, to.estimator.catalogSnapshot);
    await to.estimator.settled();

    expect(outcome).toEqual({ ok: true, value: 2 });
    expect(to.calibrations.list).toEqual(from.calibrations.list);
    expect((await db.calibrations.toArray()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...from.calibrations.list].sort((a, b) => a.id.localeCompare(b.id)),
    );
    await from.estimator.settled();
    expect(to.estimator.result).toEqual(from.estimator.result);
  });

  it('rejects a file with a bad field, naming it, and changes nothing stored', async () => {
    const db = await freshDatabase();
    const { calibrations, estimator } = await openStores(db);
    const fit = await calibrations.fit(
      estimator.validation.input!,
      { peakMemoryBytes: estimator.result!.memory.peakBytesPerGpu * 1.05 },
      estimator.catalogSnapshot,
    );
    if (!fit.ok) throw new Error(fit.errors.join('; '));
    const before = await db.calibrations.toArray();
    const good = JSON.parse(calibrations.exportJson()) as { calibrations: Record<string, unknown>[] };

    // A second calibration, valid but for a factor 100× off: the whole file is refused, the valid one included.
    const other = { ...good.calibrations[0]!, id: 'imported', enabled: false };
    const bad = { ...good, calibrations: [other, { ...other, id: 'absurd', factors: { memory: 100 } }] };
    const outcome = await calibrations.importJson(JSON.stringify(bad), estimator.catalogSnapshot);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join('\n')).toMatch(/^calibrations\.1\.factors\.memory: /m);

    const notJson = await calibrations.importJson('{ not json', estimator.catalogSnapshot);
    expect(notJson.ok).toBe(false);

    expect(await db.calibrations.toArray()).toEqual(before);
    expect(calibrations.list).toEqual(before);
  });
});

describe('database version 4', () => {
  it('opens a version 3 database with its scenarios and an empty calibrations table', async () => {
    const name = `calibration-migration-${Math.random().toString(36).slice(2)}`;
    const { default: Dexie } = await import('dexie');
    const { STORES_V3 } = await import('../db/database');
    const old = new Dexie(name);
    old.version(3).stores(STORES_V3);
    await old.table('scenarios').put({ id: 's1', updatedAt: '2026-11-01T00:00:00.000Z', raw: { name: 'kept' } });
    old.close();

    const db = new PlannerDatabase(name);
    try {
      await db.open();
      expect(db.verno).toBe(4);
      expect(await db.scenarios.get('s1')).toMatchObject({ raw: { name: 'kept' } });
      expect(await db.calibrations.count()).toBe(0);
      const store = new CalibrationStore(db, { now: () => FIT_DAY });
      await store.load();
      expect(store.list).toEqual([]);
    } finally {
      db.close();
      await Dexie.delete(name);
    }
    expect(models.length).toBeGreaterThan(0);
  });
});
