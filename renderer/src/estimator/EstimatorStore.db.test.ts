import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedGpus } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import { estimateWithConfidence, type EstimateWithConfidence } from '../../../estimator/confidence';
import { type EstimateError, type EstimateInput } from '../../../estimator/training';
import { CatalogStore } from '../catalog/CatalogStore';
import { seedCatalogIfEmpty } from '../catalog/seed';
import { PlannerDatabase } from '../db/database';
import type { CatalogSnapshot } from '../worker/api';
import { createPlannerClient, type PlannerClient } from '../worker/client';
import type { Outcome } from '../worker/latest';
import { ESTIMATOR_FORM_KEY, EstimatorStore } from './EstimatorStore';
import { DEFAULT_FORM } from './form';

let n = 0;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function freshDatabase(name = `estimator-store-test-${n++}`) {
  const db = new PlannerDatabase(name);
  cleanup.push(() => db.delete());
  await seedCatalogIfEmpty(db, loadShippedGpus());
  return db;
}

async function openStore(db: PlannerDatabase, client: PlannerClient = createPlannerClient()) {
  const catalog = new CatalogStore(db);
  await catalog.load();
  const store = new EstimatorStore(db, catalog, loadShippedModels(), client, { debounceMs: 0 });
  cleanup.push(() => {
    store.dispose();
    client.dispose();
  });
  await store.load();
  return { store, catalog };
}

describe('EstimatorStore', () => {
  it('starts with a 7B LoRA on a V100 and computes it: fits, with a time', async () => {
    const { store } = await openStore(await freshDatabase());
    await store.settled();
    expect(store.form).toEqual(DEFAULT_FORM);
    expect(store.result?.gpu.id).toBe('v100-sxm2-32gb');
    expect(store.result?.memory.fitsConfidence).toBe('fits');
    expect(store.result?.time?.seconds).toBeGreaterThan(0);
    expect(store.outOfDate).toBe(false);
  });

  it('puts the message beside the field for a negative sequence length, and keeps the last result marked out of date', async () => {
    const { store } = await openStore(await freshDatabase());
    await store.settled();
    const before = store.result;

    store.setField('seqLen', '-1');
    await store.settled();

    expect(store.errors).toEqual({ seqLen: 'seqLen: must be a whole number of tokens from 1 to 10000000' });
    expect(store.result).toBe(before);
    expect(store.outOfDate).toBe(true);

    store.setField('seqLen', '4096');
    await store.settled();
    expect(store.errors).toEqual({});
    expect(store.outOfDate).toBe(false);
    expect(store.result?.throughput.tokensPerStep).toBe(4096 * 16);
  });

  it("shows the estimator's refusal beside the field it names", async () => {
    const { store } = await openStore(await freshDatabase());
    store.setField('gpu', 'gone-gpu');
    await store.settled();
    expect(store.estimateError).toMatch(/^gpu: /);
    expect(store.errors.gpu).toBe(store.estimateError);
    expect(store.outOfDate).toBe(true);
  });

  it('keeps the form in IndexedDB: a restart brings back what was typed, invalid values included', async () => {
    const db = await freshDatabase();
    const { store } = await openStore(db);
    store.applyPreset('full-67b-h800x64');
    store.setField('gradAccum', '8');
    store.setField('seqLen', '-1');
    await store.settled();

    const { store: reopened } = await openStore(new PlannerDatabase(db.name));
    expect(reopened.form).toEqual({ ...store.form });
    expect(reopened.form).toMatchObject({ presetId: 'deepseek-llm-67b-base', gradAccum: '8', seqLen: '-1' });
    expect(reopened.errors.seqLen).toMatch(/^seqLen: /);
    const stored = await db.meta.get(ESTIMATOR_FORM_KEY);
    expect(stored?.value).toMatchObject({ version: 1, form: { gpus: '64' } });
  });

  it('ignores a stored entry it cannot read and starts from the defaults', async () => {
    const db = await freshDatabase();
    await db.meta.put({ key: ESTIMATOR_FORM_KEY, value: { version: 99, form: { seqLen: 1 } } });
    const { store } = await openStore(db);
    expect(store.form).toEqual(DEFAULT_FORM);
  });

  it('marks the quick preset the form is at, and none once the user changes a field', async () => {
    const { store } = await openStore(await freshDatabase());
    store.applyPreset('full-67b-h800x64');
    expect(store.activePreset).toBe('full-67b-h800x64');
    await store.settled();
    expect(store.result?.layout).toMatchObject({ gpus: 64, nodes: 8, zero: 3 });
    expect(store.result?.memory.fitsConfidence).toBe('fits');
    store.setField('gpus', '32');
    expect(store.activePreset).toBeNull();
  });

  it("estimates with the user's catalog: an edited GPU row changes the answer", async () => {
    const db = await freshDatabase();
    const { store, catalog } = await openStore(db);
    await store.settled();
    expect(store.result?.memory.capacityBytes).toBe(32 * 2 ** 30);

    await db.gpus.update('v100-sxm2-32gb', { memoryGB: 16 });
    await catalog.load();
    await store.settled();

    expect(store.result?.memory.capacityBytes).toBe(16 * 2 ** 30);
    expect(store.result?.memory.fitsConfidence).toBe('does-not-fit');
  });

  it('edits a custom architecture starting from the preset chosen so far', async () => {
    const { store } = await openStore(await freshDatabase());
    store.setModel({ presetId: 'llama-3.1-8b' });
    store.setModel('custom');
    expect(store.form.custom).toMatchObject({ layers: '32', hidden: '4096', kvHeads: '8', vocab: '128256' });
    store.setArchitectureField('layers', '16');
    await store.settled();
    expect(store.result?.model).toMatchObject({ id: null, architecture: { layers: 16 } });
  });
});

