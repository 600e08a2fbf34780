import { readFileSync } from 'node:fs';
import { importCalibrations, type Calibration } from '../confidence';
import type { EstimatorCatalog } from '../training/catalog';

/**
 * The calibrations of `--calibrations FILE` (the JSON the app exports), for `estimate` and `compare`; an error names
 * the option, the file and the field. `read` is replaceable for tests.
 */
export function readCalibrationsFile(
  path: string,
  catalog: EstimatorCatalog,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): { ok: true; calibrations: Calibration[] } | { ok: false; error: string } {
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { ok: false, error: `--calibrations ${path}: cannot be read (${why})` };
  }
  const c = importCalibrations(text, catalog);
  return c.ok ? c : { ok: false, error: `--calibrations ${path}: ${c.errors.join('; ')}` };
}
