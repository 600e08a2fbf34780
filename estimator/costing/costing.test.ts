import { describe, expect, it } from 'vitest';
import {
  breakEven,
  cashflow,
  costCloud,
  costOwned,
  cumulative,
  npv,
  sizeFabric,
  spotHours,
  type Finance,
} from './index';
import type { CostLine, OptionCost } from './types';

/**
 * Hand-checked cases. Every expected number below is worked out in the comment above it, from the
 * inputs in `fin` and the case, so a reader can check the costing with a pencil.
 */

const fin: Finance = {
  currency: 'USD',
  horizonMonths: 36,
  runsPerMonth: 4, // 144 runs over 36 months
  hoursPerMonth: 730,
  electricity: { amount: 0.1, source: 'test tariff' },
  pue: 1.5,
  supportRatePerYear: 0.1,
  depreciationYears: 4,
  residualValueRate: 0.1,
  utilizationOwned: 0.5,
  idlePowerFraction: 0,
  discountRatePerYear: 0.08,
  spotOverhead: 0.1,
  spot: { interruptionsPerHour: 0.02, checkpointIntervalMinutes: 30, checkpointSaveMinutes: 1, restartMinutes: 9 },
  reservedPayment: 'monthly',
  staffCostPerMonth: null,
  taxRate: 0.05,
  shippingRate: 0.01,
  installPerNode: { amount: 500, source: 'test' },
  rackPrice: { amount: 1500, source: 'test' },
  rackUnits: 42,
  rackKW: 25,
  colocationPerKWMonth: null,
};

const byId = (cost: OptionCost, id: string): CostLine => {
  const l = cost.lines.find((x) => x.id === id);
  if (!l) throw new Error(`no line ${id}: ${cost.lines.map((x) => x.id).join(', ')}`);
  return l;
};
const cents = (cost: OptionCost, id: string) => byId(cost, id).amountMinor;

