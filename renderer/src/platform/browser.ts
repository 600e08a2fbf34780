import { version } from '../../../package.json';
import { DATA_FILE_ACCEPT, download, MIME_TYPES, pickFile } from './browser-files';
import { CommandBus } from './commands';
import { scenarioFileName, withExtension } from './file-names';
import { commandForKey, isEditable } from './shortcuts';
import { StatusLine } from './status';
import type {
  AppInfo,
  DataFile,
  DocumentState,
  ExportedFile,
  ExportRequest,
  Platform,
  PlatformFile,
  PrintRequest,
  RecentFile,
  RecoveredFile,
  RecoverySnapshot,
  SavedFile,
  SaveRequest,
} from './types';

const RECOVERY_KEY = 'gpu-planner.recovery';

/**
 * The browser build: files open through a file input and save as downloads, the menu is the
 * in-app menu bar, shortcuts are caught on the page, and unsaved work waits in localStorage
 * (this origin's profile) for a tab that was closed or crashed.
 */
export class BrowserPlatform implements Platform {
  readonly kind = 'browser' as const;
  readonly status = new StatusLine();
  readonly commands = new CommandBus((message) => this.status.error(message));
  private dirty = false;

  constructor(private readonly win: Window = window) {
    const mac = /Mac|iPhone|iPad/.test(win.navigator.platform);
    win.addEventListener('keydown', (event) => {
      const command = commandForKey(event, mac);
      if (!command || !this.commands.has(command)) return;
      // Undo and redo inside a text field are the field's own.
      if ((command === 'undo' || command === 'redo') && isEditable(event.target)) return;
      event.preventDefault();
      void this.commands.run(command);
    });
    // The browser's own "Leave site?" prompt: the nearest thing to the desktop's close prompt.
    win.addEventListener('beforeunload', (event) => {
      if (this.dirty) event.preventDefault();
    });
    const recovered = readRecovery(win.localStorage);
    if (recovered) void this.commands.run('recover', recovered);
  }

  async appInfo(): Promise<AppInfo> {
    const chrome = /Chrome\/([\d.]+)/.exec(this.win.navigator.userAgent)?.[1] ?? '';
    return { name: 'GPU Planner', version, electron: '', chrome, node: '', platform: 'browser' };
  }

  async openScenario(): Promise<PlatformFile | null> {
    const file = await pickFile('.gpuplan.json,.json,application/json');
    return file ? { token: null, name: file.name, text: await file.text() } : null;
  }

  openDataFile(): Promise<DataFile | null> {
    return pickFile(DATA_FILE_ACCEPT);
  }

  async saveScenario(request: SaveRequest): Promise<SavedFile | null> {
    const name = scenarioFileName(request.suggestedName);
    download(name, request.text, MIME_TYPES.json);
    return { token: null, name };
  }

  saveScenarioAs(request: SaveRequest): Promise<SavedFile | null> {
    return this.saveScenario(request);
  }

  async exportFile(request: ExportRequest): Promise<ExportedFile | null> {
    const name = withExtension(request.suggestedName, `.${request.format}`);
    // Copy into a fresh ArrayBuffer: a Blob may not take a view of a SharedArrayBuffer.
    download(name, new Uint8Array(request.bytes), MIME_TYPES[request.format]);
    return { name };
  }

  /** The browser's print dialog, set to the page size; "Save as PDF" there writes the file. */
  async printToPdf(request: PrintRequest): Promise<ExportedFile | null> {
    const style = this.win.document.createElement('style');
    style.dataset.printPageSize = request.pageSize;
    style.textContent = `@page { size: ${request.pageSize} ${request.landscape ? 'landscape' : 'portrait'}; }`;
    this.win.document.head.append(style);
    try {
      this.win.print();
    } finally {
      style.remove();
    }
    return { name: withExtension(request.suggestedName, '.pdf') };
  }

  async recentFiles(): Promise<RecentFile[]> {
    return [];
  }

  async openRecent(): Promise<PlatformFile> {
    throw new Error('recent files are kept by the desktop app only');
  }

  setDocumentState(state: DocumentState): void {
    this.dirty = state.dirty;
    this.status.setDocument(state);
  }

  setLanguage(): void {
    // The page's language is already the browser build's only setting; nothing else to tell.
  }

  async writeRecovery(snapshot: RecoverySnapshot | null): Promise<void> {
    if (!snapshot) this.win.localStorage.removeItem(RECOVERY_KEY);
    else
      this.win.localStorage.setItem(
        RECOVERY_KEY,
        JSON.stringify({ ...snapshot, token: null, savedAt: new Date().toISOString() } satisfies RecoveredFile),
      );
  }
}

function readRecovery(storage: Storage): RecoveredFile | null {
  try {
    const raw = JSON.parse(storage.getItem(RECOVERY_KEY) ?? 'null') as Partial<RecoveredFile> | null;
    if (raw && typeof raw.name === 'string' && typeof raw.text === 'string' && typeof raw.savedAt === 'string')
      return { token: null, name: raw.name, text: raw.text, savedAt: raw.savedAt };
  } catch {
    // A damaged entry is not worth refusing to start over.
  }
  return null;
}
