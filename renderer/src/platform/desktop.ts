import { DATA_FILE_ACCEPT, pickFile } from './browser-files';
import { CommandBus } from './commands';
import { StatusLine } from './status';
import type {
  AppInfo,
  DataFile,
  DocumentState,
  ExportedFile,
  ExportRequest,
  Language,
  Platform,
  PlannerApi,
  PlatformFile,
  PrintRequest,
  RecentFile,
  RecoverySnapshot,
  SavedFile,
  SaveRequest,
} from './types';

/**
 * The desktop app: everything goes through the preload's `window.planner`. Native menus and
 * shortcuts arrive as commands; menu items nobody handles are greyed out in the native menu too.
 */
export class DesktopPlatform implements Platform {
  readonly kind = 'desktop' as const;
  readonly status = new StatusLine();
  readonly commands = new CommandBus((message) => this.status.error(message));
  private reportQueued = false;

  constructor(private readonly planner: PlannerApi) {
    planner.onMenuCommand((command) => {
      switch (command.type) {
        case 'command':
          void this.commands.run(command.command);
          return;
        case 'open-file':
          void this.commands.run('open-file', command.file);
          return;
        case 'recover':
          void this.commands.run('recover', command.file);
          return;
        case 'language':
          void this.commands.run('language', command.language);
          return;
        case 'error':
          this.status.error(command.message);
          return;
      }
    });
    this.commands.subscribe(() => this.reportAvailable());
    this.reportAvailable();
    void planner.ready();
  }

  // Screens register handlers in bursts as they mount; tell main once per burst.
  private reportAvailable(): void {
    if (this.reportQueued) return;
    this.reportQueued = true;
    queueMicrotask(() => {
      this.reportQueued = false;
      void this.planner.setAvailableCommands(this.commands.available());
    });
  }

  appInfo(): Promise<AppInfo> {
    return this.planner.appInfo();
  }

  openScenario(): Promise<PlatformFile | null> {
    return this.planner.openScenario();
  }

  /**
   * Chromium's file chooser, which Electron shows as the native open dialog. The file is read in
   * the sandboxed page through the File API and never written, so main (which owns every path
   * the app writes) is not involved and no token is granted.
   */
  openDataFile(): Promise<DataFile | null> {
    return pickFile(DATA_FILE_ACCEPT);
  }

  saveScenario(request: SaveRequest): Promise<SavedFile | null> {
    return this.planner.saveScenario(request);
  }

  saveScenarioAs(request: SaveRequest): Promise<SavedFile | null> {
    return this.planner.saveScenarioAs(request);
  }

  exportFile(request: ExportRequest): Promise<ExportedFile | null> {
    return this.planner.exportFile(request);
  }

  printToPdf(request: PrintRequest): Promise<ExportedFile | null> {
    return this.planner.printToPdf(request);
  }

  recentFiles(): Promise<RecentFile[]> {
    return this.planner.recentFiles();
  }

  openRecent(token: string): Promise<PlatformFile> {
    return this.planner.openRecent(token);
  }

  setDocumentState(state: DocumentState): void {
    this.status.setDocument(state);
    void this.planner.setDocumentState(state);
  }

  setLanguage(language: Language): void {
    void this.planner.setLanguage(language);
  }

  writeRecovery(snapshot: RecoverySnapshot | null): Promise<void> {
    return this.planner.writeRecovery(snapshot);
  }
}
