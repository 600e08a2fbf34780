import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import { loadShippedGpus } from '../../catalog';
import { loadShippedModels } from '../../catalog/models';
import { App } from './app/App';
import { StoresProvider, type Stores } from './app/stores';
import { CatalogStore } from './catalog/CatalogStore';
import { seedCatalogIfEmpty } from './catalog/seed';
import { PlannerDatabase } from './db/database';
import { EstimatorStore } from './estimator/EstimatorStore';
import { changeLanguage, setupI18n } from './i18n';
import { PlatformProvider, startDesktopServices } from './platform';
import './styles.css';
import { createPlannerClient } from './worker/client';

ModuleRegistry.registerModules([AllCommunityModule]);

async function start(rootElement: HTMLElement) {
  const i18n = await setupI18n();
  const desktop = startDesktopServices(i18n, changeLanguage);
  const root = createRoot(rootElement);
  try {
    const db = new PlannerDatabase();
    await seedCatalogIfEmpty(db, loadShippedGpus());
    const catalog = new CatalogStore(db);
    await catalog.load();
    const estimator = new EstimatorStore(db, catalog, loadShippedModels(), createPlannerClient());
    await estimator.load();
    const stores: Stores = { catalog, estimator };
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
