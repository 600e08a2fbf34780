import type { Comparison, CompareCatalog } from '../compare/types';
import type { Scenario } from '../scenario/schema';

/** The languages the exports are labelled in: the app's two (renderer/src/i18n/locales). */
export type ExportLanguage = 'en' | 'zh-CN';

/** The catalog's version and date: catalog/version.json, or the one the app last merged. */
export interface CatalogStamp {
  readonly version: string;
  /** ISO date, `2026-11-23`. */
  readonly asOf: string;
}

/**
 * What an export is made from. The app and `npm run -s compare` pass the same things, so the
 * bytes are the same: the comparison, the scenario it came from (opened and migrated), and the
 * catalog it was compared against (the Catalog sheet lists the rows the options used).
 */
export interface ExportInput {
  readonly comparison: Comparison;
  readonly scenario: Scenario;
  readonly catalog: Pick<CompareCatalog, 'gpus' | 'models' | 'systems' | 'networks' | 'offers'>;
  readonly catalogVersion: CatalogStamp | null;
  /** Labels; default `en`. Numbers, ids, formulas, sheet and cell names do not change with it. */
  readonly language?: ExportLanguage;
}
