import { ADAM_8BIT_BYTES_PER_PARAM, NF4_BYTES_PER_PARAM } from '../constants/memory';
import type { Method, OptimizerName, Precision } from '../types';

/**
 * Which training stack holds the model states: the Hugging Face loop of the calibration (torch.autocast over fp32
 * weights), DeepSpeed ZeRO (16-bit model, fp32 master and optimizer in the ZeRO optimizer), or Megatron-style
 * tensor/pipeline parallelism (16-bit model, fp32 main grads, fp32 master and optimizer).
 */
export type Framework = 'hf' | 'deepspeed' | 'megatron';

/** Bytes per trainable parameter: persistent weight, autocast working copy, gradient, everything the optimizer holds. */
export interface StateBytes {
  weight: number;
  copy: number;
  grad: number;
  optimizer: number;
  /** ZeRO-3 keeps a gradient partition besides the optimizer's fp32 one (false for DeepSpeed, see memory/zero.ts). */
  stage3GradPartition?: boolean;
}

/** Half-precision bytes the GEMMs read (fp8 linear inputs are 1 byte; fp32 runs without autocast are 4). */
export const computeBytes = (p: Precision): number => (p === 'fp32' ? 4 : 2);

/** Optimizer state bytes per parameter stored in `stateBytes`-wide floats (adafactor: factored, see adafactorBytes). */
export function optimizerStateBytes(opt: OptimizerName, stateBytes: number): number {
  switch (opt) {
    case 'adamw':
      return 2 * stateBytes;
    case 'adamw-8bit':
      return ADAM_8BIT_BYTES_PER_PARAM.value;
    case 'sgd':
      return stateBytes;
    case 'adafactor':
      return 0;
  }
}

const FULL = new Map<Precision, Map<OptimizerName, Map<Framework, StateBytes>>>();

/** Model-state bytes per trainable parameter for full fine-tuning (memoised without building a key: sweeps ask the same few). */
export function fullStateBytes(precision: Precision, opt: OptimizerName, framework: Framework): StateBytes {
  let byOpt = FULL.get(precision);
  if (!byOpt) FULL.set(precision, (byOpt = new Map()));
  let byFramework = byOpt.get(opt);
  if (!byFramework) byOpt.set(opt, (byFramework = new Map()));
  let b = byFramework.get(framework);
  if (!b) {
    b = Object.freeze(buildFullStateBytes(precision, opt, framework));
    byFramework.set(framework, b);
  }
  return b;
}

function buildFullStateBytes(precision: Precision, opt: OptimizerName, framework: Framework): StateBytes {
  if (precision === 'fp32') return { weight: 4, copy: 0, grad: 4, optimizer: optimizerStateBytes(opt, 4) };
  if (precision === 'bf16') return { weight: 2, copy: 0, grad: 2, optimizer: optimizerStateBytes(opt, 2) };
  const states = optimizerStateBytes(opt, 4);
  if (framework === 'hf') return { weight: 4, copy: precision === 'fp8-mixed' ? 1 : 2, grad: 4, optimizer: states };
  // DeepSpeed (stage_1_and_2.py / stage3.py estimators): 16-bit params and grads; fp32 master, fp32 grad partition, states.
  if (framework === 'deepspeed')
    return { weight: 2, copy: 0, grad: 2, optimizer: 4 + 4 + states, stage3GradPartition: false };
  // Megatron: 16-bit params, fp32 main_grad buffer, fp32 master + states in the (distributed) optimizer.
  return { weight: 2, copy: 0, grad: 4, optimizer: 4 + states };
}

const ADAPTER = new Map<Precision, Map<OptimizerName, StateBytes>>();

/** LoRA/QLoRA adapter states (PEFT upcasts adapters to fp32 under mixed precision). Memoised like fullStateBytes. */
export function adapterStateBytes(precision: Precision, opt: OptimizerName): StateBytes {
  let byOpt = ADAPTER.get(precision);
  if (!byOpt) ADAPTER.set(precision, (byOpt = new Map()));
  let b = byOpt.get(opt);
  if (!b) {
    b = Object.freeze(
      precision === 'bf16'
        ? { weight: 2, copy: 0, grad: 2, optimizer: optimizerStateBytes(opt, 2) }
        : precision === 'fp32'
          ? { weight: 4, copy: 0, grad: 4, optimizer: optimizerStateBytes(opt, 4) }
          : { weight: 4, copy: 2, grad: 4, optimizer: optimizerStateBytes(opt, 4) },
    );
    byOpt.set(opt, b);
  }
  return b;
}

const FROZEN_NF4 = Object.freeze({ matrix: NF4_BYTES_PER_PARAM.value, other: 4 });
const FROZEN_FP32 = Object.freeze({ matrix: 4, other: 4 });
const FROZEN_16BIT = Object.freeze({ matrix: 2, other: 2 });

/**
 * Frozen base weights: bytes per matrix parameter and per other parameter (embeddings, norms, biases).
 * QLoRA follows PEFT's prepare_model_for_kbit_training: NF4 matrices, everything else upcast to fp32.
 */
export function frozenBaseBytes(method: Method, precision: Precision): { matrix: number; other: number } {
  if (method === 'qlora') return FROZEN_NF4;
  return precision === 'fp32' ? FROZEN_FP32 : FROZEN_16BIT;
}

/** Residual-stream bytes: the dtype the embedding produces (fp32 master weights make it fp32). */
export function residualBytes(method: Method, precision: Precision, framework: Framework): number {
  if (precision === 'fp32') return 4;
  if (method === 'qlora') return 4;
  if (method === 'lora') return 2;
  return framework === 'hf' && precision !== 'bf16' ? 4 : 2;
}
