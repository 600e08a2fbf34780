import { describe, expect, it } from 'vitest';
import { loadShippedGpus } from '../../catalog/index';
import { loadShippedModels } from '../../catalog/models';
import { bandFor, fitCalibration } from '../confidence';
import { parseScenario, type ScenarioInput } from '../scenario/index';
import { parseEstimateInput } from '../training/input';
import { fakeEstimator } from './__fixtures__/fake-estimator';
import { compare, compareScenario, uncertainAgainstOf, type CompareCatalog, type ComparisonRow } from './index';

/** Cost and time ranges from the throughput band, and whether the cheapest option is a sure thing (issue 9). */

const catalog: CompareCatalog = {
  gpus: loadShippedGpus(),
  models: loadShippedModels(),
  systems: [],
  offers: [],
  networks: [],
};
const price = (amount: number) => ({ amount, currency: 'USD', asOf: '2026-10-01', source: 'test quote' });
const offer = (gpu: string, perHour: number, pricing = 'on-demand') => ({
  provider: 'test-cloud',
  name: `8x ${gpu}`,
  gpu,
  gpusPerInstance: 8,
  prices: { [pricing]: { ...price(perHour), per: 'hour' } },
});
const training = {
  model: 'deepseek-llm-7b-base',
  method: 'full',
  precision: 'bf16-mixed',
  seqLen: 4096,
  microBatch: 1,
};
const raw = (options: unknown[]) => ({
  format: 'gpu-planner.scenario',
  version: 2,
  name: 'ranges',
  currency: 'USD',
  workload: { training, trainingTokens: 2.88e9, runsPerMonth: 4, horizonMonths: 12 },
  assumptions: {},
  options,
});
const row = (rows: readonly ComparisonRow[], id: string) => rows.find((r) => r.optionId === id)!;

describe('comparison ranges from the throughput band', () => {
  // Round numbers: 8 GPUs x 10,000 tokens/s train 2.88e9 tokens in 10 h.
  const s = parseScenario(
    raw([
      { id: 'a', kind: 'cloud', pricing: 'on-demand', offer: offer('h100-sxm5-80gb', 100) },
      { id: 'b', kind: 'cloud', pricing: 'on-demand', offer: offer('h100-sxm5-80gb', 105) },
      { id: 'c', kind: 'cloud', pricing: 'on-demand', offer: offer('h100-sxm5-80gb', 200) },
    ]) as ScenarioInput,
  );
  const c = compare(s, catalog, {
    estimate: fakeEstimator({ needGiB: 400, tokensPerSecondPerGpu: 10_000, nodeWatts: 8_000 }),
  });
  const p = parseEstimateInput({ ...training, gpu: 'h100-sxm5-80gb', gpus: 8 });
  if (!p.ok) throw new Error(p.error);
  const band = bandFor('throughput', p.input, catalog);

  it('hours per run at the slow end are hours / (1 + lowerPct), at the fast end hours / (1 + upperPct)', () => {
    const a = row(c.rows, 'a');
    expect(a.hoursPerRun).toBe(10);
    expect(a.hoursPerRunRange!.low).toBeCloseTo(10 / (1 + band.upperPct / 100), 3);
    expect(a.hoursPerRunRange!.high).toBeCloseTo(10 / (1 + band.lowerPct / 100), 3);
  });

  it('on-demand cloud cost follows the hours, and the range holds the point cost', () => {
    for (const r of c.rows) {
      expect(r.totalCostRange!.low).toBeLessThan(r.totalCost!);
      expect(r.totalCostRange!.high).toBeGreaterThan(r.totalCost!);
      expect(r.totalCostRange!.high / r.totalCost!).toBeCloseTo(1 / (1 + band.lowerPct / 100), 3);
    }
  });

  it('calls the cheapest option uncertain against the options whose cost range overlaps it, not the clearly dearer one', () => {
    expect(c.cheapestOptionId).toBe('a');
    expect(c.rankingUncertain).toBe(true);
    expect(c.uncertainAgainst).toEqual(['b']);
  });

  it('is certain when nothing overlaps; rows without a range compare as points', () => {
    const rows = [
      { optionId: 'x', feasible: true, totalCost: 100, totalCostRange: { low: 90, high: 110 } },
      { optionId: 'y', feasible: true, totalCost: 150, totalCostRange: { low: 120, high: 170 } },
      { optionId: 'z', feasible: false, totalCost: 95, totalCostRange: { low: 90, high: 100 } },
      { optionId: 'w', feasible: true, totalCost: 108, totalCostRange: null },
    ];
    expect(uncertainAgainstOf(rows[0]!, rows)).toEqual(['w']);
    expect(uncertainAgainstOf(rows[0]!, rows.slice(0, 3))).toEqual([]);
    expect(uncertainAgainstOf(null, rows)).toEqual([]);
  });
});

describe('compareScenario with calibrations', () => {
  const scenario = raw([{ id: 'h100', kind: 'cloud', pricing: 'on-demand', offer: offer('h100-sxm5-80gb', 100) }]);
  const plain = compareScenario(scenario, catalog).comparison;
  const e = row(plain.rows, 'h100').estimate!;

  it('applies the newest enabled calibration for the GPU: 20% slower measured, 25% more hours', () => {
    const input = parseEstimateInput({ ...training, gpu: 'h100-sxm5-80gb', gpus: 1 });
    if (!input.ok) throw new Error(input.error);
    const one = fitCalibration(input.input, { gpuWatts: 600 }, catalog, { id: 'w', date: '2026-11-01' });
    if (!one.ok) throw new Error(one.errors.join());
    // The factor is per GPU: fitted on a 1-GPU run, it carries the efficiency ratio to the 8-GPU layout.
    const cal = { ...one.calibration, id: 'slow', date: '2026-11-20', factors: { throughput: 0.8 } };
    const calibrated = compareScenario(scenario, catalog, { calibrations: [one.calibration, cal] }).comparison;
    const r = row(calibrated.rows, 'h100');
    expect(r.estimate!.throughput.tokensPerSecond).toBeCloseTo(e.throughput.tokensPerSecond * 0.8, 6);
    expect(r.hoursPerRun! / row(plain.rows, 'h100').hoursPerRun!).toBeCloseTo(1.25, 3);
    expect(r.totalCost!).toBeGreaterThan(row(plain.rows, 'h100').totalCost!);
    const off = compareScenario(scenario, catalog, { calibrations: [{ ...cal, enabled: false }] }).comparison;
    expect(row(off.rows, 'h100').hoursPerRun).toBe(row(plain.rows, 'h100').hoursPerRun);
  });
});
