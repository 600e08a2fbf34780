import { describe, expect, it } from 'vitest';
import { circuitById, circuitsPerFeed, defaultCircuit, usableKW, usableKWFormula } from './circuits';

/** Usable kW = (√3 for three-phase) × V × A × 0.8 (continuous-load rule) × 0.95 (power factor) / 1000. */
describe('circuit capacity', () => {
  it.each([
    // √3 × 208 × 30 = 10,808.0 VA × 0.8 = 8,646.4 VA (datacentermd.com's figure) × 0.95 = 8,214.1 W
    ['208v-30a-3ph', 8.2141],
    // twice the amps: 16,428.2 W
    ['208v-60a-3ph', 16.4282],
    // √3 × 415 = 718.80; × 32 = 23,001.6 VA × 0.8 × 0.95 = 17,481.2 W
    ['415v-32a-3ph', 17.4812],
    // 718.80 × 63 = 45,284.5 VA × 0.8 × 0.95 = 34,416.2 W
    ['415v-63a-3ph', 34.4162],
    // single-phase: 230 × 32 × 0.8 × 0.95 = 5,593.6 W
    ['230v-32a-1ph', 5.5936],
  ] as const)('%s carries %f kW continuously', (id, kW) => {
    expect(usableKW(circuitById(id))).toBeCloseTo(kW, 3);
  });

  it('writes the arithmetic for the quote', () => {
    expect(usableKWFormula(circuitById('208v-60a-3ph'))).toBe('√3 × 208 V × 60 A × 0.8 × 0.95 = 16.43 kW');
  });

  it('counts circuits per feed: a 40.8 kW rack needs 3 × 415 V 32 A (2 × 17.48 = 34.96 < 40.8)', () => {
    expect(circuitsPerFeed(40.8, circuitById('415v-32a-3ph'))).toBe(3);
    expect(circuitsPerFeed(34.9, circuitById('415v-32a-3ph'))).toBe(2);
    // an empty rack still gets a circuit
    expect(circuitsPerFeed(0, circuitById('208v-30a-3ph'))).toBe(1);
  });

  it('defaults to 208 V 30 A up to 8.21 kW a rack, 60 A above', () => {
    expect(defaultCircuit(6.5).id).toBe('208v-30a-3ph');
    expect(defaultCircuit(10.2).id).toBe('208v-60a-3ph');
  });
});
