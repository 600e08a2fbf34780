import type { Linear, Shape } from '../shape';
import { blockBytes } from './allocator';

/** One pipeline stage as one GPU of it sees the model: which layers, and whether it holds the embedding or lm_head. */
export interface Stage {
  readonly denseLayers: number;
  readonly moeLayers: number;
  readonly embedding: boolean;
  readonly head: boolean;
  /** Micro-batches whose activations are alive at once (1F1B: pipeline depth on the first stage). */
  readonly inFlight: number;
}

export interface Split {
  readonly tp: number;
  readonly ep: number;
}

const STAGES = new WeakMap<Shape, Map<number, Stage[]>>();

/**
 * The stages worth checking: with pipeline parallelism the first (embedding, most micro-batches in flight) and the
 * last (lm_head and logits); layers are dealt out evenly, the remainder to the earliest stages. Cached per shape.
 */
export function stagesOf(s: Shape, pp: number, gradAccum: number): Stage[] {
  const inFlight = Math.min(pp, gradAccum);
  const key = pp * 65536 + inFlight;
  let byKey = STAGES.get(s);
  if (!byKey) {
    byKey = new Map();
    STAGES.set(s, byKey);
  }
  let stages = byKey.get(key);
  if (!stages) {
    stages = buildStages(s, pp, inFlight);
    byKey.set(key, stages);
  }
  return stages;
}

function layerSplit(s: Shape, n: number, firstIndex: number) {
  const dense = Math.max(0, Math.min(n, s.denseLayers - firstIndex));
  return { denseLayers: dense, moeLayers: n - dense };
}

function buildStages(s: Shape, pp: number, inFlight: number): Stage[] {
  if (pp === 1) return [{ ...layerSplit(s, s.layers, 0), embedding: true, head: true, inFlight: 1 }];
  const perStage = Math.ceil(s.layers / pp);
  const lastLayers = Math.max(1, s.layers - perStage * (pp - 1));
  return [
    { ...layerSplit(s, perStage, 0), embedding: true, head: false, inFlight },
    { ...layerSplit(s, lastLayers, s.layers - lastLayers), embedding: false, head: true, inFlight: 1 },
  ];
}

export const stageLayers = (st: Stage): number => st.denseLayers + st.moeLayers;

/** Elements of one GPU's share of a linear: TP splits every matrix, EP splits the experts. */
export const localCopies = (l: Linear, sp: Split): number => (l.copies > 1 ? Math.max(1, l.copies / sp.ep) : 1);
export const localElements = (l: Linear, sp: Split): number => (l.in * l.out) / sp.tp;

/** Bytes of `count` tensors of `elements` each at `bytes` per element; `round`: one allocator block each. */
export const tensorBytes = (count: number, elements: number, bytes: number, round: boolean): number =>
  count * (round ? blockBytes(elements * bytes) : elements * bytes);

/** Bytes of the matrices one GPU holds for `dense` dense and `moe` MoE layers (one allocator block each if `round`). */
export function sumStageMatrices(
  s: Shape,
  dense: number,
  moe: number,
  sp: Split,
  bytes: number,
  round: boolean,
): number {
  let attn = 0;
  for (const l of s.attention.linears) attn += tensorBytes(1, localElements(l, sp), bytes, round);
  let d = attn;
  if (dense > 0) for (const l of s.dense.linears) d += tensorBytes(1, localElements(l, sp), bytes, round);
  let m = attn;
  if (moe > 0 && s.moe)
    for (const l of s.moe.linears) m += tensorBytes(localCopies(l, sp), localElements(l, sp), bytes, round);
  return dense * d + (moe > 0 ? moe * m : 0);
}

/** Non-matrix parameters of a stage (norms, biases, MLA norms, router) on one GPU. */
export function stageVectorParams(s: Shape, st: Stage, sp: Split): number {
  const perLayer = 2 * s.hidden + s.attention.vectorParams / sp.tp;
  const router = s.moe ? s.moe.routerParams : 0;
  return stageLayers(st) * perLayer + st.moeLayers * router + (st.head ? s.hidden : 0);
}

/** Embedding and lm_head elements on one GPU of this stage (vocabulary-parallel under TP). */
export function stageVocabTensors(s: Shape, st: Stage, sp: Split): number[] {
  const e = (s.vocab * s.hidden) / sp.tp;
  const out: number[] = [];
  if (st.embedding) out.push(e);
  if (st.head && !s.tied) out.push(e);
  if (st.head && s.tied && !st.embedding) out.push(e);
  return out;
}
