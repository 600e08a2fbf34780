import { isPlainObject } from '../../../catalog/paths';
import { SHIPPED_FILES, type ShippedCatalogFiles } from '../../../catalog';

/**
 * The end-to-end tests' stand-in for "this build ships a newer catalog": the raw catalog files
 * (`{ version, tables }`, the shape of catalog/*.json) on this global, set by Playwright's
 * `page.addInitScript` before the app's first script runs (e2e/catalog.spec.ts).
 *
 * It cannot be triggered by accident: no URL, link, stored setting or file sets it; only code
 * running in the page before the app starts can (a test's init script, or someone at a breakpoint
 * in the developer tools). The desktop app ignores it altogether. And it is no back door: the
 * files go through the same validation (`loadShippedCatalog`) and the same merge as a real update.
 */
export const TEST_SHIPPED_CATALOG_GLOBAL = '__GPU_PLANNER_TEST_SHIPPED_CATALOG__';

export function shippedCatalogFiles(win: object = globalThis): ShippedCatalogFiles {
  const scope = win as Record<string, unknown>;
  const override = scope[TEST_SHIPPED_CATALOG_GLOBAL];
  if (override === undefined || scope.planner !== undefined) return SHIPPED_FILES;
  if (!isPlainObject(override) || !isPlainObject(override.tables))
    throw new Error(`${TEST_SHIPPED_CATALOG_GLOBAL} must be { version, tables } like the shipped catalog files`);
  return { version: override.version, tables: override.tables as ShippedCatalogFiles['tables'] };
}
