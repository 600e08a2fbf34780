import { describe, expect, it } from 'vitest';
import { layoutRacks } from './layout';

describe('layoutRacks', () => {
  const servers = { name: 'DGX A100', count: 5, kWEach: 6.5, rackUnitsEach: 6 };

  it('spreads 5 servers over 3 racks as 2 + 2 + 1 and stacks them from U1 up', () => {
    const racks = layoutRacks(servers, 3, 42, 15);
    expect(racks.map((r) => r.slots.map((s) => s.label))).toEqual([
      ['DGX A100 #1', 'DGX A100 #2'],
      ['DGX A100 #3', 'DGX A100 #4'],
      ['DGX A100 #5'],
    ]);
    // 6 U each: U1-6, U7-12
    expect(racks[0]?.slots.map((s) => [s.bottomU, s.topU])).toEqual([
      [1, 6],
      [7, 12],
    ]);
    // 2 × 6.5 = 13 kW of 15 kW; 2 × 6 = 12 U of 42
    expect(racks[0]).toMatchObject({ label: 'Rack 1', kW: 13, kWLimit: 15, unitsUsed: 12, rackUnits: 42 });
    expect(racks[0]?.overLimit).toBe(false);
    expect(racks[2]?.kW).toBe(6.5);
  });

  it('evens out the load: 4 servers in 2 racks are 2 + 2, not 3 + 1', () => {
    expect(layoutRacks({ ...servers, count: 4 }, 2, 42, 30).map((r) => r.kW)).toEqual([13, 13]);
  });

  it('marks a rack over its limit and the cooling its load needs', () => {
    // one 35 kW server in a rack limited to 30 kW: over, and 30 < 35 ≤ 50 needs a rear door
    const [rack] = layoutRacks({ name: 'big', count: 1, kWEach: 35, rackUnitsEach: 10 }, 1, 42, 30);
    expect(rack?.overLimit).toBe(true);
    expect(rack?.coolingRequired).toBe('rear-door');
  });
});