describe('EstimatorStore: latest request wins', () => {
  /** A client whose answers arrive when the test says, in any order. */
  function manualClient() {
    const calls: { input: EstimateInput; answer: (o: Outcome<EstimateWithConfidence | EstimateError>) => void }[] = [];
    const catalog: CatalogSnapshot = { gpus: loadShippedGpus(), models: loadShippedModels() };
    const client: PlannerClient = {
      mode: 'in-thread',
      estimate: (input) => new Promise((answer) => calls.push({ input, answer })),
      explain: () => Promise.reject(new Error('not used')),
      compare: () => Promise.reject(new Error('not used')),
      sensitivity: () => Promise.reject(new Error('not used')),
      suggest: () => {
        throw new Error('not used');
      },
      startJob: () => {
        throw new Error('not used');
      },
      dispose: () => undefined,
    };
    const answer = (i: number) =>
      calls[i]!.answer({ status: 'done', value: estimateWithConfidence(calls[i]!.input, catalog) });
    return { client, calls, answer };
  }

  const tick = () => new Promise((r) => setTimeout(r, 5));

  it('shows the answer to the newest input even when an older answer arrives last', async () => {
    const { client, calls, answer } = manualClient();
    const { store } = await openStore(await freshDatabase(), client);
    await tick();
    answer(0);
    await tick();

    store.setField('seqLen', '1024');
    await tick();
    store.setField('seqLen', '4096');
    await tick();
    expect(calls.map((c) => c.input.seqLen)).toEqual([2048, 1024, 4096]);

    answer(2);
    await tick();
    expect(store.result?.throughput.tokensPerStep).toBe(4096 * 16);
    expect(store.computing).toBe(false);

    answer(1); // the stale answer comes in late: ignored
    await tick();
    expect(store.result?.throughput.tokensPerStep).toBe(4096 * 16);
  });

  it('asks once for a burst of keystrokes (debounced)', async () => {
    const { client, calls } = manualClient();
    const db = await freshDatabase();
    const catalog = new CatalogStore(db);
    await catalog.load();
    const store = new EstimatorStore(db, catalog, loadShippedModels(), client, { debounceMs: 30 });
    cleanup.push(() => store.dispose());
    await store.load();
    await new Promise((r) => setTimeout(r, 60));
    for (const typed of ['4', '40', '409', '4096']) store.setField('seqLen', typed);
    await new Promise((r) => setTimeout(r, 80));
    expect(calls.map((c) => c.input.seqLen)).toEqual([2048, 4096]);
  });

  it('asks nothing while the form is invalid', async () => {
    const { client, calls } = manualClient();
    const { store } = await openStore(await freshDatabase(), client);
    await tick();
    store.setField('microBatch', '0');
    await tick();
    expect(calls).toHaveLength(1);
    expect(store.computing).toBe(false);
  });
});