describe('owned server (hand-checked)', () => {
  // One 8-GPU server, USD 200,000, 10,200 W nameplate, 8U. A run takes 10 h at 8 kW mean (80 kWh IT).
  const cost = costOwned(
    {
      label: 'HGX test server',
      nodes: 1,
      server: { amount: 200_000, source: 'test quote' },
      gpusPerNode: 8,
      nameplateWattsPerNode: 10_200,
      rackUnitsPerNode: 8,
    },
    { hoursPerRun: 10, itKW: 8, itKWhPerRun: 80, concurrentRuns: 1, nodesPerRun: 1 },
    fin,
  );

  it('adds up the capex lines', () => {
    // servers   1 × 200,000.00                                         = 200,000.00
    expect(cents(cost, 'servers')).toBe(20_000_000);
    expect(byId(cost, 'servers').formula).toBe('1 × 200,000.00 USD');
    // racks     max(1, ⌈8 U / 42 U⌉ = 1, ⌈10.2 kW / 25 kW⌉ = 1) = 1 × 1,500.00 = 1,500.00
    expect(cents(cost, 'racks')).toBe(150_000);
    // install   1 node × 500.00                                        = 500.00
    expect(cents(cost, 'install')).toBe(50_000);
    // shipping  1% × 200,000.00                                        = 2,000.00
    expect(cents(cost, 'shipping')).toBe(200_000);
    // tax       5% × (200,000 + 1,500 + 2,000) = 5% × 203,500.00       = 10,175.00
    expect(cents(cost, 'tax')).toBe(1_017_500);
    // capex     200,000 + 1,500 + 500 + 2,000 + 10,175                 = 214,175.00
    expect(cost.capex.amountMinor).toBe(21_417_500);
  });

  it('adds up the opex lines and the residual value', () => {
    // energy    144 runs × 80 kWh × PUE 1.5 × 0.10 USD/kWh            = 1,728.00
    expect(cents(cost, 'energy')).toBe(172_800);
    // support   200,000.00 × 10%/year × 3 years                        = 60,000.00
    expect(cents(cost, 'support')).toBe(6_000_000);
    expect(cost.opex.amountMinor).toBe(6_172_800);
    // depreciation (200,000 − 10% salvage 20,000) / 4 years            = 45,000.00 a year (information only)
    expect(cents(cost, 'depreciation')).toBe(4_500_000);
    // residual  book value after 3 years: 200,000 − 3 × 45,000         = 65,000.00, comes back at month 36
    expect(cents(cost, 'residual')).toBe(-6_500_000);
    expect(cost.residual.amountMinor).toBe(6_500_000);
    // total     214,175.00 + 61,728.00 − 65,000.00                      = 210,903.00
    expect(cost.total.amountMinor).toBe(21_090_300);
    expect(cost.totalHours).toBe(1440);
  });

  it('lays the money out by month: capex at 0, opex monthly, residual at the end', () => {
    const flow = cost.cashflowMinor;
    expect(flow).toHaveLength(37);
    expect(flow[0]).toBe(21_417_500);
    // 6,172,800 cents / 36 = 171,466.67: 24 months of 171,467 and 12 of 171,466 (sums exactly).
    expect(flow[1]).toBe(171_467);
    expect(flow[35]).toBe(171_466);
    expect(flow[36]).toBe(171_466 - 6_500_000);
    expect(flow.reduce((a, b) => a + b, 0)).toBe(cost.total.amountMinor);
  });

  it('checks the schedule against utilizationOwned', () => {
    // needs 4 runs × 10 h = 40 h a month; 730 h × 0.5 = 365 h available
    expect(cost.feasible).toBe(true);
    expect(cost.utilization).toBeCloseTo(40 / 730, 12);
    // 40 runs a month × 10 h = 400 h > 365 h: it can do 365 / 10 = 36.5 runs a month
    const busy = costOwned(
      {
        label: 's',
        nodes: 1,
        server: { amount: 1, source: 't' },
        gpusPerNode: 8,
        nameplateWattsPerNode: null,
        rackUnitsPerNode: null,
      },
      { hoursPerRun: 10, itKW: 8, itKWhPerRun: 80, concurrentRuns: 1, nodesPerRun: 1 },
      { ...fin, runsPerMonth: 40 },
    );
    expect(busy.feasible).toBe(false);
    expect(busy.notes.join(' ')).toMatch(/about 36\.5 runs a month/);
  });
});

