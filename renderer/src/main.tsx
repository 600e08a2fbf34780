import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import { loadShippedGpus } from '../../catalog';
import { App } from './app/App';
import { StoresProvider, type Stores } from './app/stores';
import { CatalogStore } from './catalog/CatalogStore';
import { seedCatalogIfEmpty } from './catalog/seed';
import { PlannerDatabase } from './db/database';
import { setupI18n } from './i18n';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);

async function start(rootElement: HTMLElement) {
  const i18n = await setupI18n();
  const root = createRoot(rootElement);
  try {
    const db = new PlannerDatabase();
    await seedCatalogIfEmpty(db, loadShippedGpus());
    const stores: Stores = { catalog: new CatalogStore(db) };
    await stores.catalog.load();
    root.render(
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>,
    );
  } catch (error) {
    rootElement.setAttribute('data-app-state', 'failed');
    root.render(<p role="alert">{i18n.t('loadFailed', { message: String(error) })}</p>);
  }
}

void start(document.getElementById('root') as HTMLElement);
