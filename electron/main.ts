import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  screen,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppInfo, Language, MenuCommand, MenuCommandId, RecentFile } from './api';
import { scenarioPathsFromArgv } from './argv';
import { CHOICE_BY_BUTTON, CloseGuard } from './close-guard';
import { FileService, UserFacingError, type Dialogs } from './file-service';
import { CHANNEL_NAMES, MENU_COMMAND_CHANNEL, parsePayload, type Channel, type Payload, type Reply } from './ipc';
import { readJsonFile, writeJsonFile } from './json-file';
import { buildMenuTemplate, type MenuAction } from './menu-template';
import { reasonFor, translator } from './messages';
import { PathTokens } from './path-tokens';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, resolveInside } from './policy';
import { addRecent, recentFilesSchema, recentLabels } from './recent-files';
import { RecoveryStore } from './recovery';
import { hardenApp, hardenSession } from './security';
import { defaultSettings, settingsSchema, type Settings } from './settings';
import { MIN_SIZE, restoreWindowState, windowStateSchema, type WindowState } from './window-state';

const log = (line: string) => console.log(`[gpu-planner] ${line}`);

// Tests give each run its own profile so no test sees another's data (and each gets its own
// single-instance lock, which Electron keys on the userData folder).
if (process.env.GPU_PLANNER_USER_DATA) app.setPath('userData', process.env.GPU_PLANNER_USER_DATA);

const userFile = (name: string) => path.join(app.getPath('userData'), name);
const rendererRoot = path.join(app.getAppPath(), 'dist', 'renderer');

let settings: Settings = { language: 'en' };
let recent: string[] = [];
let available = new Set<MenuCommandId>();
let mainWindow: BrowserWindow | null = null;
let rendererReady = false;
let quitRequested = false;
const heldBack: MenuCommand[] = [];
const openedBeforeReady: string[] = [];
const guard = new CloseGuard();
const recovery = new RecoveryStore(userFile(path.join('recovery', 'document.json')), log);
const recentTokens = new PathTokens();
const t = () => translator(settings.language);