describe('cluster (hand-checked)', () => {
  // 4 nodes × 8 GPUs at USD 100,000, 6,500 W and 6U each; InfiniBand from a 40-port switch at 20,000,
  // 8 ports per node (one per GPU), adapters 1,000 per port, cables 200 each. A run: 20 h, 20 kW, 400 kWh.
  const cost = costOwned(
    {
      label: 'A100 node',
      nodes: 4,
      server: { amount: 100_000, source: 'test quote' },
      gpusPerNode: 8,
      nameplateWattsPerNode: 6_500,
      rackUnitsPerNode: 6,
      fabric: {
        name: 'HDR test fabric',
        interconnect: 'infiniband-hdr',
        portsPerNode: 8,
        switch: { ports: 40, price: { amount: 20_000, source: 'test' } },
        nicPrice: { amount: 1_000, source: 'test' },
        cablePrice: { amount: 200, source: 'test' },
      },
    },
    { hoursPerRun: 20, itKW: 20, itKWhPerRun: 400, concurrentRuns: 1, nodesPerRun: 4 },
    fin,
  );

  it('sizes the fabric from node count', () => {
    // 4 nodes × 8 ports = 32 ≤ 40: one switch, 32 adapters, 32 cables
    expect(cents(cost, 'network-switches')).toBe(2_000_000); // 1 × 20,000.00
    expect(cents(cost, 'network-nics')).toBe(3_200_000); // 32 × 1,000.00
    expect(cents(cost, 'network-cables')).toBe(640_000); // 32 × 200.00
    // 16 nodes × 8 = 128 ports > 40: leaves ⌈128 / 20⌉ = 7, spines ⌈7 × 20 / 40⌉ = 4, cables 128 + 7 × 20 = 268
    expect(sizeFabric(16, 8, 40)).toEqual({
      endpoints: 128,
      tiers: 2,
      leaves: 7,
      spines: 4,
      cores: 0,
      switches: 11,
      cables: 268,
    });
    expect(sizeFabric(1, 8, 40).switches).toBe(0);
  });

  it('adds up capex, opex, residual and total', () => {
    // servers  4 × 100,000.00 = 400,000.00; equipment = 400,000 + 20,000 + 32,000 + 6,400 = 458,400.00
    expect(cents(cost, 'servers')).toBe(40_000_000);
    // racks    max(⌈(4 × 6 U + 1 U switch) / 42⌉ = 1, ⌈26 kW / 25 kW⌉ = 2) = 2 × 1,500.00 = 3,000.00
    expect(cents(cost, 'racks')).toBe(300_000);
    // install  4 × 500.00 = 2,000.00;  shipping 1% × 458,400.00 = 4,584.00
    expect(cents(cost, 'install')).toBe(200_000);
    expect(cents(cost, 'shipping')).toBe(458_400);
    // tax      5% × (458,400 + 3,000 + 4,584) = 5% × 465,984.00 = 23,299.20
    expect(cents(cost, 'tax')).toBe(2_329_920);
    // capex    458,400 + 3,000 + 2,000 + 4,584 + 23,299.20 = 491,283.20
    expect(cost.capex.amountMinor).toBe(49_128_320);
    // energy   144 × 400 kWh × 1.5 × 0.10 = 8,640.00;  support 458,400 × 10% × 3 = 137,520.00
    expect(cents(cost, 'energy')).toBe(864_000);
    expect(cents(cost, 'support')).toBe(13_752_000);
    expect(cost.opex.amountMinor).toBe(14_616_000);
    // residual (458,400 − 45,840) / 4 = 103,140.00 a year; book after 3 years 458,400 − 309,420 = 148,980.00
    expect(cost.residual.amountMinor).toBe(14_898_000);
    // total    491,283.20 + 146,160.00 − 148,980.00 = 488,463.20
    expect(cost.total.amountMinor).toBe(48_846_320);
  });

  it('prices a fabric per node when the network row gives pricePerNode', () => {
    const perNode = costOwned(
      {
        label: 'n',
        nodes: 4,
        server: { amount: 100_000, source: 't' },
        gpusPerNode: 8,
        nameplateWattsPerNode: 6_500,
        rackUnitsPerNode: 6,
        fabric: {
          name: 'IB',
          interconnect: 'infiniband-hdr',
          portsPerNode: 8,
          pricePerNode: { amount: 9_000, source: 'quote' },
        },
      },
      { hoursPerRun: 20, itKW: 20, itKWhPerRun: 400, concurrentRuns: 1, nodesPerRun: 4 },
      fin,
    );
    // 4 nodes × 9,000.00 per node = 36,000.00
    expect(cents(perNode, 'network')).toBe(3_600_000);
    expect(byId(perNode, 'network').formula).toBe('4 nodes × 9,000.00 USD per node');
  });
});

