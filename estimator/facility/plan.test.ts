import { describe, expect, it } from 'vitest';
import { facilityOpexLines, isFacilityError, planFacility, type FacilityInput, type FacilityPlanResult } from './index';

/**
 * Hand-checked site plans. Each expected number is worked out in the comment above it from the
 * inputs, so a reader can check the plan with a pencil. Thresholds (defaults.ts): air sheds up to
 * 30 kW per rack, a rear door up to 50 kW, direct liquid up to 120 kW. A DGX H100 is 8 U and 10.2 kW
 * nameplate (NVIDIA: "up to 10.2 kW"), so 4 of them (32 H100 GPUs) draw 40.8 kW.
 */

const dgxH100 = { name: 'DGX H100', powerWattsEach: 10_200, rackUnitsEach: 8 };

function plan(input: FacilityInput): FacilityPlanResult {
  const r = planFacility(input);
  if (isFacilityError(r)) throw new Error(r.error);
  return r;
}

describe('4 × 10.2 kW servers in 15 kW air-cooled racks', () => {
  const site = { kind: 'own-room', powerKW: 60, coolingKW: 60, rackKW: 15, rackUnits: 42, cooling: 'air' } as const;
  const p = plan({ servers: { ...dgxH100, count: 4 }, site });

  it('takes 4 racks, one server each: the rack kW limit binds, not the U limit', () => {
    // by kW: ⌊15 / 10.2⌋ = 1 server; by U: ⌊42 / 8⌋ = 5 servers → 1 per rack, kW binds
    expect(p.serversPerRackByKW).toBe(1);
    expect(p.serversPerRackByU).toBe(5);
    expect(p.serversPerRack).toBe(1);
    expect(p.binding).toBe('kW');
    // ⌈4 / 1⌉ = 4 racks, each 10.2 kW
    expect(p.racks).toBe(4);
    expect(p.rackKWMax).toBeCloseTo(10.2, 9);
    expect(p.layout.map((r) => r.slots.length)).toEqual([1, 1, 1, 1]);
  });

  it('stays on air cooling: 10.2 kW per rack ≤ 30 kW', () => {
    expect(p.coolingRequired).toBe('air');
    expect(p.airIsEnough).toBe(true);
    expect(p.retrofit).toBeNull();
    expect(p.fitsSite).toBe(true);
  });

  it('names the alternative: one rack of 40.8 kW, which needs liquid at the rack (a rear-door heat exchanger)', () => {
    // by U alone 5 per rack → ⌈4 / 5⌉ = 1 rack of 4 × 10.2 = 40.8 kW; 30 < 40.8 ≤ 50 → rear door
    expect(p.denser).toEqual({
      racks: 1,
      serversPerRack: 5,
      rackKWMax: expect.closeTo(40.8, 9),
      coolingRequired: 'rear-door',
    });
    expect(p.notes).toContain(
      "in fewer racks: 1 rack of up to 40.8 kW would need rear-door heat exchangers and racks rated for 40.8 kW (the site's are 15 kW)",
    );
  });

  it('sizes the PDUs: 10.2 kW is over a 208 V 30 A circuit, so 60 A, one per feed, A+B', () => {
    // 208 V 30 A: √3 × 208 × 30 × 0.8 × 0.95 = 8,214 W < 10.2 kW; 60 A: 16,428 W ≥ 10.2 kW
    expect(p.power.circuit.id).toBe('208v-60a-3ph');
    expect(p.power.circuitsPerFeedMax).toBe(1);
    // 4 racks × 2 feeds × 1 circuit = 8 PDUs
    expect(p.power.pdus).toBe(8);
  });

  it('prices racks and PDUs at the defaults', () => {
    // racks: 4 × 1,200 = 4,800 USD; PDUs: 8 × 1,200 = 9,600 USD; no retrofit; total 14,400 USD
    const byId = Object.fromEntries(p.capexLines.map((l) => [l.id, l.amountMinor]));
    expect(byId).toEqual({ 'facility-racks': 480_000, 'facility-pdus': 960_000 });
    expect(p.facilityCapex).toEqual({ amountMinor: 1_440_000, currency: 'USD' });
    expect(p.capexLines.every((l) => l.kind === 'capex' && l.paidAt === 'start')).toBe(true);
  });
});

