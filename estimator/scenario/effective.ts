import { blendedTariff } from '../facility/energy';
import { parseSite } from '../facility/schema';
import { formatQuantity } from './money';
import type { Scenario } from './schema';

type Electricity = Scenario['assumptions']['electricity'];

/**
 * The PUE and electricity price a scenario's energy is costed at. The site describes the one room the
 * hardware goes into, so what it says is more specific than the scenario-wide assumptions (which always
 * carry a default): `site.pue` replaces `assumptions.pue`, and a `site.timeOfUse` tariff replaces
 * `assumptions.electricity` with its hour-weighted price (training draws about the same power around the
 * clock, estimator/facility/energy.ts). The costing, the site plan and the workbook all read these, so
 * they cannot disagree.
 */
export interface EffectiveEnergy {
  readonly pue: number;
  /** `site.pue` or `assumptions.pue`. */
  readonly pueFrom: 'site' | 'assumptions';
  readonly electricity: Electricity;
  readonly electricityFrom: 'site.timeOfUse' | 'assumptions';
  /** English, one per replaced assumption, for the comparison's notes. */
  readonly notes: readonly string[];
}

export function effectiveEnergy(s: Scenario): EffectiveEnergy {
  const a = s.assumptions;
  // The scenario keeps the site loose; the facility's schema reads it in full (a bad site is the plan's error to report).
  const parsed = a.site ? parseSite(a.site) : null;
  const site = parsed?.ok ? parsed.site : undefined;
  const notes: string[] = [];
  let pue = a.pue;
  let pueFrom: EffectiveEnergy['pueFrom'] = 'assumptions';
  if (site?.pue !== undefined) {
    pue = site.pue;
    pueFrom = 'site';
    if (site.pue !== a.pue)
      notes.push(
        `PUE ${formatQuantity(site.pue, 3)} from assumptions.site.pue is used for energy and the facility load (assumptions.pue ${formatQuantity(a.pue, 3)} applies only without it)`,
      );
  }
  let electricity: Electricity = a.electricity;
  let electricityFrom: EffectiveEnergy['electricityFrom'] = 'assumptions';
  const tou = site?.timeOfUse;
  if (tou) {
    const amount = blendedTariff({ periods: tou.periods });
    const periods = tou.periods
      .map((p) => `${p.name} ${formatQuantity(p.hoursPerDay, 2)} h × ${formatQuantity(p.pricePerKWh, 6)}`)
      .join(' + ');
    electricity = {
      amount,
      currency: tou.currency,
      per: 'kWh',
      ...(tou.asOf && { asOf: tou.asOf }),
      source: `time-of-use tariff, hour-weighted: (${periods}) / 24 h${tou.source ? ` (${tou.source})` : ''}`,
    };
    electricityFrom = 'site.timeOfUse';
    notes.push(
      `electricity at ${formatQuantity(amount, 6)} ${tou.currency}/kWh, the hour-weighted average of assumptions.site.timeOfUse (assumptions.electricity applies only without it)`,
    );
  }
  return { pue, pueFrom, electricity, electricityFrom, notes };
}

/** The scenario as it is costed: `assumptions.pue` and `assumptions.electricity` replaced by what the site says. */
export function withEffectiveEnergy(s: Scenario): { scenario: Scenario; notes: readonly string[] } {
  const e = effectiveEnergy(s);
  if (e.pueFrom === 'assumptions' && e.electricityFrom === 'assumptions') return { scenario: s, notes: [] };
  return {
    scenario: { ...s, assumptions: { ...s.assumptions, pue: e.pue, electricity: e.electricity } },
    notes: e.notes,
  };
}