describe('cloud spot (hand-checked)', () => {
  // 1 instance at 10.00 USD/h spot; a run takes 10 h. Interruptions 0.02 per instance-hour, checkpoint
  // every 30 min taking 1 min, restart 9 min, spotOverhead 10%.
  const cost = costCloud(
    { label: '8x A100', pricing: 'spot', price: { amount: 10, source: 'quote' }, onDemand: null, instances: 1 },
    { hoursPerRun: 10, itKW: 6, itKWhPerRun: 60 },
    fin,
  );

  it('models checkpoints and interruptions', () => {
    // saves:         10 h × (1 + 1/30)                         = 10.3333 h
    // lost share:    0.02/h × 1 × (15 min + 9 min = 0.4 h)      = 0.008
    // wall:          10.3333 / (1 − 0.008)                     = 10.41667 h (= 125/12)
    // overhead:      125/12 × 10%                              = 1.041667 h
    // billed:        125/12 × 1.1                              = 11.458333 h per run
    const sh = spotHours(10, 1, fin);
    expect(sh.checkpointSaves).toBeCloseTo(1 / 3, 12);
    expect(sh.interruptions).toBeCloseTo(1 / 12, 12);
    expect(sh.total).toBeCloseTo(137.5 / 12, 12);
    expect(cost.hoursPerRun).toBeCloseTo(137.5 / 12, 12);
    // Young's optimum √(2 × 1 min × 3,000 min between interruptions) = 77.5 min: 30 min is under half of it.
    expect(sh.youngOptimumMinutes).toBeCloseTo(Math.sqrt(6000), 9);
    expect(cost.notes.join(' ')).toMatch(/about every 77 min/);
  });

  it('prices each part on its own line', () => {
    // training       144 runs × 10 h × 1 × 10.00               = 14,400.00
    expect(cents(cost, 'cloud-hours')).toBe(1_440_000);
    // checkpoints    144 × 1/3 h × 10.00                       =    480.00
    expect(cents(cost, 'spot-checkpoints')).toBe(48_000);
    // interruptions  144 × 1/12 h × 10.00                      =    120.00
    expect(cents(cost, 'spot-interruptions')).toBe(12_000);
    // overhead       144 × 1.041667 h × 10.00                  =  1,500.00
    expect(cents(cost, 'spot-overhead')).toBe(150_000);
    // total          144 × 11.458333 h × 10.00                 = 16,500.00
    expect(cost.total.amountMinor).toBe(1_650_000);
    expect(cost.capex.amountMinor).toBe(0);
  });

  it("keeps a v1 file's single spotOverhead when interruptions are off", () => {
    const v1 = costCloud(
      { label: 'x', pricing: 'spot', price: { amount: 10, source: 'q' }, onDemand: null, instances: 1 },
      { hoursPerRun: 10, itKW: 6, itKWhPerRun: 60 },
      {
        ...fin,
        spotOverhead: 0.15,
        spot: { interruptionsPerHour: 0, checkpointIntervalMinutes: 30, checkpointSaveMinutes: 0, restartMinutes: 0 },
      },
    );
    // 144 × 10 h × 1.15 × 10.00 = 16,560.00
    expect(v1.total.amountMinor).toBe(1_656_000);
  });

  it('says when interruptions outrun the checkpoints', () => {
    // 2 interruptions an hour × (15 + 9 min) = 0.8 h lost per hour... × 2 instances = 1.6 ≥ 1: never finishes
    const hopeless = costCloud(
      { label: 'x', pricing: 'spot', price: { amount: 10, source: 'q' }, onDemand: null, instances: 2 },
      { hoursPerRun: 10, itKW: 6, itKWhPerRun: 60 },
      { ...fin, spot: { ...fin.spot, interruptionsPerHour: 2 } },
    );
    expect(hopeless.feasible).toBe(false);
    expect(hopeless.notes[0]).toMatch(/checkpoint more often/);
  });
});

