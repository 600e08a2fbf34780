import { describe, expect, it } from 'vitest';
import { FACILITY_FIGURES } from './defaults';
import { btuPerHour, kwFromTons, tons } from './heat';

describe('facility figures', () => {
  it('each has a name, a unit and a source; each price has a date', () => {
    for (const f of FACILITY_FIGURES) {
      expect(f.name, 'name').not.toBe('');
      expect(f.unit, `${f.name} unit`).not.toBe('');
      expect(f.source.length, `${f.name} source`).toBeGreaterThan(20);
      if (f.unit.includes('USD')) expect(f.asOf, `${f.name} asOf`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (f.typical)
        expect(f.value >= f.typical[0] && f.value <= f.typical[1], `${f.name} within its range`).toBe(true);
    }
  });

  it('orders the cooling ceilings air < rear door < direct liquid', () => {
    const kw = Object.fromEntries(FACILITY_FIGURES.map((f) => [f.name, f.value]));
    expect([kw.airMaxKWPerRack, kw.rearDoorMaxKWPerRack, kw.directLiquidMaxKWPerRack]).toEqual([30, 50, 120]);
  });
});

describe('heat units', () => {
  it('1 ton of refrigeration = 12,000 BTU/h = 3.517 kW; 1 kW = 3,412.142 BTU/h', () => {
    expect(kwFromTons(1)).toBeCloseTo(3.5169, 4);
    expect(btuPerHour(1)).toBeCloseTo(3412.142, 9);
    expect(tons(kwFromTons(7))).toBeCloseTo(7, 12);
  });
});
