// Sandboxed preloads must be CommonJS: esbuild bundles this file to dist-electron/preload.cjs.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MenuCommand, PlannerApi } from './api';
import type { Channel, Reply } from './ipc';
import { MENU_COMMAND_CHANNEL } from './menu-channel';

/** Invokes a channel and turns main's `{ error }` reply back into a thrown Error with the plain message. */
async function call<T>(channel: Channel, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Reply<T>;
  if ('error' in reply) throw new Error(reply.error);
  return reply.ok;
}

// Typed wrappers only: never a raw invoke(channel) pass-through, never ipcRenderer itself (STYLE-ANCHORS §4).
const api: PlannerApi = {
  appInfo: () => call('app:info'),
  openScenario: () => call('file:open'),
  openRecent: (token) => call('file:open-recent', token),
  recentFiles: () => call('file:recent'),
  saveScenario: (request) => call('file:save', request),
  saveScenarioAs: (request) => call('file:save-as', request),
  exportFile: (request) => call('file:export', request),
  printToPdf: (request) => call('file:print-pdf', request),
  setLanguage: (language) => call('app:set-language', language),
  setDocumentState: (state) => call('doc:set-state', state),
  setAvailableCommands: (commands) => call('menu:set-available', commands),
  writeRecovery: (snapshot) => call('doc:write-recovery', snapshot),
  ready: () => call('app:ready'),
  onMenuCommand: (callback) => {
    // The event object (with its sender) never reaches the page: only the command does.
    const listener = (_event: IpcRendererEvent, command: MenuCommand) => callback(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('planner', api);
