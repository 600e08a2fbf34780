import type { EstimateInput } from '../types';
import { computeBytes, residualBytes, type Framework } from './dtypes';

/**
 * How a training stack saves activations, read off the Hugging Face + PEFT loop of the calibration:
 * - `perLinear`: autocast over fp32 weights casts a linear's input to bf16 once per linear (q, k and v each save one);
 * - `shared`: weights already in the compute dtype, so every consumer saves the same tensor;
 * - `lora`: PEFT casts the input to the adapter dtype (fp32) and autocast back, so every adapter saves its own copy,
 *   while the frozen base linears save no input at all.
 */
export interface ActivationRegime {
  /** Bytes of the residual stream (the embedding's dtype). */
  residual: number;
  /** Bytes of activations the GEMMs consume and SDPA saves. */
  compute: number;
  /** Full fine-tuning: norm weights and every linear train (their inputs are saved). */
  trainable: boolean;
  inputs: 'perLinear' | 'shared' | 'lora';
  lora: EstimateInput['lora'];
}

export function activationRegime(input: EstimateInput, framework: Framework): ActivationRegime {
  const full = input.method === 'full';
  const compute = computeBytes(input.precision);
  const residual = residualBytes(input.method, input.precision, framework);
  let inputs: ActivationRegime['inputs'] = 'shared';
  if (!full) inputs = compute === 4 ? 'shared' : 'lora';
  else if (residual === 4 && compute === 2) inputs = 'perLinear';
  return { residual, compute, trainable: full, inputs, lora: input.lora };
}