describe('the same servers where the site has liquid at the rack', () => {
  it('fits 4 in one rear-door rack of 40.8 kW', () => {
    // limit min(60, 50 for rear doors) = 50 kW: ⌊50 / 10.2⌋ = 4 by kW, 5 by U → 4 per rack → 1 rack of 40.8 kW
    const p = plan({
      servers: { ...dgxH100, count: 4 },
      site: { kind: 'colocation', rackKW: 60, cooling: 'rear-door' },
    });
    expect(p.racks).toBe(1);
    expect(p.rackKWMax).toBeCloseTo(40.8, 9);
    expect(p.coolingRequired).toBe('rear-door');
    expect(p.retrofit).toBeNull();
  });

  it('needs direct liquid for 5 in one rack: 51 kW > 50 kW', () => {
    // liquid site, rackKW 100: ⌊100 / 10.2⌋ = 9 by kW, ⌊42 / 8⌋ = 5 by U → U binds, 5 per rack, 5 × 10.2 = 51 kW
    const p = plan({ servers: { ...dgxH100, count: 5 }, site: { kind: 'colocation', rackKW: 100, cooling: 'liquid' } });
    expect(p.binding).toBe('U');
    expect(p.racks).toBe(1);
    expect(p.rackKWMax).toBeCloseTo(51, 9);
    expect(p.coolingRequired).toBe('liquid');
    expect(p.retrofit).toBeNull();
  });
});

describe('a 20 kW server room and a 32-GPU H100 cluster (4 × 10.2 kW)', () => {
  const site = { kind: 'own-room', powerKW: 20, coolingKW: 20, rackKW: 15, rackUnits: 42, cooling: 'air' } as const;
  const p = plan({ servers: { ...dgxH100, count: 4 }, site });

  it('does not fit, and the notes name the shortfall in kW', () => {
    // IT load 4 × 10.2 = 40.8 kW > 20 kW: 20.8 kW short, both power and cooling
    expect(p.fitsSite).toBe(false);
    expect(p.itKW).toBeCloseTo(40.8, 9);
    expect(p.shortfalls.map((s) => [s.what, Number(s.short.toFixed(6))])).toEqual([
      ['power', 20.8],
      ['cooling', 20.8],
    ]);
    expect(p.notes[0]).toBe('does not fit the site: needs 40.8 kW of power, the room has 20 kW: 20.8 kW short');
    // 40.8 kW × 3,412.142 BTU/h per kW = 139,215 BTU/h; / 12,000 = 11.6 tons
    expect(p.notes[1]).toBe(
      'does not fit the site: needs 40.8 kW of cooling (139,215 BTU/h, 11.6 tons), the room has 20 kW: 20.8 kW short',
    );
  });

  it('reports IT load, facility load at the PUE, and the cooling load in kW, BTU/h and tons', () => {
    expect(p.coolingLoad.kW).toBeCloseTo(40.8, 9);
    expect(p.coolingLoad.btuPerHour).toBeCloseTo(139_215.39, 2);
    expect(p.coolingLoad.tons).toBeCloseTo(11.6013, 4);
    // no PUE given: typical for air, 1.58 → 40.8 × 1.58 = 64.464 kW
    expect(p.pue).toBe(1.58);
    expect(p.facilityKW).toBeCloseTo(64.464, 9);
    // the scenario's PUE wins: 40.8 × 1.15 = 46.92 kW
    expect(plan({ servers: { ...dgxH100, count: 4 }, site, pue: 1.15 }).facilityKW).toBeCloseTo(46.92, 9);
  });

  it('fits two of them: 20.4 kW ≤ 20 kW is false, one is 10.2 kW', () => {
    // 2 × 10.2 = 20.4 kW > 20 kW: 0.4 kW short; 1 × 10.2 fits
    expect(plan({ servers: { ...dgxH100, count: 2 }, site }).shortfalls[0]?.message).toBe(
      'needs 20.4 kW of power, the room has 20 kW: 0.4 kW short',
    );
    expect(plan({ servers: { ...dgxH100, count: 1 }, site }).fitsSite).toBe(true);
  });
});

describe('the U limit binding before the kW limit', () => {
  it('puts 12 × 4 U 2 kW servers in 2 racks of 6 (42 U holds 10, 30 kW would hold 15)', () => {
    // by kW: ⌊30 / 2⌋ = 15; by U: ⌊42 / 4⌋ = 10 → 10 per rack, U binds; ⌈12 / 10⌉ = 2 racks
    // spread evenly, 6 + 6 (not 10 + 2), so the most loaded rack is 6 × 2 = 12 kW
    const p = plan({
      servers: { name: '4-GPU server', count: 12, powerWattsEach: 2000, rackUnitsEach: 4 },
      site: { kind: 'own-room', rackKW: 30, cooling: 'air' },
    });
    expect(p.serversPerRackByKW).toBe(15);
    expect(p.serversPerRackByU).toBe(10);
    expect(p.binding).toBe('U');
    expect(p.racks).toBe(2);
    expect(p.layout.map((r) => r.slots.length)).toEqual([6, 6]);
    expect(p.rackKWMax).toBeCloseTo(12, 9);
    expect(p.denser).toBeNull();
    expect(p.notes.some((n) => n.includes('limited by rack space, 42 U a rack'))).toBe(true);
  });
});

