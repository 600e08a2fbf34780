import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadShippedGpus } from '../../catalog/index';
import { loadShippedModels } from '../../catalog/models';
import type { EstimatorCatalog } from '../training/catalog';
import { parseCalibration, type CalibrationRow } from '../validation/calibration';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shipped catalog (GPUs and model presets), validated. */
export const shippedCatalog = (): EstimatorCatalog => ({ gpus: loadShippedGpus(), models: loadShippedModels() });

/**
 * Calibration rows: $GPU_PLANNER_CALIBRATION, else ../shared/calibration/measured.jsonl beside the repository,
 * else the vendored copy in estimator/validation/data.
 */
export function loadCalibration(env: NodeJS.ProcessEnv = process.env): { path: string; rows: CalibrationRow[] } {
  const candidates = [
    env.GPU_PLANNER_CALIBRATION,
    resolve(ROOT, '../shared/calibration/measured.jsonl'),
    resolve(ROOT, 'estimator/validation/data/measured.jsonl'),
  ];
  for (const path of candidates) {
    if (path && existsSync(path)) return { path, rows: parseCalibration(readFileSync(path, 'utf8')) };
  }
  throw new Error('no calibration data found (set GPU_PLANNER_CALIBRATION)');
}
