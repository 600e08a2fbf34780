import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/**
 * The shell's own small files in userData (window position, recent files, language, recovery).
 * A missing, unreadable or malformed file reads as null and is logged: the app starts with
 * defaults rather than refusing to start over a file it wrote itself.
 */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  log: (line: string) => void = () => undefined,
): Promise<T | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`could not read ${file}: ${String(error)}`);
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    log(`ignoring ${file}: not JSON (${String(error)})`);
    return null;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    log(`ignoring ${file}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return null;
  }
  return parsed.data;
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
