/**
 * The one API the sandboxed renderer sees (`window.planner`), exposed by the preload script.
 * Type-only for the renderer; main validates every payload that crosses (electron/ipc.ts).
 * In the browser build `window.planner` is undefined and the renderer falls back to web APIs
 * (renderer/src/platform).
 *
 * Files: the renderer never names a path. A file it opened or saved comes back with an opaque
 * `token`; handing the token back is how it says "write this file again". Main keeps the paths.
 */
// Types only: the renderer imports this file with `import type` (a lint rule checks it).
export type Language = 'en' | 'zh-CN';
export type ExportFormat = 'xlsx' | 'csv' | 'pdf' | 'json';
export type PageSize = 'A4' | 'Letter';

/** What the File, Edit and Help menus (and their shortcuts) ask the renderer to do. */
export type MenuCommandId =
  'new' | 'open' | 'save' | 'save-as' | 'export-xlsx' | 'export-csv' | 'export-pdf' | 'undo' | 'redo' | 'about';

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  node: string;
  platform: string;
}

/** A scenario file read from disk: its name (no folder), its text, and the token to save it back. */
export interface OpenedFile {
  token: string;
  name: string;
  text: string;
}

/** Unsaved work found after the app stopped without saving it (a crash, a power cut, a kill). */
export interface RecoveredFile {
  /** Saves back to the file it came from; null when it had never been saved. */
  token: string | null;
  name: string;
  text: string;
  /** ISO date-time of the last autosave. */
  savedAt: string;
}

export interface SavedFile {
  token: string;
  name: string;
}

export interface ExportedFile {
  name: string;
}

export interface RecentFile {
  /** Pass to `openRecent`; it only opens, it never writes. */
  token: string;
  name: string;
  folder: string;
}

export interface SaveRequest {
  /** The file to write again; without one (or for Save As) the user picks a file. */
  token: string | null;
  /** File name offered in the save dialog, with or without `.gpuplan.json`. */
  suggestedName: string;
  text: string;
}

export interface ExportRequest {
  format: ExportFormat;
  suggestedName: string;
  bytes: Uint8Array;
}

export interface PrintRequest {
  suggestedName: string;
  pageSize: PageSize;
  landscape: boolean;
}

/** What the close prompt needs to know: whether there is unsaved work, and in which document. */
export interface DocumentState {
  dirty: boolean;
  name: string | null;
}

export interface RecoverySnapshot {
  token: string | null;
  name: string;
  text: string;
}

/** Pushed from main to the renderer: a menu command, or something to open, recover or switch to. */
export type MenuCommand =
  | { type: 'command'; command: MenuCommandId }
  | { type: 'open-file'; file: OpenedFile }
  | { type: 'recover'; file: RecoveredFile }
  | { type: 'language'; language: Language }
  | { type: 'error'; message: string };

export interface PlannerApi {
  appInfo(): Promise<AppInfo>;
  /** Native open dialog filtered to `.gpuplan.json` / `.json`; null when the user cancels. */
  openScenario(): Promise<OpenedFile | null>;
  openRecent(token: string): Promise<OpenedFile>;
  recentFiles(): Promise<RecentFile[]>;
  /** Writes the token's file again (atomically), or asks for one; null when the user cancels. */
  saveScenario(request: SaveRequest): Promise<SavedFile | null>;
  saveScenarioAs(request: SaveRequest): Promise<SavedFile | null>;
  /** Save dialog filtered to the format, then an atomic write of the bytes; null when cancelled. */
  exportFile(request: ExportRequest): Promise<ExportedFile | null>;
  /** Prints what the window shows now (the print view) to a PDF the user names; null when cancelled. */
  printToPdf(request: PrintRequest): Promise<ExportedFile | null>;
  setLanguage(language: Language): Promise<void>;
  setDocumentState(state: DocumentState): Promise<void>;
  /** Menu items whose command nobody in the renderer handles are shown disabled. */
  setAvailableCommands(commands: MenuCommandId[]): Promise<void>;
  /** Keeps unsaved work where a crash cannot reach it; null clears it (saved or discarded). */
  writeRecovery(snapshot: RecoverySnapshot | null): Promise<void>;
  /** Subscribes to menu commands and files to open; call `ready` after subscribing. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /** The renderer listens now: main sends what it held back (a file from the command line, recovery). */
  ready(): Promise<void>;
}

declare global {
  interface Window {
    planner?: PlannerApi;
  }
}
