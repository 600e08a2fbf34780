import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

/**
 * Unsaved work kept where a crash cannot take it: userData/recovery/document.json, written
 * atomically on every autosave while the document has unsaved changes, removed when it is saved
 * or the user chooses not to save. Finding it at start-up means the app stopped with work unsaved.
 * It keeps the document's path (main's, never the renderer's), so recovered work saves back to
 * the file it came from.
 */
export const recoveryFileSchema = z.strictObject({
  path: z.string().min(1).max(4096).nullable(),
  name: z.string().max(200),
  text: z.string(),
  savedAt: z.iso.datetime(),
});
export type RecoveryFile = z.infer<typeof recoveryFileSchema>;

export class RecoveryStore {
  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  read(): Promise<RecoveryFile | null> {
    return readJsonFile(this.file, recoveryFileSchema, this.log);
  }

  async write(entry: Omit<RecoveryFile, 'savedAt'>, now = new Date()): Promise<void> {
    await writeJsonFile(this.file, { ...entry, savedAt: now.toISOString() } satisfies RecoveryFile);
  }

  async clear(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}
