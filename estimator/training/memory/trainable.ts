import { isLoraTarget } from '../parameters';
import type { Linear, Shape } from '../shape';
import type { EstimateInput } from '../types';
import { localCopies, stageLayers, type Split, type Stage } from './stage';

/** Trainable parameters of one GPU of a stage, by part (elements or bytes). */
export interface Parts {
  total: number;
  /** One transformer layer. */
  layer: number;
  embedding: number;
  head: number;
  /** Layer matrices (what autocast copies). */
  matrices: number;
}

function adapterElements(ls: readonly Linear[], sp: Split, lora: EstimateInput['lora']): number {
  let n = 0;
  for (const l of ls) if (isLoraTarget(l, lora.targets)) n += (localCopies(l, sp) * lora.rank * (l.in + l.out)) / sp.tp;
  return n;
}

const ADAPTERS = new WeakMap<Stage, Map<number, Parts>>();

/** LoRA adapters: A (rank x in) and B (out x rank) for each targeted matrix on this GPU. Cached per stage and split. */
export function adapterParts(s: Shape, st: Stage, sp: Split, lora: EstimateInput['lora']): Parts {
  const key = ((sp.tp * 8192 + sp.ep) * 8192 + lora.rank) * 2 + (lora.targets === 'all-linear' ? 1 : 0);
  let byKey = ADAPTERS.get(st);
  if (!byKey) {
    byKey = new Map();
    ADAPTERS.set(st, byKey);
  }
  let p = byKey.get(key);
  if (!p) {
    const attn = adapterElements(s.attention.linears, sp, lora);
    const dense = attn + adapterElements(s.dense.linears, sp, lora);
    const moe = s.moe ? attn + adapterElements(s.moe.linears, sp, lora) : 0;
    const total = st.denseLayers * dense + st.moeLayers * moe;
    p = Object.freeze({ total, layer: st.denseLayers > 0 ? dense : moe, embedding: 0, head: 0, matrices: total });
    byKey.set(key, p);
  }
  return p;
}

/** Adafactor's factored second moment: one row and one column statistic per matrix (Shazeer & Stern 2018). */
export function factoredStateElements(s: Shape, st: Stage, sp: Split, input: EstimateInput): number {
  if (input.method !== 'full') {
    // An adapter pair (rank x in, out x rank) has in + out + 2 x rank statistics for rank x (in + out) weights.
    return (adapterParts(s, st, sp, input.lora).total / input.lora.rank) * 1.1;
  }
  let perLayer = 0;
  for (const l of s.attention.linears) perLayer += l.in + l.out / sp.tp;
  for (const l of s.dense.linears) perLayer += l.in + l.out / sp.tp;
  const vocab = (st.embedding ? 1 : 0) + (st.head && !s.tied ? 1 : 0);
  return stageLayers(st) * perLayer + vocab * (s.vocab / sp.tp + s.hidden);
}
