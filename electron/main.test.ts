import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from './api';

// Electron's binary is not here, so main.ts runs against a stand-in `electron` module: enough of
// app, BrowserWindow, ipcMain, dialog and Menu to drive its wiring the way Electron would. The real
// thing runs in e2e/electron/ wherever the binary exists.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      on(event: string, listener: Listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return this;
      },
      once(event: string, listener: Listener) {
        return this.on(event, listener);
      },
      emit(event: string, ...args: unknown[]) {
        for (const l of listeners.get(event) ?? []) l(...args);
      },
    };
  };
  const handlers = new Map<string, Listener>();
  const sent: unknown[] = [];
  const windows: FakeWindow[] = [];
  let menu: unknown[] = [];
  class FakeWindow {
    readonly events = emitter();
    readonly webContents = { ...emitter(), send: (_channel: string, payload: unknown) => sent.push(payload) };
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    on(event: string, l: Listener) {
      this.events.on(event, l);
      return this;
    }
    once(event: string, l: Listener) {
      this.events.on(event, l);
      return this;
    }
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    maximize = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    setDocumentEdited = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    isDestroyed = () => this.destroyed;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 850 });
    /** Like Electron: 'close' may be prevented; otherwise the window goes. */
    close() {
      let prevented = false;
      this.events.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) {
        this.destroyed = true;
        this.events.emit('closed');
      }
    }
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
  }
  const app = {
    ...emitter(),
    paths: {} as Record<string, string>,
    setPath(name: string, value: string) {
      this.paths[name] = value;
    },
    getPath(name: string) {
      return this.paths[name] ?? this.paths.userData;
    },
    requestSingleInstanceLock: () => true,
    quit: vi.fn(),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getLocale: () => 'zh-CN',
    getName: () => 'GPU Planner',
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    isPackaged: false,
    enableSandbox: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
  };
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined as string | undefined })),
    showMessageBoxSync: vi.fn(() => 2),
  };
  return {
    app,
    dialog,
    handlers,
    sent,
    windows,
    FakeWindow,
    get menu() {
      return menu;
    },
    module: {
      app,
      dialog,
      BrowserWindow: FakeWindow,
      ipcMain: { handle: (channel: string, fn: Listener) => handlers.set(channel, fn) },
      Menu: {
        buildFromTemplate: (template: unknown[]) => template,
        setApplicationMenu: (m: unknown[]) => (menu = m),
      },
      net: { fetch: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: {
        getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
        getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      },
      session: {
        defaultSession: {
          webRequest: { onBeforeRequest: vi.fn() },
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
          on: vi.fn(),
        },
      },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => fake.module);

const userData = mkdtempSync(path.join(tmpdir(), 'main-user-data-'));
const docs = mkdtempSync(path.join(tmpdir(), 'main-docs-'));
const fromCommandLine = path.join(docs, 'q3.gpuplan.json');
const ownPage = { senderFrame: { url: 'app://planner/index.html' }, sender: {} };
const invoke = (channel: string, ...args: unknown[]) => fake.handlers.get(channel)?.(ownPage, ...args);
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const lastSent = () => fake.sent.at(-1) as MenuCommand;
const window = () => fake.windows[0] as InstanceType<typeof fake.FakeWindow>;

beforeAll(async () => {
  writeFileSync(fromCommandLine, '{"format":"gpu-planner.scenario","name":"Q3"}');
  process.env.GPU_PLANNER_USER_DATA = userData;
  fake.app.paths.documents = docs;
  const argv = process.argv;
  process.argv = ['/opt/GPU Planner/gpu-planner', fromCommandLine];
  await import('./main');
  await settle();
  process.argv = argv;
});
afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
  rmSync(docs, { recursive: true, force: true });
});

