import type { FacilityPlan, FacilityRequest } from '../compare/types';
import { toMajor } from '../scenario/money';
import { planFacility } from './plan';
import { isFacilityError, type FacilityPlanResult } from './types';

/**
 * Rack units assumed when a server row gives none: one per GPU, at least 2 (8-GPU HGX servers are
 * 6-8 U: Dell XE9680 6 U, DGX H100 and Supermicro SYS-821GE 8 U). A planner assumption, noted on the row.
 */
export const assumedRackUnits = (gpusPerNode: number): number => Math.max(2, Math.round(gpusPerNode));

/** compare's answer plus the whole plan (layout for the rack view, lines and circuits for the quote). */
export type OptionFacilityPlan = FacilityPlan & { readonly detail: FacilityPlanResult | null };

/**
 * The planner compare calls for each owned or cluster option when the scenario has a site
 * (`CompareDeps.planFacility`): servers are sized on their nameplate power, or on the estimate's mean
 * draw when the row gives none (then the note says peaks will be higher). The facility load uses the
 * scenario's PUE, the one the costing's energy line uses, so the two agree.
 */
export function planFacilityForOption(req: FacilityRequest): OptionFacilityPlan {
  const notes: string[] = [];
  const watts = req.nameplateWattsPerNode ?? req.itKWPerNode * 1000;
  if (req.nameplateWattsPerNode === null)
    notes.push(
      'site plan sized on the estimate’s mean draw per server (the system gives no nameplate power): peaks draw more',
    );
  const rackUnits = req.rackUnitsPerNode ?? assumedRackUnits(req.gpusPerNode);
  if (req.rackUnitsPerNode === null)
    notes.push(`site plan assumes ${rackUnits} U per server (the system gives no rack units)`);
  const plan = planFacility({
    servers: {
      name: `${req.gpusPerNode}-GPU ${req.gpu} server`,
      count: req.nodes,
      powerWattsEach: watts,
      rackUnitsEach: rackUnits,
    },
    site: req.site,
    pue: req.pue,
    currency: req.currency,
    convert: req.convert,
  });
  if (isFacilityError(plan))
    return {
      racks: 0,
      rackKWMax: 0,
      coolingRequired: 'air',
      fitsSite: false,
      facilityCapex: { amount: 0, source: 'no site plan' },
      capexLines: [],
      notes: [`no site plan: ${plan.error}`, ...notes],
      detail: null,
    };
  return {
    racks: plan.racks,
    rackKWMax: plan.rackKWMax,
    coolingRequired: plan.coolingRequired,
    fitsSite: plan.fitsSite,
    facilityCapex: {
      amount: toMajor(plan.facilityCapex),
      source: plan.capexLines.map((l) => `${l.label}: ${l.formula} (${l.source})`).join('; '),
    },
    capexLines: plan.capexLines,
    notes: [...plan.notes, ...notes],
    detail: plan,
  };
}
