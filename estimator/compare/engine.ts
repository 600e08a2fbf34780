import { planFacilityForOption } from '../facility/planner';
import { openScenario, ScenarioError } from '../scenario/migrate';
import type { Scenario } from '../scenario/schema';
import { estimate, type EstimatorCatalog } from '../training';
import { compare } from './compare';
import type { Comparison, CompareCatalog, EstimateFn, FacilityPlanner } from './types';

/** The real training estimator bound to a catalog. */
export const trainingEstimator =
  (catalog: EstimatorCatalog): EstimateFn =>
  (input) =>
    estimate(input, catalog);

export interface RunOptions {
  /** The site plan for owned options when the scenario has `assumptions.site` (default: estimator/facility). */
  readonly planFacility?: FacilityPlanner;
}

/** The site plan of issue 10 (estimator/facility), itemized: its capex lines go into the option's cost lines. */
export const sitePlanner: FacilityPlanner = (request) => {
  const plan = planFacilityForOption(request);
  return { ...plan, capexLines: plan.detail?.capexLines ?? undefined };
};

/**
 * What the app and `npm run -s compare` both call: opens a scenario file of any version (migrating
 * it), compares it against the catalog with the training estimator, and returns the comparison with
 * the migration's notes. Throws a ScenarioError naming every bad field.
 */
export function compareScenario(
  raw: unknown,
  catalog: CompareCatalog,
  options: RunOptions = {},
): { scenario: Scenario; comparison: Comparison } {
  const opened = openScenario(raw);
  if (!opened.ok) throw new ScenarioError(opened.issues);
  const comparison = compare(
    opened.scenario,
    catalog,
    { estimate: trainingEstimator(catalog), planFacility: options.planFacility ?? sitePlanner },
    opened.notes,
  );
  return { scenario: opened.scenario, comparison };
}
