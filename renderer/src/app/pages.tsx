import type { ComponentType } from 'react';
import { GpuGrid } from '../catalog/GpuGrid';
import { EstimatorPage } from '../estimator/EstimatorPage';
import { ScenarioFilePage } from '../platform/ScenarioFilePage';

/** One entry per screen: its id (the URL hash), its label key in the `common` namespace, and its component. */
export interface PageEntry {
  id: string;
  labelKey: string;
  component: ComponentType;
}

export const PAGES: PageEntry[] = [
  { id: 'estimator', labelKey: 'nav.estimator', component: EstimatorPage },
  { id: 'catalog', labelKey: 'nav.catalog', component: GpuGrid },
  // Until the scenario screens exist: the scenario file as text, behind the File menu.
  { id: 'file', labelKey: 'desktop:file.page', component: ScenarioFilePage },
];
