import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import { loadShippedCatalog } from '../../catalog';
import { loadShippedModels } from '../../catalog/models';
import { App } from './app/App';
import { StoresProvider, type Stores } from './app/stores';
import { CalibrationStore } from './calibration/CalibrationStore';
import { CatalogStore } from './catalog/CatalogStore';
import { shippedCatalogFiles } from './catalog/shipped-source';
import { syncShippedCatalog } from './catalog/sync';
import { PlannerDatabase } from './db/database';
import { EstimatorStore } from './estimator/EstimatorStore';
import { changeLanguage, setupI18n } from './i18n';
import { PlatformProvider, startDesktopServices } from './platform';
import { connectScenarioFile } from './scenario/document';
import { ScenarioStore } from './scenario/ScenarioStore';
import './styles.css';
import { createPlannerClient } from './worker/client';

ModuleRegistry.registerModules([AllCommunityModule]);

async function start(rootElement: HTMLElement) {
  const i18n = await setupI18n();
  const desktop = startDesktopServices(i18n, changeLanguage);
  const root = createRoot(rootElement);
  try {
    const db = new PlannerDatabase();
    // First run: copies the shipped catalog in. A newer (or other) shipped catalog: merges it,
    // keeping the user's rows and edits and listing conflicts (renderer/src/catalog/sync.ts).
    const shipped = loadShippedCatalog(shippedCatalogFiles());
    await syncShippedCatalog(db, shipped);
    const catalog = new CatalogStore(db, shipped);
    await catalog.load();
    const client = createPlannerClient();
    const models = loadShippedModels();
    // Calibrations load first: the first estimate and comparison already use the ones switched on.
    const calibrations = new CalibrationStore(db);
    await calibrations.load();
    const estimator = new EstimatorStore(db, catalog, models, client, { calibrations });
    const scenarios = new ScenarioStore(db, catalog, models, client, { calibrations });
    await Promise.all([estimator.load(), scenarios.load()]);
    connectScenarioFile(scenarios, desktop.platform, i18n);
    // Edits wait a moment before they are written; a closing window writes them at once.
    addEventListener('pagehide', () => scenarios.flush());
    const stores: Stores = { catalog, estimator, scenarios, calibrations };
    root.render(
      <PlatformProvider services={desktop}>
        <StoresProvider stores={stores}>
          <App />
        </StoresProvider>
      </PlatformProvider>,
    );
  } catch (error) {
    rootElement.setAttribute('data-app-state', 'failed');
    root.render(<p role="alert">{i18n.t('loadFailed', { message: String(error) })}</p>);
  }
}

void start(document.getElementById('root') as HTMLElement);