describe('main process wiring (stand-in Electron)', () => {
  it('opens one sandboxed window with the preload, and a menu in the system language', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = window().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(window().loadURL).toHaveBeenCalledWith('app://planner/index.html');
    expect((fake.menu as { label: string }[]).map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('holds the file from the command line until the page listens, then hands it over', async () => {
    expect(fake.sent).toEqual([]);
    expect(await invoke('app:ready')).toEqual({ ok: null });
    expect(lastSent()).toMatchObject({
      type: 'open-file',
      file: { name: 'q3.gpuplan.json', text: '{"format":"gpu-planner.scenario","name":"Q3"}' },
    });
  });

  it('saves back to the file through its token, atomically, and lists it in Open Recent', async () => {
    const sent = lastSent();
    if (sent.type !== 'open-file') throw new Error('no file');
    const reply = await invoke('file:save', { token: sent.file.token, suggestedName: 'x', text: '{"edited":true}' });
    expect(reply).toEqual({ ok: { token: sent.file.token, name: 'q3.gpuplan.json' } });
    expect(readFileSync(fromCommandLine, 'utf8')).toBe('{"edited":true}');
    const recent = (await invoke('file:recent')) as { ok: { name: string }[] };
    expect(recent.ok.map((r) => r.name)).toEqual(['q3.gpuplan.json']);
    await settle();
    expect(JSON.parse(readFileSync(path.join(userData, 'recent-files.json'), 'utf8'))).toEqual({
      files: [fromCommandLine],
    });
  });

  it('refuses callers that are not the app page, and payloads that fail their schema', async () => {
    const foreign = fake.handlers.get('app:info')?.({ senderFrame: { url: 'https://example.com/' } });
    await expect(foreign).rejects.toThrow('refused sender');
    const bad = (await invoke('file:save', { token: null, suggestedName: 'x', text: 1 })) as { error: string };
    expect(bad.error).toMatch(/^file:save: bad payload at 0\.text/);
  });

  it('answers a failed open in the user’s words', async () => {
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(docs, 'gone.json')] });
    expect(await invoke('file:open')).toEqual({ error: '无法打开“gone.json”：文件或其所在文件夹不存在' });
  });

  it('switches the menu language when the page does, and remembers it', async () => {
    await invoke('app:set-language', 'en');
    expect((fake.menu as { label: string }[]).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(JSON.parse(readFileSync(path.join(userData, 'settings.json'), 'utf8'))).toEqual({ language: 'en' });
  });

  it('enables exactly the menu commands the page handles', async () => {
    type Item = { id?: string; enabled?: boolean; submenu?: Item[] };
    const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    const find = (items: Item[], id: string) => flat(items).find((i) => i.id === id);
    await invoke('menu:set-available', ['open', 'save']);
    expect(find(fake.menu as Item[], 'save')?.enabled).toBe(true);
    expect(find(fake.menu as Item[], 'export-csv')?.enabled).toBe(false);
  });

  it('keeps unsaved work for recovery and offers it back when the page starts again', async () => {
    const sent = lastSent();
    const token = sent.type === 'open-file' ? sent.file.token : null;
    await invoke('doc:write-recovery', { token, name: 'q3.gpuplan.json', text: '{"unsaved":true}' });
    const stored = JSON.parse(readFileSync(path.join(userData, 'recovery/document.json'), 'utf8'));
    expect(stored).toMatchObject({ path: fromCommandLine, name: 'q3.gpuplan.json', text: '{"unsaved":true}' });
    window().webContents.emit('did-start-loading');
    await invoke('app:ready');
    expect(lastSent()).toMatchObject({ type: 'recover', file: { token, text: '{"unsaved":true}' } });
  });

  it('hands a second launch’s file to this window', async () => {
    const other = path.join(docs, 'other.gpuplan.json');
    writeFileSync(other, '{}');
    fake.app.emit('second-instance', {}, ['gpu-planner', 'other.gpuplan.json'], docs);
    await settle();
    expect(lastSent()).toMatchObject({ type: 'open-file', file: { name: 'other.gpuplan.json' } });
    expect(window().focus).toHaveBeenCalled();
  });

  it('asks before closing with unsaved changes; Cancel keeps the window and the recovery copy', async () => {
    await invoke('doc:set-state', { dirty: true, name: 'q3.gpuplan.json' });
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(2);
    window().close();
    expect(fake.dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
    expect(window().isDestroyed()).toBe(false);
    expect(existsSync(path.join(userData, 'recovery/document.json'))).toBe(true);
  });

  it('Save asks the page to save and closes once the file is written', async () => {
    fake.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    window().close();
    expect(lastSent()).toEqual({ type: 'command', command: 'save' });
    expect(window().isDestroyed()).toBe(false);
    const sent = fake.sent.findLast((c) => (c as MenuCommand).type === 'open-file') as MenuCommand;
    const token = sent.type === 'open-file' ? sent.file.token : '';
    await invoke('file:save', { token, suggestedName: 'x', text: '{"saved":"at close"}' });
    expect(window().isDestroyed()).toBe(true);
    expect(existsSync(path.join(userData, 'recovery/document.json'))).toBe(false);
    await settle();
    expect(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1300,
      height: 850,
      maximized: false,
    });
  });
});
