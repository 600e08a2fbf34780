import { FLASH_LSE_BYTES } from '../constants/memory';
import { isLoraTarget } from '../parameters';
import type { Linear, MlpShape, Shape } from '../shape';
import type { AttentionKind } from '../types';
import type { ActivationRegime } from './regime';

/**
 * Bytes one token leaves saved for backward in one layer, split into what tensor parallelism replicates on every
 * rank (norm inputs, the inputs of column-parallel linears; sequence parallelism shards these too) and what it shards.
 */
export interface LayerActivations {
  replicated: number;
  sharded: number;
  /** The FFN-wide part of `sharded`, saved as tensors of `wideUnit` bytes per token (0: sizes vary, e.g. experts). */
  wide: number;
  wideUnit: number;
  /** Saved per token per unit of sequence length (eager attention's score matrices). */
  perSeqToken: number;
}

/** RMSNorm as Transformers writes it: saves its fp32 input (or upcast copy); with a trainable weight, the normalised value. */
const norm = (width: number, r: ActivationRegime) => 4 * width + (r.trainable ? r.residual * width : 0);

/** The saved copies of one input consumed by `consumers` (e.g. q, k, v read the same normed hidden state). */
function inputCopies(width: number, consumers: readonly Linear[], r: ActivationRegime): number {
  if (r.inputs === 'perLinear') return consumers.length * r.compute * width;
  if (r.inputs === 'shared')
    return r.trainable || consumers.some((l) => isLoraTarget(l, r.lora.targets)) ? r.compute * width : 0;
  return consumers.reduce((n, l) => n + (isLoraTarget(l, r.lora.targets) ? 2 * width : 0), 0);
}

/** LoRA's rank-wide intermediates (lora_A outputs saved by lora_B). */
const loraRank = (ls: readonly Linear[], r: ActivationRegime) =>
  r.trainable ? 0 : ls.reduce((n, l) => n + (isLoraTarget(l, r.lora.targets) ? 2 * r.lora.rank * l.tokens : 0), 0);

/** A linear whose input is already in the compute dtype and is saved only if the linear trains (o_proj, down_proj). */
const ownInput = (width: number, l: Linear | undefined, r: ActivationRegime) =>
  !l ? 0 : r.trainable ? r.compute * width : isLoraTarget(l, r.lora.targets) ? 2 * width : 0;

function attention(s: Shape, r: ActivationRegime, kind: AttentionKind): LayerActivations {
  const a = s.attention;
  const h = s.hidden;
  const c = r.compute;
  const ls = a.linears;
  const o = ls[ls.length - 1];
  let replicated = norm(h, r);
  let sharded =
    c * (a.heads * a.qkDim + a.kvHeads * a.qkDim + a.kvHeads * a.vDim + a.heads * a.vDim) +
    FLASH_LSE_BYTES.value * a.heads;
  sharded += ownInput(a.heads * a.vDim, o, r) - (r.trainable ? c * a.heads * a.vDim : 0);
  sharded += loraRank(ls, r);
  const m = s.arch.mla;
  if (a.kind === 'mla' && m) {
    const firstQ = ls[0] as Linear;
    const kvA = ls[m.qLoraRank > 0 ? 2 : 1] as Linear;
    const kvB = ls[m.qLoraRank > 0 ? 3 : 2] as Linear;
    replicated +=
      inputCopies(h, [firstQ, kvA], r) +
      c * (m.kvLoraRank + m.qkRopeHeadDim) +
      norm(m.kvLoraRank, { ...r, residual: 2 });
    replicated += inputCopies(m.kvLoraRank, [kvB], r);
    if (m.qLoraRank > 0)
      replicated +=
        c * m.qLoraRank + norm(m.qLoraRank, { ...r, residual: 2 }) + inputCopies(m.qLoraRank, [ls[1] as Linear], r);
  } else {
    replicated += inputCopies(h, ls.slice(0, 3), r);
  }
  // Eager attention keeps the fp32 softmax output and its bf16 copy for every head and key position.
  const perSeqToken = kind === 'eager' ? a.heads * (4 + c) : 0;
  return { replicated, sharded, wide: 0, wideUnit: 0, perSeqToken };
}

function mlp(s: Shape, m: MlpShape, r: ActivationRegime): LayerActivations {
  const h = s.hidden;
  const c = r.compute;
  const routed = m.linears.filter((l) => l.copies > 1);
  const shared = m.linears.filter((l) => l.copies === 1);
  let replicated = norm(h, r);
  let sharded = 0;
  let wide = 0;
  const block = (ls: readonly Linear[]) => {
    if (ls.length === 0) return;
    const tokens = ls[0]?.tokens ?? 1;
    const width = ls[0]?.out ?? 0;
    const down = ls[ls.length - 1];
    const ins = ls.slice(0, ls.length - 1);
    // gated: gate output (SiLU input), SiLU output and up output (both saved by the product); plain: fc1 output.
    const hidden = (s.gated ? 3 : 1) * c * width;
    const inCopies = inputCopies(h, ins, r);
    if (tokens > 1) sharded += tokens * (inCopies + (r.inputs === 'perLinear' ? c * h : 0) + c * h);
    else replicated += inCopies;
    wide += tokens * (hidden + ownInput(width, down, r));
    sharded += loraRank(ls, r);
  };
  block(routed);
  block(shared);
  if (m.routerParams > 0) replicated += 4 * h + 8 * (m.routerParams / h);
  const wideUnit = routed.length === 0 ? r.compute * m.activeWidth : 0;
  return { replicated, sharded: sharded + wide, wide, wideUnit, perSeqToken: 0 };
}

export interface ActivationTerms {
  dense: LayerActivations;
  moe: LayerActivations | null;
  /** Final norm and lm_head input, per token. */
  head: number;
  /** The layer input a checkpointed layer keeps (the residual stream), per token. */
  layerInput: number;
}

const TERMS = new WeakMap<Shape, Map<number, ActivationTerms>>();

/** Per-token activation terms of a shape under a regime, computed once per (shape, regime, attention kind). */
export function activationTerms(s: Shape, r: ActivationRegime, kind: AttentionKind): ActivationTerms {
  const mode = r.inputs === 'perLinear' ? 0 : r.inputs === 'shared' ? 1 : 2;
  const key =
    ((((r.lora.rank * 2 + (r.lora.targets === 'all-linear' ? 1 : 0)) * 3 + mode) * 2 + (r.trainable ? 1 : 0)) * 8 +
      r.residual) *
      8 *
      2 +
    r.compute * 2 +
    (kind === 'eager' ? 1 : 0);
  let byKey = TERMS.get(s);
  if (!byKey) {
    byKey = new Map();
    TERMS.set(s, byKey);
  }
  let t = byKey.get(key);
  if (!t) {
    t = buildTerms(s, r, kind);
    byKey.set(key, t);
  }
  return t;
}

function buildTerms(s: Shape, r: ActivationRegime, kind: AttentionKind): ActivationTerms {
  const attn = attention(s, r, kind);
  const add = (x: LayerActivations): LayerActivations => ({
    replicated: attn.replicated + x.replicated,
    sharded: attn.sharded + x.sharded,
    wide: x.wide,
    wideUnit: x.wideUnit,
    perSeqToken: attn.perSeqToken,
  });
  const headInput = r.trainable ? r.compute * s.hidden : 0;
  return {
    dense: add(mlp(s, s.dense, r)),
    moe: s.moe ? add(mlp(s, s.moe, r)) : null,
    head: norm(s.hidden, r) + (r.inputs === 'perLinear' || r.trainable ? headInput : 0),
    layerInput: r.residual * s.hidden,
  };
}