const dialogs: Dialogs = {
  async chooseFileToOpen({ title, filters }) {
    const options = { title, filters, properties: ['openFile' as const] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseFileToSave({ title, filters, defaultPath }) {
    const options = {
      title,
      filters,
      defaultPath,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};

const files = new FileService({
  dialogs,
  t,
  defaultFolder: () => app.getPath('documents'),
  remember: (file) => {
    recent = addRecent(recent, file);
    app.addRecentDocument(file);
    void writeJsonFile(userFile('recent-files.json'), { files: recent }).catch((e) => log(`recent files: ${e}`));
    rebuildMenu();
  },
});

/** Sends to the renderer, or holds it until the renderer says it listens (a file from the command line). */
function send(command: MenuCommand): void {
  if (mainWindow && rendererReady) mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
  else heldBack.push(command);
}

async function openFromShell(file: string): Promise<void> {
  try {
    send({ type: 'open-file', file: await files.openPath(file) });
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
  showWindow();
}

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

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

function rebuildMenu(): void {
  recent = recent.filter((f) => existsSync(f));
  const template = buildMenuTemplate(
    {
      platform: process.platform,
      t: t(),
      appName: app.getName(),
      recent: recentLabels(recent),
      language: settings.language,
      available,
      devTools: !app.isPackaged,
    },
    onMenuAction,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onMenuAction(action: MenuAction): void {
  switch (action.type) {
    case 'command':
      send({ type: 'command', command: action.command });
      return;
    case 'open-recent': {
      const file = recent[action.index];
      if (file) void openFromShell(file);
      return;
    }
    case 'clear-recent':
      recent = [];
      app.clearRecentDocuments();
      void writeJsonFile(userFile('recent-files.json'), { files: recent });
      rebuildMenu();
      return;
    case 'language':
      void setLanguage(action.language);
      send({ type: 'language', language: action.language });
      return;
  }
}

async function setLanguage(language: Language): Promise<void> {
  if (settings.language === language) return;
  settings = { ...settings, language };
  rebuildMenu();
  await writeJsonFile(userFile('settings.json'), settings);
}

type Handler<C extends Channel> = (event: IpcMainInvokeEvent, ...args: Payload<C>) => unknown;

const handlers: { [C in Channel]: Handler<C> } = {
  'app:info': (): AppInfo => ({
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
    platform: process.platform,
  }),
  'app:ready': async () => {
    const recovered = await recovery.read();
    if (recovered) {
      const token = recovered.path ? files.tokens.grant(recovered.path) : null;
      heldBack.unshift({
        type: 'recover',
        file: { token, name: recovered.name, text: recovered.text, savedAt: recovered.savedAt },
      });
    }
    rendererReady = true;
    for (const command of heldBack.splice(0)) send(command);
  },
  'app:set-language': (_event, language) => setLanguage(language),
  'file:open': () => files.open(),
  'file:open-recent': (_event, token) => {
    const file = recentTokens.resolve(token);
    if (!file) throw new UserFacingError(t()('errors.gone'));
    return files.openPath(file);
  },
  'file:recent': (): RecentFile[] => {
    recentTokens.clear();
    return recent
      .filter((f) => existsSync(f))
      .map((f) => ({ token: recentTokens.grant(f), name: path.basename(f), folder: path.dirname(f) }));
  },
  'file:save': (_event, request) => afterSave(files.save(request)),
  'file:save-as': (_event, request) => afterSave(files.saveAs(request)),
  'file:export': (_event, request) => files.export(request),
  'file:print-pdf': async (event, request) => {
    const file = await files.chooseExportPath('pdf', request.suggestedName);
    if (!file) return null;
    let pdf: Uint8Array;
    try {
      pdf = await event.sender.printToPDF({
        pageSize: request.pageSize,
        landscape: request.landscape,
        printBackground: true,
      });
    } catch (error) {
      throw new UserFacingError(t()('errors.printFailed', { reason: reasonFor(error, t()) }));
    }
    await files.write(file, pdf);
    return { name: path.basename(file) };
  },
  'doc:set-state': (_event, state) => {
    guard.update(state);
    mainWindow?.setDocumentEdited(state.dirty);
  },
  'doc:write-recovery': async (_event, snapshot) => {
    if (!snapshot) return recovery.clear();
    const file = snapshot.token ? (files.tokens.resolve(snapshot.token) ?? null) : null;
    await recovery.write({ path: file, name: snapshot.name, text: snapshot.text });
  },
  'menu:set-available': (_event, commands) => {
    const next = new Set(commands);
    if (next.size === available.size && [...next].every((c) => available.has(c))) return;
    available = next;
    rebuildMenu();
  },
};

/** A save the close prompt waited on closes the window once the file is written; a cancelled one keeps it open. */
async function afterSave<T>(saving: Promise<T | null>): Promise<T | null> {
  let saved: T | null = null;
  try {
    saved = await saving;
  } finally {
    if (saved) {
      await recovery.clear();
      if (guard.saved()) mainWindow?.close();
    } else guard.saveAbandoned();
  }
  return saved;
}

function registerIpc(): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<Reply<unknown>> => {
      // Only our own page may call in.
      if (!event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`)) throw new Error(`${channel}: refused sender`);
      try {
        const payload = parsePayload(channel, args);
        const handler = handlers[channel] as (event: IpcMainInvokeEvent, ...a: unknown[]) => unknown;
        return { ok: (await handler(event, ...payload)) ?? null };
      } catch (error) {
        if (!(error instanceof UserFacingError)) log(`${channel} failed: ${String(error)}`);
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
  }
}

async function createWindow(): Promise<BrowserWindow> {
  const saved = await readJsonFile(userFile('window-state.json'), windowStateSchema, log);
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const bounds = restoreWindowState(saved, displays);
  const win = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'GPU Planner',
    show: false,
    webPreferences: {
      // Reviewed in build/SECURITY.md: the preload exposes typed wrappers only, no ipcRenderer.
      preload: path.join(__dirname, 'preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click must not open a link in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  watchWindowState(win);
  watchRenderer(win.webContents);
  win.on('close', (event) => onClose(win, event));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  rendererReady = false;
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function onClose(win: BrowserWindow, event: Electron.Event): void {
  if (guard.mayClose()) {
    if (!guard.dirty) void recovery.clear();
    return;
  }
  event.preventDefault();
  const button = dialog.showMessageBoxSync(win, guard.prompt(t()));
  const next = guard.choose(CHOICE_BY_BUTTON[button] ?? 'cancel');
  if (next === 'close') {
    void recovery.clear().finally(() => win.close());
    return;
  }
  // Nobody can save right now (the page is still loading, or broken): keep the window and the work.
  if (next === 'save' && available.has('save')) send({ type: 'command', command: 'save' });
  else guard.saveAbandoned();
  // Closing waits on the save (afterSave closes the window); a quit that was under way is off until then.
  quitRequested = false;
}

function watchWindowState(win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() };
    void writeJsonFile(userFile('window-state.json'), state).catch((e) => log(`window state: ${e}`));
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 1000);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}

function watchRenderer(contents: WebContents): void {
  // Each page load subscribes again; hold commands back until it says so.
  contents.on('did-start-loading', () => {
    rendererReady = false;
  });
  contents.on('render-process-gone', (_event, details) => {
    log(`renderer gone (${details.reason}); reloading — unsaved work comes back from recovery`);
    if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload();
  });
}

function start(): void {
  // A standard, secure scheme gives the renderer a real origin (IndexedDB needs one) without file://.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    for (const file of scenarioPathsFromArgv(argv, workingDirectory)) void openFromShell(file);
  });

  // macOS hands files from Finder and the Dock here, possibly before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openFromShell(file);
    else openedBeforeReady.push(file);
  });

  app.on('before-quit', () => {
    quitRequested = true;
  });

  hardenApp(log);
  app.enableSandbox();

  void app.whenReady().then(async () => {
    hardenSession(log);
    serveRenderer();
    registerIpc();
    settings = (await readJsonFile(userFile('settings.json'), settingsSchema, log)) ?? defaultSettings(app.getLocale());
    recent = (await readJsonFile(userFile('recent-files.json'), recentFilesSchema, log))?.files ?? [];
    rebuildMenu();
    mainWindow = await createWindow();
    for (const file of [...openedBeforeReady.splice(0), ...scenarioPathsFromArgv(process.argv, process.cwd())])
      void openFromShell(file);
    app.on('activate', () => {
      if (!mainWindow) void createWindow().then((win) => (mainWindow = win));
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitRequested) app.quit();
  });
}

// A second launch hands its command line to the first (the second-instance event) and quits
// before it opens anything.
if (app.requestSingleInstanceLock()) start();
else app.quit();
