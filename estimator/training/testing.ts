import { loadShippedGpus } from '../../catalog/index';
import { loadShippedModels } from '../../catalog/models';
import type { EstimatorCatalog } from './catalog';
import { estimate } from './estimate';
import { parseEstimateInput } from './input';
import { isEstimateError, type Estimate } from './types';

/** Test helpers: the shipped catalog and an estimate from a raw contract input (throws on errors). */
export const catalog: EstimatorCatalog = { gpus: loadShippedGpus(), models: loadShippedModels() };

export function est(raw: Record<string, unknown>): Estimate {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(p.error);
  const e = estimate(p.input, catalog);
  if (isEstimateError(e)) throw new Error(e.error);
  return e;
}

export const states = (e: Estimate): number =>
  e.memory.breakdown.weights + e.memory.breakdown.gradients + e.memory.breakdown.optimizer;
