import { describe, expect, it } from 'vitest';
import { loadShippedGpus } from '../../catalog/index';
import type { Currency } from '../../catalog/schema/common';
import { loadShippedModels } from '../../catalog/models';
import { formatIssue, parseScenario, ScenarioError, type ScenarioInput } from '../scenario/index';
import type { EstimateInput } from '../training/types';
import { fakeEstimator } from './__fixtures__/fake-estimator';
import {
  compare,
  coolingBTUh,
  coolingTons,
  sensitivity,
  suggest,
  type CompareCatalog,
  type ComparisonRow,
} from './index';

/**
 * compare() with a stand-in estimator whose numbers are round: 8 GPUs train the run's 2.88e9 tokens
 * in exactly 10 h (10,000 tokens/s per GPU) drawing 8 kW (80 kWh per run). The costing is then the
 * hand-checked arithmetic of costing.test.ts, and each expectation says how it follows.
 */

const catalog: CompareCatalog = {
  gpus: loadShippedGpus(),
  models: loadShippedModels(),
  systems: [],
  offers: [],
  networks: [],
};
const fake = () => fakeEstimator({ needGiB: 400, tokensPerSecondPerGpu: 10_000, nodeWatts: 8_000 });

const price = (amount: number, currency: Currency = 'USD') => ({
  amount,
  currency,
  asOf: '2026-10-01',
  source: 'test quote',
});
const server = (amount: number) => ({
  name: '8x H100 test server',
  gpu: 'h100-sxm5-80gb',
  gpusPerNode: 8,
  price: price(amount),
  powerWatts: 10_200,
  rackUnits: 8,
});
const offer = (prices: Record<string, unknown>) => ({
  provider: 'test-cloud',
  name: '8x H100',
  gpu: 'h100-sxm5-80gb',
  gpusPerInstance: 8,
  prices,
});

function scenario(options: unknown[], extra: Record<string, unknown> = {}) {
  const raw = {
    format: 'gpu-planner.scenario',
    version: 2,
    name: 'hand-checked',
    currency: 'USD',
    workload: {
      training: { model: 'deepseek-llm-7b-base', method: 'full', precision: 'bf16-mixed', seqLen: 4096, microBatch: 1 },
      trainingTokens: 2.88e9,
      runsPerMonth: 4,
      horizonMonths: 36,
    },
    assumptions: {
      electricity: { amount: 0.1, currency: 'USD', per: 'kWh' },
      pue: 1.5,
      supportRatePerYear: 0.1,
      depreciationYears: 4,
      residualValueRate: 0.1,
      utilizationOwned: 0.5,
      spotOverhead: 0.1,
      fx: { CNY: 7.1, asOf: '2026-11-01' },
      discountRatePerYear: 0.08,
      spot: { interruptionsPerHour: 0.02, checkpointIntervalMinutes: 30, checkpointSaveMinutes: 1, restartMinutes: 9 },
      capex: {
        taxRate: 0.05,
        shippingRate: 0.01,
        installPerNode: { amount: 500, currency: 'USD' },
        rackPrice: { amount: 1500, currency: 'USD' },
      },
    },
    options,
    ...extra,
  };
  return parseScenario(raw as ScenarioInput);
}