describe('cloud reserved (hand-checked)', () => {
  // reserved-1y at 13.92 USD/h, on-demand 21.96 USD/h; an 18-month horizon; 4 runs a month of 10 h.
  const f18 = { ...fin, horizonMonths: 18 };
  const offer = {
    label: 'p4d',
    pricing: 'reserved-1y' as const,
    price: { amount: 13.92, source: 'AWS' },
    onDemand: { amount: 21.96, source: 'AWS' },
    instances: 1,
  };
  const run = { hoursPerRun: 10, itKW: 6, itKWhPerRun: 60 };

  it('pays the whole commitment, used or not', () => {
    const cost = costCloud(offer, run, f18);
    // terms ⌈18 / 12⌉ = 2 → 24 months paid: 1 × 2 × 12 × 730 h = 17,520 h × 13.92 = 243,878.40
    expect(cents(cost, 'reserved-commitment')).toBe(24_387_840);
    expect(cost.total.amountMinor).toBe(24_387_840);
    // used 4 × 10 = 40 h a month × 18 = 720 of 17,520 h = 4.1%
    expect(cost.utilization).toBeCloseTo(720 / 17_520, 12);
    expect(cost.notes.join(' ')).toMatch(/6 months past the 18-month horizon/);
    // on-demand would have cost 72 runs × 10 h × 21.96 = 15,811.20
    const od = costCloud({ ...offer, pricing: 'on-demand', price: offer.onDemand }, run, f18);
    expect(od.total.amountMinor).toBe(1_581_120);
    // the months after the horizon are still owed: the cash flow sums to the commitment
    expect(cost.cashflowMinor.reduce((a, b) => a + b, 0)).toBe(24_387_840);
  });

  it('sends work beyond the commitment to on-demand', () => {
    // runs use 2 instances, 1 reserved: 4 × 10 h × 1 = 40 instance-h on the reservation, 40 more on-demand
    const cost = costCloud({ ...offer, instances: 2, reservedInstances: 1 }, run, f18);
    // overflow 40 instance-h × 18 months × 21.96 = 15,811.20
    expect(cents(cost, 'reserved-overflow')).toBe(1_581_120);
    expect(cost.total.amountMinor).toBe(24_387_840 + 1_581_120);
  });

  it('pays upfront at the start of each term', () => {
    const cost = costCloud({ ...offer, payment: 'upfront' }, run, f18);
    // two terms of 8,760 h × 13.92 = 121,939.20 at months 0 and 12
    expect(cost.cashflowMinor[0]).toBe(12_193_920);
    expect(cost.cashflowMinor[12]).toBe(12_193_920);
  });
});

describe('break-even and NPV (hand-checked)', () => {
  // Owned: 10,000.00 at month 0, 100.00 a month, 1,000.00 back at the end. Cloud: 1,000.00 a month.
  const ownedFlow = (h: number) => {
    const f = [1_000_000, ...new Array<number>(h).fill(10_000)];
    f[h] = (f[h] ?? 0) - 100_000;
    return f;
  };
  const cloudFlow = (h: number) => [0, ...new Array<number>(h).fill(100_000)];

  it('finds the first month the owned total is no more than the cloud one', () => {
    // 10,000 + 100 m ≤ 1,000 m  ⇔  m ≥ 11.1 → month 12 (owned 10,200 after the residual, cloud 12,000)
    expect(breakEven(ownedFlow(12), cloudFlow(12))).toEqual({ month: 12, beyondHorizonMonth: null });
    // with an 11-month horizon the residual comes back at month 11: 11,100 − 1,000 = 10,100 ≤ 11,000 → month 11
    expect(breakEven(ownedFlow(11), cloudFlow(11))).toEqual({ month: 11, beyondHorizonMonth: null });
    // a 6-month horizon never gets there; at 900 a month saved it would at month 5 + ⌈5,500 / 900⌉ = 12
    expect(breakEven(ownedFlow(6), cloudFlow(6))).toEqual({ month: null, beyondHorizonMonth: 12 });
  });

  it('builds cash flows from the lines, and discounts them', () => {
    const flow = cashflow(
      [
        {
          id: 'a',
          label: '',
          kind: 'capex',
          amountMinor: 100_000,
          currency: 'USD',
          formula: '',
          inputs: {},
          source: '',
          paidAt: 'start',
        },
        {
          id: 'b',
          label: '',
          kind: 'opex',
          amountMinor: 100_000,
          currency: 'USD',
          formula: '',
          inputs: {},
          source: '',
          paidAt: { months: [12] },
        },
      ],
      12,
    );
    expect(cumulative(flow)[12]).toBe(200_000);
    // 1,000.00 now + 1,000.00 in 12 months at 8%: 1,000 + 1,000 / 1.08 = 1,925.93
    expect(npv(flow, 0.08)).toBe(192_593);
  });
});