describe('racks the site cannot give', () => {
  it('flags a server that alone draws more than a rack may: the shortfall per rack in kW', () => {
    // 10.2 kW > 8 kW: 2.2 kW short per rack
    const p = plan({ servers: { ...dgxH100, count: 2 }, site: { kind: 'own-room', rackKW: 8 } });
    expect(p.fitsSite).toBe(false);
    expect(p.racks).toBe(2);
    expect(p.layout.every((r) => r.overLimit)).toBe(true);
    expect(p.shortfalls[0]?.message).toBe('one DGX H100 draws 10.2 kW, a rack may draw 8 kW: 2.2 kW short per rack');
  });

  it('flags a server taller than the rack', () => {
    const p = plan({
      servers: { name: 'rack-scale system', count: 1, powerWattsEach: 20_000, rackUnitsEach: 48 },
      site: { kind: 'colocation', cooling: 'liquid' },
    });
    expect(p.fitsSite).toBe(false);
    expect(p.shortfalls.map((s) => s.message)).toEqual([
      'one rack-scale system is 48 U tall, a rack holds 42 U: 6 U short',
    ]);
  });

  it('fills racks only as far as the site’s cooling sheds, even when its circuits allow more', () => {
    // air site with 45 kW racks: limit min(45, 30) = 30 kW → ⌊30 / 10.2⌋ = 2 per rack, ⌈4 / 2⌉ = 2 racks of 20.4 kW
    const p = plan({ servers: { ...dgxH100, count: 4 }, site: { kind: 'colocation', rackKW: 45, cooling: 'air' } });
    expect(p.rackKWLimit).toBe(30);
    expect(p.racks).toBe(2);
    expect(p.rackKWMax).toBeCloseTo(20.4, 9);
    expect(p.coolingRequired).toBe('air');
    expect(p.notes).toContain(
      "racks filled up to 30 kW, what air cooling sheds per rack, below the site's 45 kW rack limit",
    );
  });
});

describe('a cooling retrofit when one server outgrows the site’s cooling', () => {
  it('prices direct liquid for a 66 kW rack-scale system in an air-cooled room', () => {
    // limit 30 kW (air, no rackKW): ⌊30 / 66⌋ = 0 → one per rack; 66 kW > 50 kW → direct liquid
    // retrofit 66 kW × 1,875 USD/kW = 123,750 USD; rack 1,200; PDUs: 66 / 16.43 → 5 circuits per feed × 2 = 10 × 1,200 = 12,000
    const p = plan({
      servers: { name: 'GB200 NVL36 rack', count: 1, powerWattsEach: 66_000, rackUnitsEach: 40 },
      site: { kind: 'own-room', powerKW: 100, coolingKW: 100, cooling: 'air' },
    });
    expect(p.coolingRequired).toBe('liquid');
    expect(p.retrofit).toEqual({ cooling: 'liquid', kW: 66, racks: 1 });
    expect(p.power.pdus).toBe(10);
    const byId = Object.fromEntries(p.capexLines.map((l) => [l.id, l.amountMinor / 100]));
    expect(byId).toEqual({ 'facility-racks': 1_200, 'facility-pdus': 12_000, 'facility-cooling-retrofit': 123_750 });
    // a retrofit is a cost, not a misfit: power and cooling capacity (100 kW) cover 66 kW
    expect(p.fitsSite).toBe(true);
    expect(p.notes).toContain(
      '66 kW per rack needs direct liquid cooling (air sheds up to 30 kW per rack, rear doors up to 50 kW); the site has air cooling, so a retrofit for 66 kW is priced',
    );
  });
});

