import { createContext, useContext, type ReactNode } from 'react';
import type { CalibrationStore } from '../calibration/CalibrationStore';
import type { CatalogStore } from '../catalog/CatalogStore';
import type { EstimatorStore } from '../estimator/EstimatorStore';
import type { ScenarioStore } from '../scenario/ScenarioStore';

export interface Stores {
  catalog: CatalogStore;
  estimator: EstimatorStore;
  scenarios: ScenarioStore;
  calibrations: CalibrationStore;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores outside StoresProvider');
  return stores;
}
