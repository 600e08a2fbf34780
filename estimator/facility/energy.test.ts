import { describe, expect, it } from 'vitest';
import { blendedTariff, facilityEnergyCost } from './energy';

/** Three years of round-the-clock training: 3 × 8,760 h = 26,280 h. */
const THREE_YEARS_H = 3 * 8760;

describe('facilityEnergyCost', () => {
  it('PUE 1.5 vs 1.15 changes the three-year energy cost by IT kWh × 0.35 × tariff', () => {
    // 32 kW (4 servers at a mean 8 kW) × 26,280 h = 840,960 kWh at the servers
    // PUE 1.5:  840,960 × 1.5  = 1,261,440 kWh × 0.10 = 126,144.00
    // PUE 1.15: 840,960 × 1.15 =   967,104 kWh × 0.10 =  96,710.40
    // difference: 840,960 × (1.5 − 1.15) × 0.10 = 29,433.60
    const hot = facilityEnergyCost(32, THREE_YEARS_H, 1.5, 0.1);
    const cool = facilityEnergyCost(32, THREE_YEARS_H, 1.15, 0.1);
    expect(hot.itKWh).toBe(840_960);
    expect(hot.facilityKWh).toBeCloseTo(1_261_440, 6);
    expect(hot.cost).toBeCloseTo(126_144, 6);
    expect(cool.cost).toBeCloseTo(96_710.4, 6);
    expect(hot.cost - cool.cost).toBeCloseTo(29_433.6, 6);
    expect(hot.formula).toBe('32 kW × 26,280 h × PUE 1.5 × 0.1 /kWh');
  });

  it('blends a time-of-use tariff by the hours of each period', () => {
    // 12 h × 0.15 + 12 h × 0.05 = 2.4 per 24 h → 0.10 per kWh
    const tou = {
      periods: [
        { name: 'peak', hoursPerDay: 12, pricePerKWh: 0.15 },
        { name: 'off-peak', hoursPerDay: 12, pricePerKWh: 0.05 },
      ],
    };
    expect(blendedTariff(tou)).toBeCloseTo(0.1, 12);
    // so the same 32 kW for three years costs what the flat 0.10 tariff does at PUE 1.5
    expect(facilityEnergyCost(32, THREE_YEARS_H, 1.5, tou).cost).toBeCloseTo(126_144, 6);
  });

  it('refuses inputs out of range, naming the argument', () => {
    expect(() => facilityEnergyCost(32, 100, 0.9, 0.1)).toThrow('pue: must be a number from 1 to 3, got 0.9');
    expect(() => facilityEnergyCost(-1, 100, 1.5, 0.1)).toThrow('itKW: must be a number of kW of 0 or more');
    expect(() => facilityEnergyCost(32, -5, 1.5, 0.1)).toThrow('hours: must be a number of hours of 0 or more');
    expect(() => blendedTariff(-0.1)).toThrow('tariff: must be a price per kWh of 0 or more');
    expect(() => blendedTariff({ periods: [{ name: 'day', hoursPerDay: 20, pricePerKWh: 0.1 }] })).toThrow(
      'tariff.periods: hoursPerDay must add up to 24, got 20',
    );
  });
});
