import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The scenario files a launch asks to open: `gpu-planner plan.gpuplan.json` from a terminal, a
 * double-click in the file manager (Linux .desktop files pass `%U`, so a file:// URL may come), or a
 * second launch forwarded to the first. Chromium switches, the executable and, in development, the
 * app folder are not files; only `.json` names are taken, resolved against the launch's folder.
 */
export function scenarioPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    let candidate = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        candidate = fileURLToPath(arg);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue;
    if (!/\.json$/i.test(candidate)) continue;
    const absolute = path.resolve(cwd, candidate);
    if (!files.includes(absolute)) files.push(absolute);
  }
  return files;
}
