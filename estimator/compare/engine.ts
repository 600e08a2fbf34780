import { planFacilityForOption } from '../facility/planner';
import { openScenario, ScenarioError } from '../scenario/migrate';
import type { Scenario } from '../scenario/schema';
import { estimateWithConfidence, type Calibration } from '../confidence';
import type { EstimatorCatalog } from '../training';
import { compare } from './compare';
import type { Comparison, CompareCatalog, EstimateFn, FacilityPlanner } from './types';

/**
 * The real training estimator bound to a catalog, as the estimate command runs it: with the validated accuracy
 * bands (so "fits" in a comparison means what it means on the estimator screen) and, with calibrations, the newest
 * enabled one for each estimate's GPU (estimator/confidence), so layouts, fit, hours, power and costs all follow the
 * user's measurement.
 */
export const trainingEstimator =
  (catalog: EstimatorCatalog, calibrations?: readonly Calibration[]): EstimateFn =>
  (input) =>
    estimateWithConfidence(input, catalog, calibrations);

export interface RunOptions {
  /** The site plan for owned options when the scenario has `assumptions.site` (default: estimator/facility). */
  readonly planFacility?: FacilityPlanner;
  /** The user's calibrations (estimator/confidence): the newest enabled one per GPU applies to every estimate. */
  readonly calibrations?: readonly Calibration[];
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
    { estimate: trainingEstimator(catalog, options.calibrations), planFacility: options.planFacility ?? sitePlanner },
    opened.notes,
  );
  return { scenario: opened.scenario, comparison };
}
