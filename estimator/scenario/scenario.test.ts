import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../catalog/scenarios/index';
import {
  ASSUMPTION_DEFAULTS,
  SCENARIO_VERSION,
  convert,
  formatIssue,
  formatMoney,
  money,
  openScenario,
  serializeScenario,
  splitEvenly,
  type ScenarioIssue,
} from './index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTRACT_EXAMPLE = resolve(ROOT, '../shared/contracts/examples/lora-7b.scenario.json');
const SHIPPED = resolve(ROOT, 'catalog/scenarios');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** The contract's example, vendored so the test runs without ../shared. */
const FIXTURE = resolve(ROOT, 'estimator/scenario/__fixtures__/lora-7b.v1.scenario.json');
const contractV1 = (): Record<string, unknown> => {
  try {
    return readJson(CONTRACT_EXAMPLE);
  } catch {
    return readJson(FIXTURE);
  }
};

const messages = (raw: unknown): string[] => {
  const r = openScenario(raw);
  if (r.ok) return [];
  return r.issues.map((i: ScenarioIssue) => formatIssue(i));
};

describe('opening scenario files', () => {
  it("opens the contract's version 1 example and migrates it to the current version", () => {
    const r = openScenario(contractV1());
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    expect(r.fromVersion).toBe(1);
    expect(r.scenario.version).toBe(SCENARIO_VERSION);
    // v1 fields keep their values...
    expect(r.scenario.assumptions.spotOverhead).toBe(0.15);
    expect(r.scenario.assumptions.pue).toBe(1.5);
    expect(r.scenario.options.map((o) => o.id)).toEqual(['used-v100', 'rtx4090-ws', 'cloud-spot']);
    // ...and the v2 ones are filled so that a v1 file's numbers do not move.
    expect(r.scenario.assumptions.spot.interruptionsPerHour).toBe(0);
    expect(r.scenario.assumptions.spot.checkpointSaveMinutes).toBe(0);
    expect(r.scenario.assumptions.discountRatePerYear).toBe(0.08);
    expect(r.scenario.workload.epochs).toBe(1);
    expect(r.notes.join(' ')).toMatch(/version 1 file/);
  });

  it('keeps the vendored copy of the contract example identical to the contract', () => {
    let contract: unknown;
    try {
      contract = readJson(CONTRACT_EXAMPLE);
    } catch {
      return; // ../shared is not beside this checkout
    }
    expect(readJson(FIXTURE)).toEqual(contract);
  });

  it('opens every shipped scenario (of any version)', () => {
    const files = readdirSync(SHIPPED).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const r = openScenario(readJson(join(SHIPPED, f)));
      if (!r.ok) throw new Error(`${f}:\n${r.issues.map(formatIssue).join('\n')}`);
      expect(r.scenario.version).toBe(SCENARIO_VERSION);
    }
  });

  it('lists every shipped file for the app to offer', () => {
    const files = readdirSync(SHIPPED).filter((f) => f.endsWith('.json'));
    expect(SHIPPED_SCENARIOS.map((s) => s.file).sort()).toEqual(files.sort());
    for (const s of SHIPPED_SCENARIOS) expect(openScenario(s.raw).ok, s.file).toBe(true);
  });

  it('opens a shipped v2 file written back as v1 (its v2 fields dropped)', () => {
    for (const f of readdirSync(SHIPPED).filter((x) => x.endsWith('.json'))) {
      const v2 = readJson(join(SHIPPED, f));
      const a = { ...(v2.assumptions as Record<string, unknown>) };
      for (const k of [
        'discountRatePerYear',
        'hoursPerMonth',
        'spot',
        'reservedPayment',
        'idlePowerFraction',
        'staffCostPerMonth',
        'capex',
      ])
        delete a[k];
      const w = { ...(v2.workload as Record<string, unknown>) };
      delete w.epochs;
      delete w.deadlineHours;
      const v1 = { ...v2, version: 1, assumptions: a, workload: w };
      const r = openScenario(v1);
      if (!r.ok) throw new Error(`${f} as v1:\n${r.issues.map(formatIssue).join('\n')}`);
      expect(r.fromVersion).toBe(1);
    }
  });

  it('saves what it opened and reopens it unchanged', () => {
    const first = openScenario(contractV1());
    if (!first.ok) throw new Error('did not open');
    const again = openScenario(JSON.parse(serializeScenario(first.scenario)));
    if (!again.ok) throw new Error(again.issues.map(formatIssue).join('\n'));
    expect(again.fromVersion).toBe(SCENARIO_VERSION);
    expect(again.scenario).toEqual(first.scenario);
    expect(again.notes).toEqual([]);
  });

  it('refuses a file from a newer version, or not a scenario at all', () => {
    expect(messages({ ...contractV1(), version: 99 })[0]).toMatch(
      /^version: is 99: the file was saved by a newer GPU Planner/,
    );
    expect(messages({ format: 'something-else' })).toEqual(['format: must be "gpu-planner.scenario"']);
    expect(messages([1, 2])).toEqual(['(file): must be a JSON object (a scenario file)']);
    expect(messages({ format: 'gpu-planner.scenario', version: 0 })).toEqual([
      'version: must be a whole number from 1 to 2',
    ]);
  });

  it('names the field and the allowed range of every mistake', () => {
    const bad = contractV1() as {
      assumptions: Record<string, unknown> & { fx: Record<string, unknown> };
      workload: Record<string, unknown> & { training: Record<string, unknown> };
      options: Record<string, unknown>[];
    };
    bad.assumptions.pue = 7;
    bad.assumptions.residualValueRate = -0.1;
    bad.assumptions.fx.XYZ = 3;
    bad.workload.horizonMonths = 0;
    bad.workload.training.seqLen = 0;
    bad.workload.training.gpu = 'h100-sxm5-80gb';
    (bad.options[0]!.system as { price: { amount: number } }).price.amount = -3;
    bad.options[1]!.kind = 'rent';
    bad.options[2]!.pricing = 'cheap';
    expect(messages(bad)).toEqual([
      'workload.training.gpu: is set by each option, not the workload',
      'workload.training.seqLen: must be a whole number of tokens from 1 to 10000000',
      'workload.horizonMonths: must be a whole number of months from 1 to 240',
      'assumptions.pue: must be a number from 1 to 3',
      'assumptions.residualValueRate: must be a number of the equipment price from 0 to 1',
      'assumptions.fx.XYZ: is not a currency the planner knows (USD, CNY, EUR, GBP, JPY, HKD, SGD, KRW, INR, CAD, AUD, CHF, TWD), or "asOf"',
      'options[0].system.price.amount: must be ≥ 0',
      'options[1].kind: must be "owned", "cluster" or "cloud"',
      'options[2].pricing: must be one of "on-demand", "spot", "reserved-1y", "reserved-3y"',
    ]);
  });

  it('says a value of the wrong type is wrong, not missing', () => {
    const raw = contractV1() as { assumptions: Record<string, unknown>; workload: Record<string, unknown> };
    raw.assumptions.pue = '1.4x';
    raw.workload.runsPerMonth = 'four';
    delete raw.workload.horizonMonths;
    expect(messages(raw)).toEqual([
      'workload.runsPerMonth: must be a number of runs above 0 and at most 10,000',
      'workload.horizonMonths: is required',
      'assumptions.pue: must be a number from 1 to 3',
    ]);
  });

  it('rejects duplicate option ids and unknown fields', () => {
    const raw = contractV1() as { options: Record<string, unknown>[]; assumptions: Record<string, unknown> };
    raw.options[1]!.id = 'used-v100';
    raw.assumptions.puee = 1.2;
    expect(messages(raw)).toEqual([
      'assumptions.puee: is not a known field',
      'options[1].id: duplicates options[0]; option ids must be unique',
    ]);
  });
});

