import { makeAutoObservable, runInAction } from 'mobx';
import type { Platform, PlatformFile, RecoveredFile, SavedFile } from './types';

export type Translate = (key: string, vars?: Record<string, string>) => string;

/** What a screen that edits a scenario gives the file commands. */
export interface DocumentModel {
  /** The scenario as it is written to its file. */
  serialize(): string;
  /** Replaces the scenario with a file's text; throws an Error whose message says what is wrong, changing nothing. */
  load(text: string, fileName: string): void;
  /** A new scenario, as File > New starts it. */
  reset(): void;
  /** The file name offered the first time it is saved (usually the scenario's name). */
  suggestedName(): string;
  /**
   * Takes back unsaved work exactly as it was, even half-typed and not valid yet (crash recovery).
   * Without it, recovered work goes through `load` and must be valid.
   */
  restore?(text: string): void;
}

export interface ScenarioFileOptions {
  /** Asks before unsaved changes are thrown away (window.confirm by default). */
  confirm?: (message: string) => boolean;
  /** Unsaved work is written for crash recovery this long after the last edit. */
  autosaveMs?: number;
}

/**
 * The open scenario's file: which file it is (a token, never a path), whether it has unsaved
 * changes, and File > New / Open / Save / Save As / Open Recent / recovery on top of any
 * DocumentModel. The model calls `edited()` on every change; this marks the document dirty (for
 * the close prompt) and autosaves it for crash recovery a moment later.
 */
export class ScenarioFile {
  token: string | null = null;
  /** The file's name; null until it is first saved or opened. */
  fileName: string | null = null;
  dirty = false;
  private revision = 0;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly confirm: (message: string) => boolean;
  private readonly autosaveMs: number;

  constructor(
    private readonly platform: Platform,
    private readonly model: DocumentModel,
    private readonly t: Translate,
    options: ScenarioFileOptions = {},
  ) {
    this.confirm = options.confirm ?? ((message) => globalThis.confirm(message));
    this.autosaveMs = options.autosaveMs ?? 1000;
    makeAutoObservable<ScenarioFile, 'platform' | 'model' | 't' | 'confirm' | 'autosaveTimer' | 'revision'>(this, {
      platform: false,
      model: false,
      t: false,
      confirm: false,
      autosaveTimer: false,
      revision: false,
    });
  }

  get displayName(): string {
    return this.fileName ?? this.t('desktop:file.untitled');
  }

  /** Handles the File menu's commands and files handed over by the shell; returns the undo. */
  attach(): () => void {
    const bus = this.platform.commands;
    const off = [
      bus.handle('new', () => this.newScenario()),
      bus.handle('open', () => this.open()),
      bus.handle('save', () => this.save()),
      bus.handle('save-as', () => this.saveAs()),
      bus.handle('open-file', (file) => this.openFile(file)),
      bus.handle('recover', (file) => this.recover(file)),
    ];
    this.report();
    return () => {
      clearTimeout(this.autosaveTimer);
      off.forEach((undo) => undo());
    };
  }

  edited(): void {
    this.revision++;
    this.dirty = true;
    this.report();
    clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => void this.autosave(), this.autosaveMs);
  }

  newScenario(): void {
    if (!this.mayDiscard()) return;
    this.model.reset();
    this.becomeClean(null, null);
  }

  async open(): Promise<void> {
    if (!this.mayDiscard()) return;
    const file = await this.platform.openScenario();
    if (file) this.load(file);
  }

  openFile(file: PlatformFile): void {
    if (this.mayDiscard()) this.load(file);
  }

  async openRecent(token: string): Promise<void> {
    if (!this.mayDiscard()) return;
    this.load(await this.platform.openRecent(token));
  }

  /** Unsaved work from before a crash comes back unsaved, attached to its file when it had one. */
  recover(file: RecoveredFile): void {
    if (this.model.restore) this.model.restore(file.text);
    else this.model.load(file.text, file.name);
    this.token = file.token;
    this.fileName = file.name;
    this.dirty = true;
    this.report();
    const time = new Date(file.savedAt).toLocaleString();
    this.platform.status.info(this.t('desktop:file.recovered', { name: file.name, time }));
  }

  save(): Promise<boolean> {
    return this.write((request) => this.platform.saveScenario(request));
  }

  saveAs(): Promise<boolean> {
    return this.write((request) => this.platform.saveScenarioAs(request));
  }

  private async write(
    saving: (request: { token: string | null; suggestedName: string; text: string }) => Promise<SavedFile | null>,
  ): Promise<boolean> {
    const revision = this.revision;
    const saved = await saving({
      token: this.token,
      suggestedName: this.fileName ?? this.model.suggestedName(),
      text: this.model.serialize(),
    });
    if (!saved) return false;
    runInAction(() => {
      this.token = saved.token;
      this.fileName = saved.name;
      // An edit made while the save dialog was open is not in the file: it stays unsaved.
      this.dirty = revision !== this.revision;
    });
    this.report();
    if (!this.dirty) {
      clearTimeout(this.autosaveTimer);
      await this.platform.writeRecovery(null);
    }
    this.platform.status.info(this.t('desktop:file.saved', { name: saved.name }));
    return true;
  }

  private load(file: PlatformFile): void {
    this.model.load(file.text, file.name);
    this.becomeClean(file.token, file.name);
    this.platform.status.clear();
  }

  private becomeClean(token: string | null, fileName: string | null): void {
    clearTimeout(this.autosaveTimer);
    this.revision++;
    this.token = token;
    this.fileName = fileName;
    this.dirty = false;
    this.report();
    void this.platform.writeRecovery(null);
  }

  private mayDiscard(): boolean {
    return !this.dirty || this.confirm(this.t('desktop:file.confirmDiscard', { name: this.displayName }));
  }

  private async autosave(): Promise<void> {
    if (!this.dirty) return;
    await this.platform.writeRecovery({ token: this.token, name: this.displayName, text: this.model.serialize() });
  }

  private report(): void {
    this.platform.setDocumentState({ dirty: this.dirty, name: this.displayName });
  }
}
