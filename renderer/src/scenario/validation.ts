import { parseSite } from '../../../estimator/facility/schema';
import { formatIssue, openScenario, type Scenario, type ScenarioIssue } from '../../../estimator/scenario';
import { fieldKey, type RawScenario } from './raw';

/** Field key (`workload.runsPerMonth`, `options[2].count`) → the domain's message, naming the field. */
export type FieldErrors = Readonly<Record<string, string>>;

export interface ScenarioCheck {
  /** The scenario as compare will read it (migrated, defaults filled); null while any field is wrong. */
  readonly scenario: Scenario | null;
  readonly errors: FieldErrors;
}

export function errorsOf(issues: readonly ScenarioIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[fieldKey(issue.path)] ??= formatIssue(issue);
  return errors;
}

/**
 * The domain's own checks, so the form says what `npm run -s compare` would: the scenario schema, and
 * the site plan's stricter one for the site fields the scenario schema passes through as written.
 */
export function checkScenario(raw: RawScenario): ScenarioCheck {
  const opened = openScenario(raw);
  const site = (raw.assumptions as { site?: unknown } | undefined)?.site;
  const siteErrors: Record<string, string> = {};
  if (site !== undefined) {
    const parsed = parseSite(site);
    if (!parsed.ok) siteErrors[parsed.error.slice(0, parsed.error.indexOf(': '))] = parsed.error;
  }
  if (!opened.ok) return { scenario: null, errors: { ...siteErrors, ...errorsOf(opened.issues) } };
  const clean = Object.keys(siteErrors).length === 0;
  return { scenario: clean ? opened.scenario : null, errors: siteErrors };
}
