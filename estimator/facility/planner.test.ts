import { describe, expect, it } from 'vitest';
import type { FacilityRequest } from '../compare/types';
import { planFacilityForOption } from './planner';

/** The request compare sends for a 4-node H100 cluster in a 20 kW room (compare/types.ts, FacilityRequest). */
const request: FacilityRequest = {
  optionId: 'cluster-4xh100',
  kind: 'cluster',
  nodes: 4,
  gpusPerNode: 8,
  gpu: 'h100-sxm5-80gb',
  nameplateWattsPerNode: 10_200,
  rackUnitsPerNode: 8,
  itKWPerNode: 8.4,
  site: { kind: 'own-room', powerKW: 20, coolingKW: 20, rackKW: 15, rackUnits: 42, cooling: 'air' },
  pue: 1.4,
  currency: 'USD',
  convert: (amount) => ({ amount, source: 'site plan' }),
};

describe('planFacilityForOption (compare’s FacilityPlanner)', () => {
  it('answers with the contract’s site columns and the shortfall note', () => {
    const p = planFacilityForOption(request);
    expect(p).toMatchObject({ racks: 4, coolingRequired: 'air', fitsSite: false });
    expect(p.rackKWMax).toBeCloseTo(10.2, 9);
    // racks 4 × 1,200 + PDUs 8 × 1,200 = 14,400 USD
    expect(p.facilityCapex.amount).toBe(14_400);
    expect(p.facilityCapex.source).toContain('Racks (42 U enclosures): 4 × 1,200.00 USD');
    expect(p.notes[0]).toBe('does not fit the site: needs 40.8 kW of power, the room has 20 kW: 20.8 kW short');
    expect(p.detail?.layout).toHaveLength(4);
    // the capex lines add up to facilityCapex (compare/types.ts asks for it)
    expect(p.capexLines?.reduce((a, l) => a + l.amountMinor, 0)).toBe(1_440_000);
    // the scenario's PUE: 40.8 kW × 1.4 = 57.12 kW
    expect(p.detail?.facilityKW).toBeCloseTo(57.12, 9);
  });

  it('sizes on the estimate’s mean draw and assumes rack units when the system gives neither, and says so', () => {
    // 4 × 8.4 kW = 33.6 kW; 8 GPUs → 8 U assumed
    const p = planFacilityForOption({ ...request, nameplateWattsPerNode: null, rackUnitsPerNode: null });
    expect(p.detail?.itKW).toBeCloseTo(33.6, 9);
    expect(p.detail?.servers.rackUnitsEach).toBe(8);
    expect(p.notes).toContain('site plan assumes 8 U per server (the system gives no rack units)');
    expect(p.notes.some((n) => n.startsWith('site plan sized on the estimate’s mean draw'))).toBe(true);
  });

  it('converts the default prices into the scenario’s currency', () => {
    // 14,400 USD at 7.1 CNY/USD = 102,240 CNY
    const p = planFacilityForOption({
      ...request,
      currency: 'CNY',
      convert: (amount, currency) => ({ amount: currency === 'USD' ? amount * 7.1 : amount, source: 'site plan' }),
    });
    expect(p.facilityCapex.amount).toBeCloseTo(102_240, 6);
  });

  it('turns a bad site into a row that does not fit, with the field named', () => {
    const p = planFacilityForOption({ ...request, site: { kind: 'own-room', powerKW: -1 } });
    expect(p.fitsSite).toBe(false);
    expect(p.notes[0]).toBe(
      'no site plan: assumptions.site.powerKW: must be a number of kW above 0 and at most 1,000,000',
    );
    expect(p.detail).toBeNull();
  });
});