describe('defaults', () => {
  it('gives every assumption a value, a unit and a source', () => {
    for (const d of ASSUMPTION_DEFAULTS) {
      expect(d.name).toMatch(/\S/);
      expect(d.unit).toMatch(/\S/);
      expect(d.source.length).toBeGreaterThan(10);
    }
  });

  it('fills a scenario that gives no assumptions with exactly those defaults', () => {
    const r = openScenario({
      format: 'gpu-planner.scenario',
      version: 2,
      name: 'minimal',
      currency: 'USD',
      workload: {
        training: {
          model: 'deepseek-llm-7b-base',
          method: 'lora',
          precision: 'bf16-mixed',
          seqLen: 2048,
          microBatch: 1,
        },
        trainingTokens: 1e8,
        runsPerMonth: 1,
        horizonMonths: 12,
      },
      options: [],
    });
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    const a = r.scenario.assumptions as unknown as Record<string, unknown>;
    const get = (path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], a);
    for (const d of ASSUMPTION_DEFAULTS) {
      if (d.name.startsWith('site.')) continue; // only with a colocation site
      const v = get(d.name);
      if (typeof v === 'object' && v !== null) expect((v as { amount: number }).amount, d.name).toBe(d.value);
      else expect(v, d.name).toBe(d.value);
    }
  });
});

describe('money', () => {
  it('keeps integer minor units and formats them', () => {
    expect(money(30_000, 'USD')).toEqual({ amountMinor: 3_000_000, currency: 'USD' });
    expect(money(0.005, 'USD').amountMinor).toBe(1); // half away from zero
    expect(money(-0.005, 'USD').amountMinor).toBe(-1);
    expect(formatMoney(money(1234567.891, 'USD'))).toBe('USD 1,234,567.89');
    expect(formatMoney(money(4500.4, 'JPY'))).toBe('JPY 4,500');
  });

  it('splits a total into months that add up to the cent', () => {
    const parts = splitEvenly({ amountMinor: 100, currency: 'USD' }, 3).map((m) => m.amountMinor);
    expect(parts).toEqual([34, 33, 33]);
    expect(splitEvenly({ amountMinor: -100, currency: 'USD' }, 3).map((m) => m.amountMinor)).toEqual([-34, -33, -33]);
  });

  it("converts with the scenario's rates and says so", () => {
    const fx = { base: 'USD' as const, rates: { CNY: 7.1, EUR: 0.92 }, asOf: '2026-11-01' };
    // 123 / 7.1 = 17.3239...
    const c = convert(123, 'CNY', 'USD', fx);
    expect(c.amount).toBeCloseTo(17.323943, 5);
    expect(c.note).toBe('CNY 123.00 → USD 17.32 at 7.1 CNY/USD (fx 2026-11-01)');
    // cross rate through the base: 100 EUR = 100 / 0.92 USD = 108.6957 USD = 771.74 CNY
    expect(convert(100, 'EUR', 'CNY', fx).amount).toBeCloseTo((100 / 0.92) * 7.1, 9);
    expect(convert(0.9, 'CNY', 'USD', fx, '/kWh').note).toBe(
      'CNY 0.90/kWh → USD 0.126761/kWh at 7.1 CNY/USD (fx 2026-11-01)',
    );
    expect(convert(5, 'USD', 'USD', fx)).toEqual({ amount: 5, currency: 'USD', note: null });
    expect(() => convert(5, 'GBP', 'USD', fx)).toThrow(/assumptions\.fx\.GBP/);
  });
});
