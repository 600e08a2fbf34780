import type { Framework } from './memory/dtypes';
import type { EstimateInput } from './types';

/** Which stack holds the model states for this layout (see memory/dtypes.ts). */
export const frameworkOf = (input: EstimateInput): Framework =>
  input.parallel.tp > 1 || input.parallel.pp > 1 ? 'megatron' : input.parallel.zero >= 1 ? 'deepspeed' : 'hf';
