import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../catalog/scenarios/index';
import { shippedCompareCatalog } from '../cli/compare';
import { compareScenario } from './engine';

describe('rows with a site carry the facility plan behind their site columns', () => {
  it('places every server of the 4-node cluster in the racks the row counts, for the rack view', () => {
    const cpt = SHIPPED_SCENARIOS.find((s) => s.file === 'cpt-7b-100b-tokens.scenario.json')!;
    const { comparison } = compareScenario(cpt.raw, shippedCompareCatalog());
    const cluster = comparison.rows.find((r) => r.optionId === 'cluster-4xh100')!;
    const plan = cluster.facilityPlan!;
    // 4 servers of 10.2 kW in 25 kW racks: 2 a rack (2 × 10.2 = 20.4 kW), so 2 racks of 2.
    expect(plan.layout.map((rack) => rack.slots.length)).toEqual([2, 2]);
    expect(plan.layout).toHaveLength(cluster.racks!);
    expect(plan.fitsSite).toBe(cluster.fitsSite);
    expect(Math.max(...plan.layout.map((rack) => rack.kW))).toBeCloseTo(cluster.rackKWMax!, 2);
    expect(plan.layout[0]!.slots.map((s) => [s.bottomU, s.topU])).toEqual([
      [1, 8],
      [9, 16],
    ]);
    // Cloud rows have no site plan.
    expect(comparison.rows.filter((r) => r.kind === 'cloud').every((r) => r.facilityPlan === undefined)).toBe(true);
  });
});
