import { fill } from '../messages';
import type { Ctx } from './context';
import { siteInputs } from './facility-inputs';
import { FACILITY, facilityBlock, type FacilityLineRefs } from './facility-plan';
import { inputSheet } from './input-rows';
import type { SheetBuilder } from './model';

export { FACILITY };

/** Where each option's site-plan lines live on the Facility sheet: option id -> line id -> `Facility!B40`. */
export type FacilityRefs = ReadonlyMap<string, FacilityLineRefs>;

/**
 * The Facility sheet (issue 10), when the scenario has a site and compare planned at least one option
 * on it: the site's assumptions as named inputs, then one block per planned option in rank order.
 * Options without a plan (the planner refused the site) keep their lines as the app's amounts.
 */
export function facilitySheet(ctx: Ctx): { sheet: SheetBuilder; refs: FacilityRefs } | null {
  const planned = ctx.c.rows.filter((r) => r.facilityPlan);
  const first = planned[0]?.facilityPlan;
  if (!ctx.s.assumptions.site || !first) return null;
  const F = ctx.m.facility;
  const b = inputSheet(FACILITY, [52, 18, 26, 40, 100], { ...F, title: fill(F.title, { name: ctx.s.name }) });
  const site = siteInputs(ctx, b, first);
  const refs = new Map<string, FacilityLineRefs>();
  for (const row of planned) refs.set(row.optionId, facilityBlock(ctx, b, row, row.facilityPlan!, site));
  return { sheet: b, refs };
}
