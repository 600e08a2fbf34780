import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../../catalog/scenarios';
import { compareScenario } from '../../../estimator/compare';
import { CatalogStore } from '../catalog/CatalogStore';
import { ScenarioStore } from '../scenario/ScenarioStore';
import { createPlannerClient } from '../worker/client';
import { cleanUp, freshDatabase, models, openStores, shipped } from './test-support';

afterEach(cleanUp);

const asPrinted = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('a calibration applies to every scenario using its GPU', () => {
  it('recomputes the open scenario when it is switched on and off, as compareScenario does with it', async () => {
    const db = await freshDatabase('calibration-scenario');
    const { calibrations, estimator } = await openStores(db);
    const catalog = new CatalogStore(db, shipped);
    await catalog.load();
    const client = createPlannerClient();
    const scenarios = new ScenarioStore(db, catalog, models, client, {
      compareDelayMs: 0,
      saveDelayMs: 0,
      calibrations,
    });
    await scenarios.load();
    scenarios.openExample(SHIPPED_SCENARIOS[0]!.file);
    await scenarios.settled();
    const before = scenarios.comparison!;
    const row = before.rows.find((r) => r.estimate && r.hoursPerRun !== null)!;
    const gpu = row.estimate!.gpu.id;

    // Measured 20% slower than predicted on that GPU, for the estimator screen's 7B LoRA.
    estimator.setField('gpu', gpu);
    await estimator.settled();
    const fit = await calibrations.fit(
      estimator.validation.input!,
      { tokensPerSecond: estimator.result!.throughput.tokensPerSecond * 0.8 },
      estimator.catalogSnapshot,
    );
    if (!fit.ok) throw new Error(fit.errors.join('; '));
    await scenarios.settled();

    const after = scenarios.comparison!;
    const moved = after.rows.find((r) => r.optionId === row.optionId)!;
    // Hours per run are rounded to 4 decimals in the row.
    expect(moved.hoursPerRun!).toBeCloseTo(row.hoursPerRun! / 0.8, 3);
    expect(asPrinted(after)).toEqual(
      asPrinted(compareScenario(scenarios.raw, scenarios.catalogSnapshot, { calibrations: [fit.value] }).comparison),
    );
    // Every row carries the ranges the bands give it.
    for (const r of after.rows.filter((x) => x.totalCost !== null)) {
      expect(r.totalCostRange!.low).toBeLessThanOrEqual(r.totalCost!);
      expect(r.totalCostRange!.high).toBeGreaterThanOrEqual(r.totalCost!);
    }

    await calibrations.setEnabled(fit.value.id, false);
    await scenarios.settled();
    expect(asPrinted(scenarios.comparison)).toEqual(asPrinted(before));

    scenarios.dispose();
    client.dispose();
  });
});
