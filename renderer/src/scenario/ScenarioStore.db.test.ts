import { afterEach, describe, expect, it } from 'vitest';
import { createPlannerClient } from '../worker/client';
import { HIDDEN_COLUMNS_KEY, OPEN_SCENARIO_KEY } from './ScenarioStore';
import { cleanUp, freshDatabase, openStores } from './test-support';

afterEach(cleanUp);

const LORA = 'lora-deepseek-7b.scenario.json';

describe('ScenarioStore: the list, kept in IndexedDB', () => {
  it('creates a scenario that is valid as it starts, and keeps it across a restart', async () => {
    // Arrange
    const db = await freshDatabase();
    const { scenarios } = await openStores(db);
    // Act
    const record = scenarios.create('Q3 plan');
    scenarios.addOption({ id: 'own-dgx-h100', kind: 'owned', system: 'dgx-h100', count: 1 });
    await scenarios.settled();
    // Assert: valid, compared, and stored with the option.
    expect(scenarios.errors).toEqual({});
    expect(scenarios.comparison?.rows.map((r) => r.optionId)).toEqual(['own-dgx-h100']);
    const again = await openStores(db);
    expect(again.scenarios.openId).toBe(record.id);
    expect(again.scenarios.raw?.name).toBe('Q3 plan');
    expect(again.scenarios.optionIds).toEqual(['own-dgx-h100']);
    expect((await db.meta.get(OPEN_SCENARIO_KEY))?.value).toBe(record.id);
  });

  it('numbers a new name that is taken, and names a duplicate “(copy)”, then “(copy 2)”', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    const first = scenarios.create('Untitled scenario');
    expect(scenarios.create('Untitled scenario').raw.name).toBe('Untitled scenario 2');
    expect(scenarios.duplicate(first.id, 'copy')?.raw.name).toBe('Untitled scenario (copy)');
    expect(scenarios.duplicate(first.id, 'copy')?.raw.name).toBe('Untitled scenario (copy 2)');
  });

  it('renames, and deletes with undo: the scenario comes back whole, in IndexedDB too', async () => {
    const db = await freshDatabase();
    const { scenarios } = await openStores(db);
    const kept = scenarios.create('kept');
    const gone = scenarios.openExample(LORA)!;
    scenarios.rename(gone.id, 'LoRA, renamed');
    await scenarios.settled();
    expect((await db.scenarios.get(gone.id))?.raw.name).toBe('LoRA, renamed');

    scenarios.remove(gone.id);
    await scenarios.settled();
    expect(await db.scenarios.get(gone.id)).toBeUndefined();
    expect(scenarios.openId).toBe(kept.id);
    expect(scenarios.deleted?.id).toBe(gone.id);

    scenarios.restoreDeleted();
    await scenarios.settled();
    expect(scenarios.openId).toBe(gone.id);
    expect((await db.scenarios.get(gone.id))?.raw).toEqual(scenarios.raw);
    expect(scenarios.raw?.name).toBe('LoRA, renamed');
    expect(scenarios.optionIds).toHaveLength(4);
  });

  it('opens an example as the user’s own copy: editing it leaves the example as shipped', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    const a = scenarios.openExample(LORA)!;
    scenarios.edit(['workload', 'runsPerMonth'], 8);
    const b = scenarios.openExample(LORA)!;
    expect(b.id).not.toBe(a.id);
    expect(b.example).toBe(LORA);
    expect((b.raw.workload as { runsPerMonth: number }).runsPerMonth).toBe(4);
    expect(scenarios.records).toHaveLength(2);
  });

  it('writes every edit to IndexedDB a moment later, so a crash loses nothing', async () => {
    const db = await freshDatabase();
    const { scenarios } = await openStores(db);
    const record = scenarios.create('crash test');
    scenarios.edit(['assumptions', 'electricity', 'amount'], 0.31);
    await scenarios.settled();
    const stored = await db.scenarios.get(record.id);
    expect((stored?.raw.assumptions as { electricity: { amount: number } }).electricity.amount).toBe(0.31);
  });

  it('remembers which comparison columns are hidden', async () => {
    const db = await freshDatabase();
    const { scenarios } = await openStores(db);
    scenarios.setColumnHidden('npvCost', true);
    scenarios.setColumnHidden('coolingBTUh', true);
    scenarios.setColumnHidden('npvCost', false);
    await scenarios.settled();
    expect((await db.meta.get(HIDDEN_COLUMNS_KEY))?.value).toEqual(['coolingBTUh']);
    expect((await openStores(db)).scenarios.hiddenColumns).toEqual(['coolingBTUh']);
  });
});

