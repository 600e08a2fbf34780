import type { Linear, MlpShape, Shape } from './shape';
import type { LoraTargets, Method } from './types';

/** Parameter counts of a shape; "layer" figures are per layer of that kind. */
export interface ParamCounts {
  total: number;
  /** Parameters a token touches (MoE: routed experts it visits, shared experts, router; both embeddings). */
  active: number;
  /** Matrix parameters a token multiplies with (lm_head included, the embedding lookup not): 2 FLOPs each. */
  matmulPerToken: number;
  embedding: number;
  head: number;
  attentionLayer: number;
  denseLayer: number;
  moeLayer: number;
  /** Largest single weight tensor (DeepSpeed's "largest layer" for ZeRO-3 gathering). */
  largestTensor: number;
  /** Expert parameters (split by expert parallelism). */
  experts: number;
}

const matrixParams = (ls: readonly Linear[]) => ls.reduce((n, l) => n + l.in * l.out * l.copies, 0);
const activeMatrixParams = (ls: readonly Linear[]) => ls.reduce((n, l) => n + l.in * l.out * l.tokens, 0);
const biggest = (ls: readonly Linear[]) => ls.reduce((n, l) => Math.max(n, l.in * l.out), 0);

function mlpParams(m: MlpShape) {
  return { total: matrixParams(m.linears) + m.routerParams, active: activeMatrixParams(m.linears) + m.routerParams };
}

const CACHE = new WeakMap<Shape, ParamCounts>();

export function paramCounts(s: Shape): ParamCounts {
  const cached = CACHE.get(s);
  if (cached) return cached;
  const h = s.hidden;
  const attn = matrixParams(s.attention.linears) + s.attention.vectorParams + 2 * h;
  const dense = mlpParams(s.dense);
  const moe = s.moe ? mlpParams(s.moe) : { total: 0, active: 0 };
  const embedding = s.vocab * h;
  const head = s.tied ? 0 : s.vocab * h;
  const attnMatmul = activeMatrixParams(s.attention.linears);
  const counts: ParamCounts = {
    total: s.denseLayers * (attn + dense.total) + s.moeLayers * (attn + moe.total) + embedding + head + h,
    active: s.denseLayers * (attn + dense.active) + s.moeLayers * (attn + moe.active) + embedding + head + h,
    matmulPerToken: s.layers * attnMatmul + s.denseLayers * dense.active + s.moeLayers * moe.active + s.vocab * h,
    embedding,
    head,
    attentionLayer: attn,
    denseLayer: attn + dense.total,
    moeLayer: attn + moe.total,
    largestTensor: Math.max(
      embedding,
      biggest(s.attention.linears),
      biggest(s.dense.linears),
      s.moe ? biggest(s.moe.linears) : 0,
    ),
    experts: s.moe ? s.moeLayers * matrixParams(s.moe.linears.filter((l) => l.copies > 1)) : 0,
  };
  CACHE.set(s, counts);
  return counts;
}

const targeted = (l: Linear, targets: LoraTargets) => targets === 'all-linear' || l.lora === 'attention';

function adapters(ls: readonly Linear[], rank: number, targets: LoraTargets): number {
  let n = 0;
  for (const l of ls) if (targeted(l, targets)) n += rank * (l.in + l.out) * l.copies;
  return n;
}

/** LoRA adapter parameters: rank x (in + out) for every targeted matrix (PEFT: all-linear = every linear but lm_head). */
export function loraParams(s: Shape, rank: number, targets: LoraTargets): { total: number; perLayer: number } {
  const attn = adapters(s.attention.linears, rank, targets);
  const dense = attn + adapters(s.dense.linears, rank, targets);
  const moe = s.moe ? attn + adapters(s.moe.linears, rank, targets) : 0;
  return { total: s.denseLayers * dense + s.moeLayers * moe, perLayer: Math.max(dense, moe) };
}

export function trainableParams(s: Shape, method: Method, rank: number, targets: LoraTargets): number {
  return method === 'full' ? paramCounts(s).total : loraParams(s, rank, targets).total;
}

/** Does this linear get a LoRA adapter? */
export const isLoraTarget = targeted;
