import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../catalog/scenarios/index';
import { shippedCompareCatalog } from '../cli/compare';
import { buildWorkbook } from '../export/workbook/build';
import { compareScenario } from './engine';

type Raw = { assumptions: Record<string, unknown> & { site: Record<string, unknown> } };
const cpt = SHIPPED_SCENARIOS.find((s) => s.file === 'cpt-7b-100b-tokens.scenario.json')!.raw as Raw;
const catalog = shippedCompareCatalog();

function run(site: Record<string, unknown>, assumptions: Record<string, unknown> = {}) {
  const raw = {
    ...cpt,
    assumptions: { ...cpt.assumptions, ...assumptions, site: { ...cpt.assumptions.site, ...site } },
  };
  return compareScenario(raw, catalog);
}
const energyOf = (c: ReturnType<typeof run>['comparison']) =>
  c.rows.find((r) => r.optionId === 'cluster-4xh100')!.lines.find((l) => l.id === 'energy')!.amountMinor;

describe('a site’s own PUE and tariff cost the energy of the hardware placed there', () => {
  it('site PUE 1.15 over the scenario’s 1.5: the energy line scales by 1.15 / 1.5, and a note says which applied', () => {
    const scenarioPue = run({}, { pue: 1.5 }).comparison;
    const sitePue = run({ pue: 1.15 }, { pue: 1.5 }).comparison;
    // energy = runs × IT kWh per run × PUE × price: only the PUE differs.
    expect(energyOf(sitePue)).toBeCloseTo((energyOf(scenarioPue) * 1.15) / 1.5, -1);
    expect(sitePue.notes.join('\n')).toMatch(/PUE 1\.15 from assumptions\.site\.pue/);
    const cluster = sitePue.rows.find((r) => r.optionId === 'cluster-4xh100')!;
    expect(cluster.facilityPlan!.pue).toBe(1.15);
  });

  it('a time-of-use tariff of 12 h at 0.20 and 12 h at 0.08 USD prices energy as a flat 0.14', () => {
    const tou = run({
      timeOfUse: {
        currency: 'USD',
        periods: [
          { name: 'peak', hoursPerDay: 12, pricePerKWh: 0.2 },
          { name: 'off-peak', hoursPerDay: 12, pricePerKWh: 0.08 },
        ],
      },
    }).comparison;
    const flat = run({}, { electricity: { amount: 0.14, currency: 'USD', per: 'kWh' } }).comparison;
    expect(energyOf(tou)).toBe(energyOf(flat));
    expect(tou.rows.map((r) => r.totalCost)).toEqual(flat.rows.map((r) => r.totalCost));
    expect(tou.notes.join('\n')).toMatch(/hour-weighted average of assumptions\.site\.timeOfUse/);
  });

  it('the workbook’s PUE and electricity cells hold what the comparison used', () => {
    const { comparison, scenario } = run({ pue: 1.15 }, { pue: 1.5 });
    const model = buildWorkbook({ comparison, scenario, catalog, catalogVersion: null });
    const assumptions = model.sheets.find((s) => s.name === 'Assumptions')!;
    const valueOf = (name: string) => {
      const [, col, row] = /^\$?([A-Z]+)\$?(\d+)$/.exec(assumptions.names.get(name)!)!;
      return assumptions.rows.get(Number(row))!.get(col!.charCodeAt(0) - 64)!.value;
    };
    expect(valueOf('FacilityPUE')).toBe(1.15);
    expect(valueOf('ElectricityPrice')).toBe(scenario.assumptions.electricity.amount);
  });
});
