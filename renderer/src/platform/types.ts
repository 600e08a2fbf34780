import type { CommandBus } from './commands';
import type { StatusLine } from './status';

// The preload API's types, read off the `window.planner` global that electron/api.ts declares
// (tsconfig.renderer.json includes it): the lint rule keeps the renderer from importing electron/.
export type PlannerApi = NonNullable<Window['planner']>;
export type AppInfo = Awaited<ReturnType<PlannerApi['appInfo']>>;
export type SaveRequest = Parameters<PlannerApi['saveScenario']>[0];
export type ExportRequest = Parameters<PlannerApi['exportFile']>[0];
export type ExportFormat = ExportRequest['format'];
export type ExportedFile = NonNullable<Awaited<ReturnType<PlannerApi['exportFile']>>>;
export type PrintRequest = Parameters<PlannerApi['printToPdf']>[0];
export type PageSize = PrintRequest['pageSize'];
export type RecentFile = Awaited<ReturnType<PlannerApi['recentFiles']>>[number];
export type Language = Parameters<PlannerApi['setLanguage']>[0];
export type DocumentState = Parameters<PlannerApi['setDocumentState']>[0];
export type MenuCommandId = Parameters<PlannerApi['setAvailableCommands']>[0][number];
export type RecoverySnapshot = NonNullable<Parameters<PlannerApi['writeRecovery']>[0]>;
export type MenuCommand = Parameters<Parameters<PlannerApi['onMenuCommand']>[0]>[0];

/** A scenario file the user opened. `token` saves it back in the desktop app; the browser has none. */
export interface PlatformFile {
  token: string | null;
  name: string;
  text: string;
}

/** Unsaved work found at start-up; `savedAt` is when it was last autosaved (ISO). */
export interface RecoveredFile extends PlatformFile {
  savedAt: string;
}

/**
 * A data file the user picked to import (catalog rows: CSV, TSV or JSON). Read in the renderer,
 * never written back; `size` (bytes) lets the caller refuse a huge file before reading it.
 */
export interface DataFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface SavedFile {
  token: string | null;
  name: string;
}

/**
 * Files and menus for the renderer, the same in the desktop app and in the browser build.
 * Screens call these and register command handlers; they never touch `window.planner`, dialogs,
 * downloads or file inputs themselves.
 */
export interface Platform {
  /** 'desktop': Electron with native menus and dialogs. 'browser': in-app menu bar, downloads, file input. */
  readonly kind: 'desktop' | 'browser';
  /** Menu commands, shortcuts and files to open, routed to whichever screen handles them. */
  readonly commands: CommandBus;
  /** The one-line status under the header: what was saved or exported, or what went wrong. */
  readonly status: StatusLine;
  appInfo(): Promise<AppInfo>;
  /** Asks for a scenario file (`.gpuplan.json` / `.json`); null when the user cancels. */
  openScenario(): Promise<PlatformFile | null>;
  /**
   * Saves the scenario text: to the file it came from (desktop, with its token), else where the user
   * says (desktop) or as a download (browser). Null when the user cancels.
   */
  saveScenario(request: SaveRequest): Promise<SavedFile | null>;
  saveScenarioAs(request: SaveRequest): Promise<SavedFile | null>;
  /** Asks for a data file to import (`.csv`, `.tsv`, `.txt`, `.json`); null when the user cancels. */
  openDataFile(): Promise<DataFile | null>;
  /** Writes export bytes (xlsx, csv, json or pdf) to a file the user picks, or downloads them. */
  exportFile(request: ExportRequest): Promise<ExportedFile | null>;
  /**
   * Prints what the window shows now (show the print view first) to PDF: a file the user names on the
   * desktop; the browser's print dialog (Save as PDF) in the web build.
   */
  printToPdf(request: PrintRequest): Promise<ExportedFile | null>;
  /** Recently opened files (desktop only; the browser has no file paths). */
  recentFiles(): Promise<RecentFile[]>;
  openRecent(token: string): Promise<PlatformFile>;
  /** Whether the open document has unsaved changes: the close prompt and the window title use it. */
  setDocumentState(state: DocumentState): void;
  setLanguage(language: Language): void;
  /** Keeps unsaved work for crash recovery; null forgets it (saved or discarded). */
  writeRecovery(snapshot: RecoverySnapshot | null): Promise<void>;
}