describe('cooling capacity in tons', () => {
  it('converts tons to kW and quotes them back in the shortfall', () => {
    // 5 tons × 12,000 BTU/h / 3,412.142 BTU/h per kW = 17.584 kW < 2 × 10.2 = 20.4 kW: 2.816 kW short
    const p = plan({ servers: { ...dgxH100, count: 2 }, site: { kind: 'own-room', coolingTons: 5 } });
    expect(p.coolingCapacityKW).toBeCloseTo(17.5843, 4);
    expect(p.shortfalls[0]?.message).toBe(
      'needs 20.4 kW of cooling (69,608 BTU/h, 5.8 tons), the room has 17.58 kW (5 tons): 2.82 kW short',
    );
  });
});

describe('colocation: the monthly cost of contracted power', () => {
  it('charges the nameplate kW at the site’s price per kW-month', () => {
    // 40.8 kW × 180 USD = 7,344 USD a month; over 36 months 264,384 USD
    const p = plan({
      servers: { ...dgxH100, count: 4 },
      site: { kind: 'colocation', coloPerKWMonth: { amount: 180, currency: 'USD', source: 'colo quote' } },
    });
    expect(p.monthlyOpex).toEqual({ amountMinor: 734_400, currency: 'USD' });
    const [line] = facilityOpexLines(p.monthly, 36);
    expect(line?.amountMinor).toBe(26_438_400);
    expect(line?.formula).toBe('40.8 kW × 180.00 USD/kW-month × 36 months');
    expect(line?.paidAt).toBe('monthly');
  });

  it('uses the CBRE default when the site gives no price, and says so', () => {
    // 40.8 kW × 184.06 USD = 7,509.648 → 7,509.65 USD a month
    const p = plan({ servers: { ...dgxH100, count: 4 }, site: { kind: 'colocation' } });
    expect(p.monthlyOpex.amountMinor).toBe(750_965);
    expect(p.notes.some((n) => n.startsWith('colocation priced at the default 184.06 USD per kW-month'))).toBe(true);
  });

  it('has no monthly cost for an own room', () => {
    expect(plan({ servers: { ...dgxH100, count: 1 }, site: { kind: 'own-room' } }).monthly).toEqual([]);
  });
});

describe('prices in another currency', () => {
  const servers = { ...dgxH100, count: 1 };

  it('refuses to guess an exchange rate, naming the field', () => {
    const r = planFacility({ servers, site: { kind: 'own-room', rackPrice: { amount: 1000, currency: 'EUR' } } });
    expect(r).toEqual({
      error: 'assumptions.site.rackPrice: is in EUR but the plan counts in USD: give an exchange rate',
    });
  });

  it('converts with the rate it is given and keeps the conversion visible', () => {
    // 1,000 EUR at 0.92 EUR/USD = 1,086.96 USD
    const p = plan({
      servers,
      site: { kind: 'own-room', rackPrice: { amount: 1000, currency: 'EUR', source: 'EU quote' } },
      convert: (amount, currency) => ({ amount: amount / 0.92, fxNote: `${currency} at 0.92/USD` }),
    });
    const rack = p.capexLines.find((l) => l.id === 'facility-racks');
    expect(rack?.amountMinor).toBe(108_696);
    expect(rack?.source).toBe('EU quote; EUR at 0.92/USD');
  });
});

describe('bad input is refused with the field named', () => {
  const site = { kind: 'own-room' };
  const cases: [string, FacilityInput, string][] = [
    [
      'zero power per server',
      { servers: { ...dgxH100, count: 1, powerWattsEach: 0 }, site },
      'servers.powerWattsEach: must be a number of W above 0 and at most 1,000,000',
    ],
    [
      'negative server count',
      { servers: { ...dgxH100, count: -4 }, site },
      'servers.count: must be a whole number of servers from 1 to 100,000',
    ],
    [
      'zero rack units',
      { servers: { ...dgxH100, count: 1, rackUnitsEach: 0 }, site },
      'servers.rackUnitsEach: must be a whole number of rack units from 1 to 60',
    ],
    [
      'negative site power',
      { servers: { ...dgxH100, count: 1 }, site: { kind: 'own-room', powerKW: -20 } },
      'assumptions.site.powerKW: must be a number of kW above 0 and at most 1,000,000',
    ],
    [
      'zero rack kW',
      { servers: { ...dgxH100, count: 1 }, site: { kind: 'own-room', rackKW: 0 } },
      'assumptions.site.rackKW: must be a number of kW above 0 and at most 1,000',
    ],
    ['a PUE below 1', { servers: { ...dgxH100, count: 1 }, site, pue: 0.9 }, 'pue: must be a number from 1 to 3'],
  ];
  it.each(cases)('%s', (_what, input, error) => {
    expect(planFacility(input)).toEqual({ error });
  });
});
