import type { Offload } from '../types';

/** Bytes per trainable parameter of each model state. */
export interface StateWidths {
  weight: number;
  grad: number;
  optimizer: number;
  /** Whether ZeRO-3 keeps a 16-bit gradient partition besides the optimizer's own (the paper does, DeepSpeed's code does not). */
  stage3GradPartition?: boolean;
}

/**
 * DeepSpeed's current code (stage_1_and_2.py, stage3.py `estimate_zero*_model_states_mem_needs`): 16-bit weights
 * and gradients (2 + 2) and 16 bytes in the ZeRO optimizer (fp32 master, momentum, variance, fp32 gradient
 * partition). The docs' older ZeRO-2 figure (4P + 16P/gpus) is not followed.
 */
export const DEEPSPEED_ADAM: StateWidths = { weight: 2, grad: 2, optimizer: 16, stage3GradPartition: false };
/** The ZeRO paper (arXiv 1910.02054, section 3.1): 2 + 2 + K with K = 12 for mixed-precision Adam. */
export const ZERO_PAPER_ADAM: StateWidths = { weight: 2, grad: 2, optimizer: 12, stage3GradPartition: true };

export interface ModelStates {
  weights: number;
  grads: number;
  optimizer: number;
}

/**
 * Model-state bytes on one GPU for `params` trainable parameters under ZeRO `stage` over `dp` ranks.
 * Stage 1 partitions optimizer states, 2 also gradients, 3 also weights; stage 3 gathers the largest tensor's
 * weights and gradients (`largest` parameters: DeepSpeed's 4 x largest-layer term). Offloading the optimizer moves
 * its states (and from stage 2 on, the gradient partitions) to the host; "optimizer+params" also the weights.
 */
export function zeroModelStates(
  params: number,
  largest: number,
  w: StateWidths,
  stage: number,
  dp: number,
  offload: Offload,
): ModelStates {
  const d = Math.max(1, dp);
  const gather = stage === 3 ? largest : 0;
  const weights =
    offload === 'optimizer+params'
      ? gather * w.weight
      : stage === 3
        ? (params * w.weight) / d + gather * w.weight
        : params * w.weight;
  const partition = stage === 3 && w.stage3GradPartition === false ? 0 : (params * w.grad) / d;
  const grads =
    offload !== 'none' && stage >= 2 ? gather * w.grad : (stage >= 2 ? partition : params * w.grad) + gather * w.grad;
  const optimizer = offload !== 'none' ? 0 : stage >= 1 ? (params * w.optimizer) / d : params * w.optimizer;
  return { weights, grads, optimizer };
}

export const totalStates = (s: ModelStates): number => s.weights + s.grads + s.optimizer;
