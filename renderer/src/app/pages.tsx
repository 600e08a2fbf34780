import type { ComponentType } from 'react';
import { GpuGrid } from '../catalog/GpuGrid';

/** One entry per screen: its id (the URL hash), its label key in the `common` namespace, and its component. */
export interface PageEntry {
  id: string;
  labelKey: string;
  component: ComponentType;
}

export const PAGES: PageEntry[] = [{ id: 'catalog', labelKey: 'nav.catalog', component: GpuGrid }];