const row = (rows: readonly ComparisonRow[], id: string): ComparisonRow => {
  const r = rows.find((x) => x.optionId === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

describe('compare: an owned server, cloud on-demand in CNY, cloud spot, and one that does not fit', () => {
  const s = scenario([
    { id: 'own', kind: 'owned', system: server(200_000) },
    {
      id: 'cloud-od',
      kind: 'cloud',
      pricing: 'on-demand',
      offer: offer({ 'on-demand': { ...price(710, 'CNY'), per: 'hour' } }),
    },
    { id: 'cloud-spot', kind: 'cloud', pricing: 'spot', offer: offer({ spot: { ...price(10), per: 'hour' } }) },
    {
      id: 'ws-4090',
      kind: 'owned',
      racks: 0,
      system: { name: '2x 4090', gpu: 'rtx-4090-24gb', gpusPerNode: 2, price: price(6_500), powerWatts: 1_300 },
    },
  ]);
  const calls: EstimateInput[] = [];
  const c = compare(s, catalog, {
    estimate: fakeEstimator({ needGiB: 400, tokensPerSecondPerGpu: 10_000, nodeWatts: 8_000 }, calls),
  });

  it('ranks by total cost, what does not fit last', () => {
    expect(c.rows.map((r) => r.optionId)).toEqual(['cloud-spot', 'cloud-od', 'own', 'ws-4090']);
    expect(c.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(c.cheapestOptionId).toBe('cloud-spot');
    expect(c.cheapestCloudOptionId).toBe('cloud-spot');
  });

  it('picks the fastest layout that fits', () => {
    // 400 GiB of states: no layout without ZeRO-3 or tp 8 fits in 80 GiB; ZeRO-3 over 8 GPUs
    // (50 + 1 GiB) runs at full speed, tp 8 (also 51 GiB) 30% slower: ZeRO-3 wins.
    const own = row(c.rows, 'own');
    expect(own.layout).toMatchObject({ tp: 1, pp: 1, dp: 8, zero: 3, offload: 'none', how: 'swept' });
    // 2.88e9 tokens / (8 × 10,000 tokens/s) = 36,000 s = 10 h
    expect(own.hoursPerRun).toBe(10);
  });

  it('costs the owned server as costing.test.ts does by hand', () => {
    const own = row(c.rows, 'own');
    // capex 214,175.00; opex 61,728.00; residual 65,000.00; total 210,903.00 (see costing.test.ts)
    expect(own.capex).toBe(214_175);
    expect(own.opexTotal).toBe(61_728);
    expect(own.residualValue).toBe(65_000);
    expect(own.totalCost).toBe(210_903);
    // 210,903.00 / 144 runs = 1,464.60
    expect(own.costPerRun).toBe(1_464.6);
    // 144 runs × 10 h = 1,440 h; 144 × 80 kWh = 11,520 kWh IT, × PUE 1.5 = 17,280 kWh
    expect(own.totalHours).toBe(1_440);
    expect(own.energyKWh).toBe(11_520);
    expect(own.facilityEnergyKWh).toBe(17_280);
    // 8 kW × 3,412.142 BTU/h per kW = 27,297 BTU/h = 2.27 tons
    expect(own.powerKW).toBe(8);
    expect(own.coolingBTUh).toBe(27_297);
    expect(own.coolingTons).toBe(2.27);
    expect(own.nameplateKW).toBe(10.2);
  });

  it('converts the CNY price visibly and costs it', () => {
    // CNY 710/h ÷ 7.1 CNY per USD = USD 100/h; 144 runs × 10 h × 100 = 144,000.00
    const od = row(c.rows, 'cloud-od');
    expect(od.totalCost).toBe(144_000);
    expect(c.fx).toEqual(['CNY 710.00/h → USD 100.00/h at 7.1 CNY/USD (fx 2026-11-01)']);
    expect(od.lines[0]!.source).toContain('CNY 710.00/h → USD 100.00/h');
  });

  it('costs spot with its checkpoints, interruptions and overhead', () => {
    // 144 runs × 11.458333 h × 10.00 USD/h = 16,500.00 (costing.test.ts, cloud spot)
    const spot = row(c.rows, 'cloud-spot');
    expect(spot.totalCost).toBe(16_500);
    expect(spot.hoursPerRun).toBeCloseTo(11.4583, 4);
    // energy follows the billed hours: 11,520 kWh × 11.458333 / 10 = 13,200 kWh
    expect(spot.energyKWh).toBe(13_200);
    expect(spot.capex).toBe(0);
    expect(spot.breakEvenMonths).toBeNull();
  });

  it('says why an option does not fit', () => {
    const ws = row(c.rows, 'ws-4090');
    expect(ws.fits).toBe(false);
    expect(ws.totalCost).toBeNull();
    // the closest (first of the least): ZeRO-3 over 2 GPUs, optimizer offloaded: 400 / 2 / 2 + 1 = 101 GiB of 24
    expect(ws.notes[0]).toBe(
      'does not fit: needs 101.0 GiB per GPU even with 2 GPUs · tp 1 · pp 1 · dp 2 · ZeRO-3 · offload optimizer · microBatch 1 × gradAccum 1, and the GPU rtx-4090-24gb has 24 GiB; more GPUs than 2, QLoRA or a shorter sequence would be needed',
    );
  });

  it('measures break-even against the cheapest cloud option', () => {
    // spot costs 458.33 a month, the server 1,714.67 a month to run: never
    const own = row(c.rows, 'own');
    expect(own.breakEvenAgainst).toBe('cloud-spot');
    expect(own.breakEvenMonths).toBeNull();
    expect(own.notes.join(' ')).toMatch(/never breaks even with cloud-spot/);
  });

  it('estimates each distinct layout once', () => {
    const keys = calls.map((i) => JSON.stringify(i));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('compare: break-even month by hand', () => {
  // A USD 60,000 server against on-demand at CNY 710/h (= USD 100/h), 4 runs of 10 h a month.
  //   capex   60,000 + rack 1,500 + install 500 + shipping 600 + tax 5% × 62,100 = 3,105  → 65,705.00
  //   opex    energy 1,728.00 + support 60,000 × 10% × 3 = 18,000.00 → 19,728.00 = 548.00 a month
  //   cloud   4 × 10 h × 100.00 = 4,000.00 a month
  //   month m: 65,705 + 548 m ≤ 4,000 m  ⇔  m ≥ 19.03 → month 20
  //            (m = 19: 76,117 > 76,000;  m = 20: 76,665 ≤ 80,000)
  const s = scenario([
    { id: 'own', kind: 'owned', system: server(60_000) },
    {
      id: 'cloud-od',
      kind: 'cloud',
      pricing: 'on-demand',
      offer: offer({ 'on-demand': { ...price(710, 'CNY'), per: 'hour' } }),
    },
  ]);
  const c = compare(s, catalog, { estimate: fake() });
  const own = row(c.rows, 'own');

  it('agrees with the hand computation', () => {
    expect(own.capex).toBe(65_705);
    expect(own.opexTotal).toBe(19_728);
    expect(own.breakEvenMonths).toBe(20);
    expect(own.breakEvenAgainst).toBe('cloud-od');
    expect(own.breakEvenVs).toEqual({ 'cloud-od': 20 });
    expect(own.cumulativeCost![19]).toBe(76_117);
    expect(row(c.rows, 'cloud-od').cumulativeCost![19]).toBe(76_000);
    // residual: (60,000 − 6,000) / 4 = 13,500 a year; book value after 3 years 19,500.00
    // total 65,705 + 19,728 − 19,500 = 65,933.00
    expect(own.totalCost).toBe(65_933);
    expect(own.cumulativeCost![36]).toBe(65_933);
    expect(c.rows[0]!.optionId).toBe('own');
  });
});

describe('compare: what the scenario fixes, and what it gets wrong', () => {
  it("uses the scenario's layout instead of sweeping", () => {
    const s = scenario([{ id: 'own', kind: 'owned', system: server(60_000), parallel: { tp: 8, sp: true } }]);
    const own = compare(s, catalog, { estimate: fake() }).rows[0]!;
    expect(own.layout).toMatchObject({ tp: 8, zero: 0, how: 'given', tried: 1 });
    // tp 8 runs at 1 − 0.1 × 3 = 70% speed: 10 h / 0.7 = 14.29 h
    expect(own.hoursPerRun).toBeCloseTo(100 / 7, 4);
  });

  it('flags an owned option that cannot keep up, and a missed deadline', () => {
    // 40 runs × 10 h = 400 h a month > 730 × 0.5 = 365 h
    const s = scenario([{ id: 'own', kind: 'owned', system: server(60_000) }], {});
    const busy = { ...s, workload: { ...s.workload, runsPerMonth: 40, deadlineHours: 8 } };
    const own = compare(busy, catalog, { estimate: fake() }).rows[0]!;
    expect(own.meetsSchedule).toBe(false);
    expect(own.meetsDeadline).toBe(false);
    expect(own.feasible).toBe(false);
    expect(own.notes.join(' ')).toMatch(/cannot keep up.*about 36\.5 runs a month/);
    expect(own.notes.join(' ')).toMatch(/misses the deadline: a run takes 10\.0 h, the workload allows 8\.0 h/);
  });

  it('names the field of a missing catalog id, fx rate or price', () => {
    const s = scenario([
      { id: 'a', kind: 'owned', system: 'no-such-server' },
      { id: 'b', kind: 'cloud', pricing: 'spot', offer: offer({ 'on-demand': { ...price(10), per: 'hour' } }) },
      {
        id: 'c',
        kind: 'cloud',
        pricing: 'on-demand',
        offer: offer({ 'on-demand': { ...price(10, 'GBP'), per: 'hour' } }),
      },
    ]);
    let error: unknown;
    try {
      compare(s, catalog, { estimate: fake() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues.map(formatIssue)).toEqual([
      'options[0].system: "no-such-server" is not a system in the catalog (the catalog has none yet: give it inline)',
      'options[1].offer.prices.spot: is required for pricing "spot" (the offer gives on-demand)',
      'assumptions.fx.GBP: is required: options[2].offer.prices.on-demand is in GBP and the scenario counts in USD (give how many GBP one USD buys)',
    ]);
  });

  it('computes cooling from power with the catalog-facts constants', () => {
    expect(coolingBTUh(1)).toBeCloseTo(3_412.142, 9);
    expect(coolingTons(3.517)).toBeCloseTo(1, 3);
  });
});

describe('suggest', () => {
  const row0 = { source: 'test row', asOf: '2026-10-01' };
  const hourly = (amount: number) => ({ ...price(amount), per: 'hour' as const });
  const withRows: CompareCatalog = {
    ...catalog,
    systems: [
      {
        id: 'test-hgx-h100',
        ...server(250_000),
        ...row0,
        vendor: 'test',
        condition: 'new',
        form: 'rackmount',
        cooling: 'air',
      },
    ],
    networks: [
      {
        id: 'test-ib',
        name: 'IB',
        layer: 'scale-out',
        interconnect: 'infiniband-ndr',
        portGbps: 400,
        portsPerNode: 8,
        pricePerNode: price(20_000),
        ...row0,
      },
      { id: 'test-nvlink', name: 'NVLink switch', layer: 'scale-up', portGbps: 900, portsPerNode: 8, ...row0 },
    ],
    offers: [
      {
        id: 'test-p5',
        provider: 'test-cloud',
        name: '8x H100',
        region: 'test',
        gpu: 'h100-sxm5-80gb',
        gpusPerInstance: 8,
        interconnect: 'efa-3200g',
        prices: { 'on-demand': hourly(55), spot: hourly(25) },
        ...row0,
      },
    ],
  };
  const s = scenario([
    {
      id: 'cloud-test-p5-spot-1',
      kind: 'cloud',
      pricing: 'spot',
      offer: offer({ spot: { ...price(10), per: 'hour' } }),
    },
  ]);

  it('sweeps the catalog, reports progress, and returns the best few options, ready to add', async () => {
    const progress: number[] = [];
    const out = await suggest(
      s,
      withRows,
      { estimate: fake() },
      { onProgress: (p) => progress.push(p.done), limit: 3, maxNodes: 4 },
    );
    // candidates: 1 owned + clusters of 2 and 4 nodes + offer × {on-demand, spot} × {1, 2, 4} = 9
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(9);
    expect(out.length).toBeLessThanOrEqual(3);
    expect(out.map((x) => x.row.kind)).toEqual(expect.arrayContaining(['owned', 'cluster', 'cloud']));
    // totals ascend, ids are unique in the scenario and the options validate as scenario options
    const totals = out.map((x) => x.row.totalCost ?? 0);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(out.map((x) => x.option.id)).not.toContain('cloud-test-p5-spot-1');
    const grown = parseScenario(
      JSON.parse(JSON.stringify({ ...s, options: [...s.options, ...out.map((x) => x.option)] })),
    );
    expect(grown.options).toHaveLength(1 + out.length);
    const again = compare(grown, withRows, { estimate: fake() });
    for (const x of out) expect(row(again.rows, x.option.id).totalCost).toBe(x.row.totalCost);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const run = suggest(
      s,
      withRows,
      { estimate: fake() },
      {
        yieldEvery: 1,
        onProgress: (p) => {
          if (p.done === 2) controller.abort();
        },
        signal: controller.signal,
      },
    );
    await expect(run).rejects.toThrow(/abort/i);
  });
});

describe('compare: the site plan hook and other currencies', () => {
  it('copies the facility plan onto owned rows and costs its capex instead of racks', () => {
    const s = scenario(
      [
        { id: 'own', kind: 'owned', system: server(60_000) },
        {
          id: 'cloud-od',
          kind: 'cloud',
          pricing: 'on-demand',
          offer: offer({ 'on-demand': { ...price(100), per: 'hour' } }),
        },
      ],
      {},
    );
    const sited = {
      ...s,
      assumptions: {
        ...s.assumptions,
        site: { kind: 'own-room' as const, powerKW: 5, coolingKW: 5, cooling: 'air' as const },
      },
    };
    const requests: string[] = [];
    const c = compare(sited, catalog, {
      estimate: fake(),
      planFacility: (req) => {
        requests.push(`${req.optionId}:${req.nodes}x${req.nameplateWattsPerNode}W`);
        return {
          racks: 1,
          rackKWMax: 10.2,
          coolingRequired: 'air',
          fitsSite: false,
          facilityCapex: req.convert(12_000, 'USD'),
          notes: ['needs 10.2 kW, the site has 5 kW: 5.2 kW short'],
        };
      },
    });
    expect(requests).toEqual(['own:1x10200W']);
    const own = row(c.rows, 'own');
    expect(own).toMatchObject({
      racks: 1,
      rackKWMax: 10.2,
      coolingRequired: 'air',
      fitsSite: false,
      facilityCapex: 12_000,
    });
    expect(own.lines.map((l) => l.id)).toContain('facility');
    expect(own.lines.map((l) => l.id)).not.toContain('racks');
    // capex: 60,000 + facility 12,000 + install 500 + shipping 600 + tax 5% × (60,000 + 12,000 + 600) = 3,630
    //        → 76,730.00
    expect(own.capex).toBe(76_730);
    expect(own.feasible).toBe(false);
    expect(own.notes).toContain('needs 10.2 kW, the site has 5 kW: 5.2 kW short');
    expect(row(c.rows, 'cloud-od').racks).toBeUndefined();
  });

  it('counts in CNY when the scenario does, converting USD quotes', () => {
    const s = scenario([
      {
        id: 'cloud-od',
        kind: 'cloud',
        pricing: 'on-demand',
        offer: offer({ 'on-demand': { ...price(100), per: 'hour' } }),
      },
    ]);
    const inCny = {
      ...s,
      currency: 'CNY' as const,
      assumptions: { ...s.assumptions, fx: { USD: 1 / 7.1, asOf: '2026-11-01' } },
    };
    const c = compare(inCny, catalog, { estimate: fake() });
    // USD 100/h ÷ (1/7.1 USD per CNY) = CNY 710/h; 144 runs × 10 h × 710 = 1,022,400.00 CNY
    expect(c.currency).toBe('CNY');
    expect(c.rows[0]!.totalCost).toBe(1_022_400);
    expect(c.fx).toContain('USD 100.00/h → CNY 710.00/h at 0.140845 USD/CNY (fx 2026-11-01)');
    expect(c.fx).toContain('USD 0.10/kWh → CNY 0.71/kWh at 0.140845 USD/CNY (fx 2026-11-01)');
  });
});

describe('compare: spot that never finishes', () => {
  it('shows no cost for it and ranks it after what works', () => {
    const s = scenario([
      {
        id: 'spot',
        kind: 'cloud',
        pricing: 'spot',
        instances: 4,
        offer: offer({ spot: { ...price(10), per: 'hour' } }),
      },
      { id: 'od', kind: 'cloud', pricing: 'on-demand', offer: offer({ 'on-demand': { ...price(100), per: 'hour' } }) },
    ]);
    // 2 interruptions an instance-hour × 4 instances × (15 + 9 min) = 3.2 ≥ 1: never finishes
    const stormy = {
      ...s,
      assumptions: { ...s.assumptions, spot: { ...s.assumptions.spot, interruptionsPerHour: 2 } },
    };
    const c = compare(stormy, catalog, { estimate: fake() });
    expect(c.rows.map((r) => r.optionId)).toEqual(['od', 'spot']);
    const spot = row(c.rows, 'spot');
    expect(spot).toMatchObject({ fits: true, feasible: false, totalCost: null, hoursPerRun: null });
    expect(spot.notes.join(' ')).toMatch(/checkpoint more often/);
    expect(c.cheapestCloudOptionId).toBe('od');
  });
});

describe('sensitivity', () => {
  it('re-ranks when an input moves, holding the rest', () => {
    // The break-even case: the USD 60,000 server (65,933.00) beats on-demand (144,000.00).
    const s = scenario([
      { id: 'own', kind: 'owned', system: server(60_000) },
      {
        id: 'cloud-od',
        kind: 'cloud',
        pricing: 'on-demand',
        offer: offer({ 'on-demand': { ...price(100), per: 'hour' } }),
      },
    ]);
    const r = sensitivity(s, catalog, { estimate: fake() }, [0.7, 1.3, 3]);
    expect(r.base.cheapestOptionId).toBe('own');
    const at = (f: string, k: number) => r.points.find((p) => p.factor === f && p.multiplier === k)!;
    // electricity × 1.3: energy 1,728.00 → 2,246.40, total 65,933 + 518.40 = 66,451.40
    expect(at('electricity', 1.3).ranking[0]).toEqual({ optionId: 'own', totalCost: 66_451.4, feasible: true });
    // hardware × 3 = USD 180,000: far above on-demand's 144,000 → the winner changes
    expect(at('hardwarePrice', 3).cheapestOptionId).toBe('cloud-od');
    expect(at('hardwarePrice', 3).winnerChanges).toBe(true);
    expect(at('hardwarePrice', 0.7).winnerChanges).toBe(false);
    expect(r.points).toHaveLength(4 * 3);
  });
});

describe('compare: power above the rating', () => {
  it("caps power and energy at the system's full-load rating", () => {
    // the stand-in draws 8,000 W a server; a server rated 6,000 W cannot: 6 kW, 60 kWh a run
    const s = scenario([{ id: 'own', kind: 'owned', system: { ...server(60_000), powerWatts: 6_000 } }]);
    const own = compare(s, catalog, { estimate: fake() }).rows[0]!;
    expect(own.powerKW).toBe(6);
    expect(own.energyKWh).toBe(144 * 60);
    expect(own.notes.join(' ')).toMatch(/full-load rating \(6,000 W a server\)/);
  });
});
