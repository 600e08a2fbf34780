import { describe, expect, it } from 'vitest';
import { parseSite } from './schema';

describe('parseSite', () => {
  it('accepts the contract example (contracts/scenario.md, "Site")', () => {
    const r = parseSite({
      kind: 'own-room',
      powerKW: 20,
      coolingKW: 20,
      rackKW: 15,
      rackUnits: 42,
      cooling: 'air',
      coloPerKWMonth: { amount: 180, currency: 'USD', asOf: '2026-10-01', source: 'quote' },
    });
    expect(r.ok).toBe(true);
  });

  it('accepts cooling in tons, a circuit by id or by its ratings, and time-of-use prices', () => {
    expect(parseSite({ kind: 'own-room', coolingTons: 6 }).ok).toBe(true);
    expect(parseSite({ kind: 'own-room', circuit: '415v-32a-3ph', feeds: 'single' }).ok).toBe(true);
    expect(parseSite({ kind: 'own-room', circuit: { volts: 400, amps: 125, phases: 3 } }).ok).toBe(true);
    const tou = {
      currency: 'CNY',
      periods: [
        { name: 'peak', hoursPerDay: 8, pricePerKWh: 1.1 },
        { name: 'flat', hoursPerDay: 8, pricePerKWh: 0.7 },
        { name: 'valley', hoursPerDay: 8, pricePerKWh: 0.3 },
      ],
    };
    expect(parseSite({ kind: 'colocation', timeOfUse: tou }).ok).toBe(true);
  });

  it.each([
    [{ kind: 'garage' }, 'assumptions.site.kind: must be "own-room" or "colocation"'],
    [
      { kind: 'own-room', coolingKW: 0 },
      'assumptions.site.coolingKW: must be a number of kW above 0 and at most 1,000,000',
    ],
    [
      { kind: 'own-room', coolingTons: -3 },
      'assumptions.site.coolingTons: must be a number of tons of refrigeration above 0 and at most 300,000',
    ],
    [
      { kind: 'own-room', coolingKW: 20, coolingTons: 5 },
      'assumptions.site.coolingTons: give the cooling capacity once: coolingKW or coolingTons, not both',
    ],
    [
      { kind: 'own-room', rackUnits: 42.5 },
      'assumptions.site.rackUnits: must be a whole number of rack units from 1 to 60',
    ],
    [{ kind: 'own-room', cooling: 'immersion' }, 'assumptions.site.cooling: must be "air", "rear-door" or "liquid"'],
    [{ kind: 'own-room', pue: 0.8 }, 'assumptions.site.pue: must be a number from 1 to 3'],
    [{ kind: 'own-room', powerkw: 20 }, 'assumptions.site.powerkw: is not a known field'],
    [
      {
        kind: 'own-room',
        timeOfUse: { currency: 'USD', periods: [{ name: 'day', hoursPerDay: 16, pricePerKWh: 0.2 }] },
      },
      'assumptions.site.timeOfUse.periods: hoursPerDay must add up to 24, got 16',
    ],
    ['20 kW', 'assumptions.site: must be an object such as { "kind": "own-room", "powerKW": 20 }'],
  ])('refuses %j', (raw, error) => {
    expect(parseSite(raw)).toEqual({ ok: false, error });
  });
});