describe('ScenarioStore: editing, validation and the comparison', () => {
  it('puts the schema’s message beside a wrong field, keeps the last comparison marked out of date, and recomputes once fixed', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    scenarios.openExample(LORA);
    await scenarios.settled();
    const before = scenarios.comparison;
    expect(before?.rows).toHaveLength(4);

    scenarios.edit(['workload', 'runsPerMonth'], -1);
    await scenarios.settled();
    expect(scenarios.errors).toEqual({
      'workload.runsPerMonth': 'workload.runsPerMonth: must be a number of runs above 0 and at most 10,000',
    });
    expect(scenarios.comparison).toBe(before);
    expect(scenarios.outOfDate).toBe(true);

    scenarios.edit(['workload', 'runsPerMonth'], 8);
    await scenarios.settled();
    expect(scenarios.errors).toEqual({});
    expect(scenarios.outOfDate).toBe(false);
    expect(scenarios.comparison?.workload.runs).toBe(8 * 36);
  });

  it('keeps text typed into a number field as typed, so the schema names it', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    scenarios.create('typing');
    scenarios.edit(['assumptions', 'pue'], '1.4x');
    expect(scenarios.errors['assumptions.pue']).toBe('assumptions.pue: must be a number from 1 to 3');
  });

  it('shows what compare refuses beside the option that caused it', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    scenarios.create('refused');
    scenarios.addOption({ id: 'own-x', kind: 'owned', system: 'no-such-server' });
    await scenarios.settled();
    expect(scenarios.errors['options[0].system']).toMatch(/^options\[0\]\.system: "no-such-server" is not/);
    expect(scenarios.outOfDate).toBe(true);
  });

  it('ranks again when the electricity price changes: the owned option costs more, the cloud ones the same', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    scenarios.openExample(LORA);
    await scenarios.settled();
    const total = (id: string) => scenarios.comparison!.rows.find((r) => r.optionId === id)!.totalCost!;
    const [owned, cloud] = [total('used-v100'), total('azure-a100-spot')];

    scenarios.edit(['assumptions', 'electricity', 'amount'], 0.8);
    await scenarios.settled();

    expect(total('used-v100')).toBeGreaterThan(owned);
    expect(total('azure-a100-spot')).toBe(cloud);
    expect(scenarios.sensitivityRaw).toBe(scenarios.raw);
    expect(scenarios.sensitivity?.points).toHaveLength(8);
  });

  it('undoes and redoes edits; keystrokes in one field are one step', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    scenarios.create('undo');
    const pue = () => (scenarios.raw?.assumptions as { pue: unknown }).pue;
    const start = pue();
    scenarios.edit(['assumptions', 'pue'], 1);
    scenarios.edit(['assumptions', 'pue'], 1.3);
    scenarios.edit(['workload', 'runsPerMonth'], 2);
    expect(scenarios.canUndo).toBe(true);

    scenarios.undo();
    expect((scenarios.raw?.workload as { runsPerMonth: number }).runsPerMonth).toBe(4);
    expect(pue()).toBe(1.3);
    scenarios.undo();
    expect(pue()).toBe(start);
    expect(scenarios.canUndo).toBe(false);

    scenarios.redo();
    expect(pue()).toBe(1.3);
    expect(scenarios.canRedo).toBe(true);
    scenarios.edit(['assumptions', 'pue'], 1.2);
    expect(scenarios.canRedo).toBe(false);
  });

  it('marks a scenario linked to a file as changed since the file was written', async () => {
    const { scenarios } = await openStores(await freshDatabase());
    let told = 0;
    scenarios.onLinkedEdit = () => told++;
    scenarios.addFromFile(scenarios.create('plain').raw, { token: null, name: 'q3.gpuplan.json' });
    expect(scenarios.open?.fileDirty).toBe(false);
    scenarios.edit(['workload', 'runsPerMonth'], 3);
    expect(scenarios.open?.fileDirty).toBe(true);
    expect(told).toBe(1);
  });
});

describe('ScenarioStore: suggest in the worker', () => {
  it('sweeps the user’s catalog rows, reports progress, and adds the suggestions chosen as one undoable step', async () => {
    // Arrange: a catalog the user cut down to a few systems and offers (it also keeps the sweep short).
    const db = await freshDatabase();
    const systems = ['sxm2-8x-v100-32gb-used', 'ws-2x-rtx-4090', 'dgx-h100'];
    const offers = ['aws-p4d-24xlarge', 'azure-nc24ads-a100-v4', 'aws-p5-48xlarge'];
    await db.systems.where('id').noneOf(systems).delete();
    await db.cloudOffers.where('id').noneOf(offers).delete();
    const { scenarios } = await openStores(db);
    scenarios.openExample(LORA);
    const seen: number[] = [];
    const stop = setInterval(() => {
      const s = scenarios.suggestState;
      if (s.status === 'running' && s.done > 0) seen.push(s.done);
    }, 5);
    await scenarios.suggest(3);
    clearInterval(stop);

    const state = scenarios.suggestState;
    if (state.status !== 'done') throw new Error(`suggest ended ${state.status}`);
    expect(state.suggestions).toHaveLength(3);
    expect(seen.length).toBeGreaterThan(0);
    expect(state.suggestions.every((s) => s.row.feasible)).toBe(true);
    for (const { option } of state.suggestions)
      expect(option.kind === 'cloud' ? offers : systems).toContain(
        option.kind === 'cloud' ? option.offer : option.system,
      );

    scenarios.addSuggestions(state.suggestions.slice(0, 2).map((s) => s.option.id));
    expect(scenarios.optionIds).toHaveLength(6);
    expect(scenarios.suggestState.status).toBe('idle');
    scenarios.undo();
    expect(scenarios.optionIds).toHaveLength(4);
  });

  it('stops when cancelled, adding nothing', async () => {
    const { scenarios } = await openStores(await freshDatabase(), createPlannerClient({ backend: 'in-thread' }));
    scenarios.openExample(LORA);
    const running = scenarios.suggest();
    await new Promise((r) => setTimeout(r, 30));
    scenarios.cancelSuggest();
    await running;
    expect(scenarios.suggestState).toEqual({ status: 'cancelled' });
    expect(scenarios.optionIds).toHaveLength(4);
  });
});
