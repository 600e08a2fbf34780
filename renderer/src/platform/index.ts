import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { DesktopServices } from './start';
import type { Platform } from './types';

export type { CommandId, CommandPayloads } from './commands';
export type { DocumentModel } from './scenario-file';
export type { DesktopServices } from './start';
export type * from './types';
export { createPlatform } from './create';
export { startDesktopServices } from './start';
export { ScenarioFile } from './scenario-file';

const ServicesContext = createContext<DesktopServices | null>(null);

export function PlatformProvider({ services, children }: { services: DesktopServices; children: ReactNode }) {
  return createElement(ServicesContext.Provider, { value: services }, children);
}

export function useDesktopServices(): DesktopServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('usePlatform outside PlatformProvider');
  return services;
}

/** Files and menus: `usePlatform().exportFile(…)`, `usePlatform().commands.handle('export-csv', …)`. */
export function usePlatform(): Platform {
  return useDesktopServices().platform;
}
