// Sandboxed preloads must be CommonJS: esbuild bundles this file to dist-electron/preload.cjs.
import { contextBridge, ipcRenderer } from 'electron';
import type { PlannerApi } from './api';

// Typed wrappers only: never a raw invoke(channel) pass-through (STYLE-ANCHORS §4).
const api: PlannerApi = {
  appInfo: () => ipcRenderer.invoke('app:info'),
};

contextBridge.exposeInMainWorld('planner', api);
