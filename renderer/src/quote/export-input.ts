import type { ExportInput, ExportLanguage } from '../../../estimator/export/types';
import { openScenario } from '../../../estimator/scenario/migrate';
import type { CatalogStore } from '../catalog/CatalogStore';
import type { ScenarioStore } from '../scenario/ScenarioStore';

/** Why there is nothing to export yet: no comparison, or the one on screen is not of what the form holds. */
export type NotReady = 'no-comparison' | 'out-of-date';

/**
 * The ExportInput the app hands the exporters, built exactly as `npm run -s compare` builds it
 * (estimator/cli/compare.ts): the comparison from the worker, the scenario it came from opened and
 * migrated, the catalog rows compare read, the catalog version, and the app's language. So the xlsx
 * and CSV bytes equal the command line's for the same scenario and catalog (scenario.exports.db.test.ts).
 *
 * Refused while the comparison is out of date: the catalog snapshot is the one compare reads now,
 * which is the one it used only once the comparison has caught up with the form and the catalog.
 */
export function scenarioExportInput(
  scenarios: ScenarioStore,
  catalog: CatalogStore,
  language: ExportLanguage,
): ExportInput | NotReady {
  const comparison = scenarios.comparison;
  const raw = scenarios.comparedRaw;
  if (!comparison || !raw) return 'no-comparison';
  if (scenarios.outOfDate) return 'out-of-date';
  const opened = openScenario(raw);
  if (!opened.ok) return 'out-of-date';
  const snapshot = scenarios.catalogSnapshot;
  return {
    comparison,
    scenario: opened.scenario,
    catalog: {
      gpus: snapshot.gpus,
      models: snapshot.models,
      systems: snapshot.systems,
      networks: snapshot.networks,
      offers: snapshot.offers,
    },
    catalogVersion: catalog.version ?? { version: catalog.shipped.version, asOf: catalog.shipped.asOf },
    language,
  };
}

/** The app's language as the exports name it (i18next may say `zh-CN` or `zh`). */
export const exportLanguage = (language: string): ExportLanguage => (language.startsWith('zh') ? 'zh-CN' : 'en');
