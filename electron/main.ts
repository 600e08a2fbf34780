import { app, BrowserWindow, ipcMain, net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppInfo } from './api';
import { CHANNEL_NAMES, parsePayload, type Channel } from './ipc';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, resolveInside } from './policy';
import { hardenApp, hardenSession } from './security';

const log = (line: string) => console.log(`[gpu-planner] ${line}`);

// Tests give each run its own profile so no test sees another's data.
if (process.env.GPU_PLANNER_USER_DATA) app.setPath('userData', process.env.GPU_PLANNER_USER_DATA);

// A standard, secure scheme gives the renderer a real origin (IndexedDB needs one) without file://.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveInside(rendererRoot, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

const handlers: { [C in Channel]: (...args: never[]) => unknown } = {
  'app:info': (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    platform: process.platform,
  }),
};

function registerIpc(): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      // Only our own page may call in.
      if (!event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`)) throw new Error(`${channel}: refused sender`);
      const payload = parsePayload(channel, args) as never[];
      return handlers[channel](...payload);
    });
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'GPU Planner',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

hardenApp(log);
app.enableSandbox();

void app.whenReady().then(() => {
  hardenSession(log);
  serveRenderer();
  registerIpc();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
