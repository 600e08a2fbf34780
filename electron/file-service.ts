import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportFormat, ExportRequest, ExportedFile, OpenedFile, SaveRequest, SavedFile } from './api';
import { writeFileAtomic } from './atomic-write';
import { reasonFor, type Translate } from './messages';
import { PathTokens } from './path-tokens';

export const SCENARIO_EXTENSION = '.gpuplan.json';
const MAX_SCENARIO_BYTES = 20 * 1024 * 1024;

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native dialogs, passed in so this file never imports Electron (and can be tested in Node). */
export interface Dialogs {
  chooseFileToOpen(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFileToSave(options: { title: string; filters: FileFilter[]; defaultPath: string }): Promise<string | null>;
}

export interface FileServiceOptions {
  dialogs: Dialogs;
  /** The current language's messages (the user may switch while the app runs). */
  t: () => Translate;
  /** Where a never-saved file is offered first (the user's Documents folder). */
  defaultFolder: () => string;
  /** Called with every scenario opened or saved, for Open Recent. */
  remember: (file: string) => void;
}

/** A message for the user, already in their language; main passes it to the renderer as it is. */
export class UserFacingError extends Error {}

/**
 * Opening, saving and exporting files for the renderer. Every path comes from a dialog or from main
 * itself (command line, file manager, recent list); the renderer only ever holds tokens.
 */
export class FileService {
  readonly tokens = new PathTokens();

  constructor(private readonly options: FileServiceOptions) {}

  private get t(): Translate {
    return this.options.t();
  }

  private scenarioFilters(): FileFilter[] {
    return [
      { name: this.t('dialog.scenarioFilter'), extensions: ['gpuplan.json'] },
      { name: this.t('dialog.jsonFilter'), extensions: ['json'] },
    ];
  }

  async open(): Promise<OpenedFile | null> {
    const file = await this.options.dialogs.chooseFileToOpen({
      title: this.t('dialog.openTitle'),
      filters: this.scenarioFilters(),
    });
    return file ? this.openPath(file) : null;
  }

  /** Reads a scenario the user pointed at; a file that is too big, binary or unreadable gets a clear message. */
  async openPath(file: string): Promise<OpenedFile> {
    const name = path.basename(file);
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stat.size > MAX_SCENARIO_BYTES)
        throw new Error(this.t('errors.tooLarge', { size: (stat.size / 1024 / 1024).toFixed(1) }));
      text = decodeText(await fs.readFile(file), this.t);
    } catch (error) {
      throw new UserFacingError(this.t('errors.readFailed', { name, reason: reasonFor(error, this.t) }));
    }
    this.options.remember(file);
    return { token: this.tokens.grant(file), name, text };
  }

  /** Save: the token's file again, without asking; a new document (or an unknown token) asks where. */
  async save(request: SaveRequest): Promise<SavedFile | null> {
    const known = request.token ? this.tokens.resolve(request.token) : undefined;
    return known ? this.writeScenario(known, request.text) : this.saveAs(request);
  }

  async saveAs(request: SaveRequest): Promise<SavedFile | null> {
    const current = request.token ? this.tokens.resolve(request.token) : undefined;
    const chosen = await this.options.dialogs.chooseFileToSave({
      title: this.t('dialog.saveTitle'),
      filters: this.scenarioFilters(),
      defaultPath: current ?? path.join(this.options.defaultFolder(), scenarioFileName(request.suggestedName)),
    });
    if (!chosen) return null;
    return this.writeScenario(/\.json$/i.test(chosen) ? chosen : `${chosen}${SCENARIO_EXTENSION}`, request.text);
  }

  private async writeScenario(file: string, text: string): Promise<SavedFile> {
    await this.write(file, text);
    this.options.remember(file);
    return { token: this.tokens.grant(file), name: path.basename(file) };
  }

  async export(request: ExportRequest): Promise<ExportedFile | null> {
    const file = await this.chooseExportPath(request.format, request.suggestedName);
    if (!file) return null;
    await this.write(file, request.bytes);
    return { name: path.basename(file) };
  }

  /** The save dialog for an export; the caller makes the bytes (a PDF is printed only once a file is chosen). */
  async chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null> {
    const filter = {
      xlsx: 'dialog.xlsxFilter',
      csv: 'dialog.csvFilter',
      pdf: 'dialog.pdfFilter',
      json: 'dialog.jsonFilter',
    }[format];
    const chosen = await this.options.dialogs.chooseFileToSave({
      title: this.t('dialog.exportTitle'),
      filters: [{ name: this.t(filter), extensions: [format] }],
      defaultPath: path.join(this.options.defaultFolder(), withExtension(safeFileName(suggestedName), `.${format}`)),
    });
    return chosen ? withExtension(chosen, `.${format}`) : null;
  }

  async write(file: string, data: string | Uint8Array): Promise<void> {
    try {
      await writeFileAtomic(file, data);
    } catch (error) {
      throw new UserFacingError(
        this.t('errors.writeFailed', { name: path.basename(file), reason: reasonFor(error, this.t) }),
      );
    }
  }
}

/** Text of a scenario file: UTF-8, a leading byte-order mark dropped (Windows Notepad writes one). */
export function decodeText(bytes: Uint8Array, t: Translate): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error(t('errors.notText'));
  }
}

/** A name the user typed, made safe as a file name on every system (no folders, no reserved characters). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.slice(0, 150) || 'scenario';
}

export function scenarioFileName(suggestedName: string): string {
  const base = safeFileName(suggestedName).replace(/\.gpuplan\.json$|\.json$/i, '');
  return `${base || 'scenario'}${SCENARIO_EXTENSION}`;
}

export function withExtension(file: string, extension: string): string {
  return file.toLowerCase().endsWith(extension.toLowerCase()) ? file : `${file}${extension}`;
}
