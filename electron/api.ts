/**
 * The one API the sandboxed renderer sees (`window.planner`), exposed by the preload script.
 * Type-only for the renderer; main validates every payload that crosses (electron/ipc.ts).
 * In the browser build `window.planner` is undefined and the renderer falls back to web APIs.
 */
export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
}

export interface PlannerApi {
  appInfo(): Promise<AppInfo>;
}

declare global {
  interface Window {
    planner?: PlannerApi;
  }
}
