import { loadShippedGpus } from '../../catalog/index';
import { loadShippedModels } from '../../catalog/models';
import type { EstimatorCatalog } from './catalog';
import { estimate } from './estimate';
import { parseEstimateInput } from './input';
import { isEstimateError, type Estimate } from './types';

/** Test helpers: the shipped catalog and an estimate from a raw contract input (throws on errors). */
export const catalog: EstimatorCatalog = { gpus: loadShippedGpus(), models: loadShippedModels() };

/** The 7B LoRA most tests start from: DeepSeek-LLM-7B, rank-16 LoRA, bf16-mixed, 2,048 tokens, one H100 SXM. */
export const LORA_7B_H100 = {
  model: 'deepseek-llm-7b-base',
  method: 'lora',
  precision: 'bf16-mixed',
  seqLen: 2048,
  microBatch: 1,
  gpu: 'h100-sxm5-80gb',
} as const;

/** A raw contract input parsed and defaulted (throws on errors). */
export function parsed(raw: Record<string, unknown>) {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(p.error);
  return p.input;
}

export function est(raw: Record<string, unknown>): Estimate {
  const p = parseEstimateInput(raw);
  if (!p.ok) throw new Error(p.error);
  const e = estimate(p.input, catalog);
  if (isEstimateError(e)) throw new Error(e.error);
  return e;
}

export const states = (e: Estimate): number =>
  e.memory.breakdown.weights + e.memory.breakdown.gradients + e.memory.breakdown.optimizer;
