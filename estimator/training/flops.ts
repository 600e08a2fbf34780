import { ATTENTION_BACKWARD_FLOPS_RATIO } from './constants/compute';
import { loraParams, paramCounts } from './parameters';
import type { Shape } from './shape';
import type { EstimateInput } from './types';

/** Forward FLOPs per token of the attention core (QK^T and AV) per layer, causal: half the square is computed. */
export const attentionFlopsPerToken = (s: Shape, seqLen: number, causalHalf = true): number =>
  (causalHalf ? 1 : 2) * seqLen * s.attention.heads * (s.attention.qkDim + s.attention.vDim);

export interface FlopsPerToken {
  /** Forward FLOPs of the matrices a token passes (2 per multiply-add) and of attention. */
  forwardMatmul: number;
  forwardAttention: number;
  /** Useful training FLOPs (forward + backward, no recompute): MFU counts these. */
  model: number;
  /** What the GPUs execute, recompute included. */
  hardware: number;
}

/**
 * FLOPs per trained token. Full training: 3 x forward (backward = input + weight gradients), i.e. ~6N plus attention.
 * (Q)LoRA: the frozen base needs input gradients only (2 x forward), the adapters train fully.
 * Full recompute adds one forward of the layers; selective recompute one forward of attention.
 */
export function flopsPerToken(s: Shape, input: EstimateInput): FlopsPerToken {
  const p = paramCounts(s);
  const fwdMatmul = 2 * p.matmulPerToken;
  const fwdAttn = s.layers * attentionFlopsPerToken(s, input.seqLen, input.attention === 'flash');
  const bwdAttn = ATTENTION_BACKWARD_FLOPS_RATIO.value * fwdAttn;
  const layerMatmul = fwdMatmul - 2 * s.vocab * s.hidden;
  let model: number;
  let recompute = 0;
  if (input.method === 'full') {
    model = 3 * fwdMatmul + fwdAttn + bwdAttn;
    if (input.recompute === 'full') recompute = layerMatmul + fwdAttn;
  } else {
    const adapters = 2 * loraParams(s, input.lora.rank, input.lora.targets).total * activeAdapterShare(s);
    model = 2 * fwdMatmul + 3 * adapters + fwdAttn + bwdAttn;
    if (input.recompute === 'full') recompute = layerMatmul + adapters + fwdAttn;
  }
  if (input.recompute === 'selective') recompute = fwdAttn;
  return { forwardMatmul: fwdMatmul, forwardAttention: fwdAttn, model, hardware: model + recompute };
}

/** Share of adapter parameters a token passes through (MoE: only the experts it visits). */
function activeAdapterShare(s: Shape): number {
  if (!s.moe) return 1;
  const moe = s.arch.moe;
  return moe ? Math.min(1, (moe.activeExperts + moe.sharedExperts) / moe.experts) : 1;
}

/** Training FLOPs of a run: the 6 x N x tokens rule plus attention (Kaplan et al. 2020; Narayanan et al. 2021). */
export const trainingFlops = (s: Shape, input: EstimateInput, tokens: number): number =>
  flopsPerToken(s, input).model * tokens;
