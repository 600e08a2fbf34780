import type { ComponentType } from 'react';
import { CatalogPage } from '../catalog/CatalogPage';
import { EstimatorPage } from '../estimator/EstimatorPage';
import { ScenarioPage } from '../scenario/ScenarioPage';

/** One entry per screen: its id (the URL hash), its label key in the `common` namespace, and its component. */
export interface PageEntry {
  id: string;
  labelKey: string;
  component: ComponentType;
}

export const PAGES: PageEntry[] = [
  { id: 'estimator', labelKey: 'nav.estimator', component: EstimatorPage },
  { id: 'scenario', labelKey: 'nav.scenario', component: ScenarioPage },
  { id: 'catalog', labelKey: 'nav.catalog', component: CatalogPage },
];
