import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../catalog/scenarios/index';
import { effectiveEnergy, withEffectiveEnergy } from './effective';
import { parseScenario } from './migrate';

const cpt = SHIPPED_SCENARIOS.find((s) => s.file === 'cpt-7b-100b-tokens.scenario.json')!.raw as {
  assumptions: Record<string, unknown> & { site: Record<string, unknown> };
};
const withSite = (site: Record<string, unknown>, assumptions: Record<string, unknown> = {}) =>
  parseScenario({
    ...cpt,
    assumptions: { ...cpt.assumptions, ...assumptions, site: { ...cpt.assumptions.site, ...site } },
  });

describe('the PUE and tariff a scenario is costed at', () => {
  it('takes the site’s PUE over the scenario-wide one, and says so', () => {
    const s = withSite({ pue: 1.15 }, { pue: 1.5 });
    const e = effectiveEnergy(s);
    expect(e.pue).toBe(1.15);
    expect(e.pueFrom).toBe('site');
    expect(e.notes.join(' ')).toMatch(/PUE 1\.15 from assumptions\.site\.pue .*assumptions\.pue 1\.5/);
    expect(withEffectiveEnergy(s).scenario.assumptions.pue).toBe(1.15);
  });

  it('keeps the scenario’s PUE and price when the site says nothing about them', () => {
    const site = { ...cpt.assumptions.site };
    delete site.pue;
    delete site.timeOfUse;
    const s = parseScenario({ ...cpt, assumptions: { ...cpt.assumptions, pue: 1.4, site } });
    const { scenario, notes } = withEffectiveEnergy(s);
    expect(scenario).toBe(s);
    expect(notes).toEqual([]);
  });

  it('prices a time-of-use tariff at its hour-weighted average: (12 h × 0.20 + 12 h × 0.08) / 24 = 0.14', () => {
    const s = withSite({
      timeOfUse: {
        currency: 'USD',
        asOf: '2026-10-01',
        source: 'utility tariff sheet',
        periods: [
          { name: 'peak', hoursPerDay: 12, pricePerKWh: 0.2 },
          { name: 'off-peak', hoursPerDay: 12, pricePerKWh: 0.08 },
        ],
      },
    });
    const e = effectiveEnergy(s);
    expect(e.electricity.amount).toBeCloseTo(0.14, 12);
    expect(e.electricity.currency).toBe('USD');
    expect(e.electricity.asOf).toBe('2026-10-01');
    expect(e.electricity.source).toMatch(
      /peak 12 h × 0\.2 \+ off-peak 12 h × 0\.08\) \/ 24 h \(utility tariff sheet\)/,
    );
    expect(e.electricityFrom).toBe('site.timeOfUse');
  });
});
