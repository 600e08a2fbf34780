import path from 'node:path';
import { z } from 'zod';

/** userData/recent-files.json: absolute paths, most recent first. */
export const recentFilesSchema = z.strictObject({
  files: z.array(z.string().min(1).max(4096)).max(50),
});

export const MAX_RECENT = 10;

/** The list after opening or saving `file`: it moves to the top, once, and the list keeps its length. */
export function addRecent(
  list: readonly string[],
  file: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const absolute = path.resolve(file);
  const key = samePathKey(platform);
  return [absolute, ...list.filter((f) => key(f) !== key(absolute))].slice(0, MAX_RECENT);
}

// Windows and macOS file systems are case-insensitive by default: C:\A.json and c:\a.json are one file.
function samePathKey(platform: NodeJS.Platform): (p: string) => string {
  return platform === 'linux' ? (p) => p : (p) => p.toLowerCase();
}

/** How a recent file is named in the menu: its name, and its folder when two share a name. */
export function recentLabels(list: readonly string[]): string[] {
  const names = list.map((f) => path.basename(f));
  return list.map((f, i) =>
    names.filter((n) => n === names[i]).length > 1 ? `${names[i]} — ${path.dirname(f)}` : (names[i] as string),
  );
}
