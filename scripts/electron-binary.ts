import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinary {
  /** Absolute path of the Electron executable, or null when none is installed. */
  path: string | null;
  /** Why there is none (printed by `npm start` and by the skipped Electron e2e tests). */
  reason: string;
  packageDir: string | null;
}

/**
 * Finds the Electron executable without triggering a download: honours
 * ELECTRON_OVERRIDE_DIST_PATH, else reads electron's path.txt (written by its install step).
 */
export function findElectronBinary(): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed (run npm install)', packageDir: null };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  if (!override && !existsSync(pathFile)) {
    return {
      path: null,
      reason: "Electron's binary was never downloaded (its install step did not run or could not reach GitHub)",
      packageDir,
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { path: null, reason: `no Electron executable at ${binary}`, packageDir };
  return { path: binary, reason: 'found', packageDir };
}
