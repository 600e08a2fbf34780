import { CUBLAS_WORKSPACES_BYTES } from '../constants/memory';
import type { Shape } from '../shape';
import type { EstimateInput, MemoryBreakdown } from '../types';
import type { ActivationTerms, LayerActivations } from './activations';
import { blockBytes } from './allocator';
import { logitsBytes } from './logits';
import type { ActivationRegime } from './regime';
import { stageLayers, type Stage } from './stage';
import type { StageStates } from './states';

export interface StagePeak {
  bytes: number;
  phase: string;
  breakdown: MemoryBreakdown;
}

/** `total` bytes made of tensors of `unit` bytes each, as the allocator counts them. */
const units = (total: number, unit: number) => (unit >= 1 && total > 0 ? (total / unit) * blockBytes(unit) : total);

/** Saved activation bytes of one layer for one micro-batch of `tokens` on one GPU. */
function layerBytes(
  a: LayerActivations,
  tokens: number,
  seq: number,
  tp: number,
  spDiv: number,
  compute: number,
  hidden: number,
): number {
  const hUnitRep = (tokens * compute * hidden) / spDiv;
  const hUnitShard = (tokens * compute * hidden) / tp;
  return (
    units((tokens * a.replicated) / spDiv, hUnitRep) +
    units((tokens * (a.sharded - a.wide)) / tp, hUnitShard) +
    units((tokens * a.wide) / tp, (tokens * a.wideUnit) / tp) +
    (tokens * a.perSeqToken * seq) / tp
  );
}

/** The largest moment seen so far while scanning one stage (module scratch: estimates run one at a time). */
const best = { bytes: -1, phase: '', w: 0, g: 0, o: 0, a: 0, l: 0, x: 0 };

function consider(phase: string, w: number, g: number, o: number, a: number, l: number, x: number): void {
  const bytes = w + g + o + a + l + x;
  if (bytes <= best.bytes) return;
  best.bytes = bytes;
  best.phase = phase;
  best.w = w;
  best.g = g;
  best.o = o;
  best.a = a;
  best.l = l;
  best.x = x;
}

/**
 * The side of a stage's moments that does not depend on where the model states live: per moment, the activations and
 * logits alive then, for one micro-batch shape and regime (and the gradient width of the weight-gradient transient).
 * Variants that only move the model states (ZeRO stage, offload, data-parallel degree) share it.
 */
export interface StageMoments {
  gc: boolean;
  head: boolean;
  embedding: boolean;
  accumulating: boolean;
  held: number;
  forwardA: number;
  forwardL: number;
  lastA: number;
  firstA: number;
  olderA: number;
  lossA: number;
  lossL: number;
  embeddingA: number;
}

export const newStageMoments = (): StageMoments => ({
  gc: false,
  head: false,
  embedding: false,
  accumulating: false,
  held: 0,
  forwardA: 0,
  forwardL: 0,
  lastA: 0,
  firstA: 0,
  olderA: 0,
  lossA: 0,
  lossL: 0,
  embeddingA: 0,
});

/** Fills `m` with the activation side of each moment of one training step on one GPU of a stage. */
export function fillStageMoments(
  m: StageMoments,
  s: Shape,
  st: Stage,
  input: EstimateInput,
  terms: ActivationTerms,
  r: ActivationRegime,
  gradWidth: number,
): StageMoments {
  const tp = input.parallel.tp;
  const spDiv = input.parallel.sp ? tp : 1;
  const T = input.microBatch * input.seqLen;
  const c = r.compute;
  const h = s.hidden;
  const gc = input.recompute === 'full';
  const dense = layerBytes(terms.dense, T, input.seqLen, tp, spDiv, c, h);
  const moe = terms.moe ? layerBytes(terms.moe, T, input.seqLen, tp, spDiv, c, h) : 0;
  const firstLayer = st.denseLayers > 0 ? dense : moe;
  const lastLayer = st.moeLayers > 0 ? moe : dense;
  const layerInput = blockBytes((T * terms.layerInput) / spDiv);
  const layers = stageLayers(st);
  const perMicro = gc ? layers * layerInput : st.denseLayers * dense + st.moeLayers * moe;
  // The first layer's norm sees a frozen embedding's output under (Q)LoRA: nothing to save there.
  const frozenFirstNorm = !r.trainable && !gc && st.embedding ? blockBytes((T * 4 * h) / spDiv) : 0;
  const acts = st.inFlight * perMicro - frozenFirstNorm;
  const older = (st.inFlight - 1) * perMicro;
  const head = st.head ? (T * terms.head) / spDiv : 0;
  const mask =
    input.attention === 'eager' && input.recompute !== 'selective'
      ? input.microBatch * input.seqLen * input.seqLen * c
      : 0;

  const lb = logitsBytes(c);
  const tv = st.head ? (T * s.vocab) / tp : 0;
  const held = blockBytes(tv * lb.held);
  const fp32 = blockBytes(tv * 4);
  const gradHidden = blockBytes((T * r.residual * h) / spDiv);
  const wide = s.dense.activeWidth / tp;
  const weightGrad = gradWidth > 0 ? (c + gradWidth) * h * wide : 0;
  const transient = blockBytes(T * c * wide) + blockBytes((T * c * h) / spDiv) + weightGrad;

  m.gc = gc;
  m.head = st.head;
  m.embedding = st.embedding;
  m.accumulating = input.gradAccum > 1 || st.inFlight > 1;
  m.held = held;
  m.forwardA = acts + head + mask;
  m.forwardL = held + (lb.forward - lb.held > 4 ? 2 : 1) * fp32;
  m.lastA = acts + (gc ? lastLayer : 0) + gradHidden + transient;
  m.firstA = older + (gc ? layerInput : 0) + firstLayer + gradHidden + transient;
  m.olderA = older;
  m.lossA = acts + head;
  m.lossL = held + 3 * fp32;
  m.embeddingA = older + gradHidden;
  return m;
}

/** Considers every moment of the step into `best`: the model states of `states` with the activations of `m`. */
function scanMoments(m: StageMoments, states: StageStates): void {
  const W = states.weights;
  const O = states.optimizer;
  const ws = CUBLAS_WORKSPACES_BYTES.value + states.buckets;
  const acc = m.accumulating ? states.gradsEnd : 0;
  const copiesSaved = m.gc ? states.copiesHead : states.copiesAll;
  const held = m.held;

  best.bytes = -1;
  consider('forward (loss)', W + states.copiesAll, acc, O, m.forwardA, m.forwardL, ws);
  consider(
    'backward of the last layer',
    W + (m.gc ? states.copiesLayer : copiesSaved - states.copiesHead),
    Math.max(acc, states.gradsHead),
    O,
    m.lastA,
    held,
    ws,
  );
  consider(
    'backward of the first layer',
    W + states.copiesLayer,
    Math.max(acc, states.gradsEnd - states.gradsLayer - states.gradsEmbedding),
    O,
    m.firstA,
    held,
    ws,
  );
  consider('optimizer step', W, states.gradsEnd, O, m.olderA, held, ws);
  if (m.head) consider('loss backward', W + copiesSaved, acc, O, m.lossA, m.lossL, ws);
  if (m.embedding) consider('embedding backward', W, states.gradsEnd, O, m.embeddingA, held, ws);
}

/** Module scratch for the moments of one call (estimates run one at a time). */
const scratch = newStageMoments();

/**
 * Peak allocated bytes on one GPU of a stage: the largest of the moments of one training step (forward end, loss
 * backward, backward of the stage's last and first layer, embedding backward, optimizer step), each summing exactly
 * what is alive then (see ../shared/calibration and README.md of this folder).
 */
export function stagePeak(
  s: Shape,
  st: Stage,
  input: EstimateInput,
  states: StageStates,
  terms: ActivationTerms,
  r: ActivationRegime,
): StagePeak {
  scanMoments(fillStageMoments(scratch, s, st, input, terms, r, states.gradWidth), states);
  const breakdown: MemoryBreakdown = {
    weights: best.w,
    gradients: best.g,
    optimizer: best.o,
    activations: best.a,
    logits: best.l,
    other: best.x,
  };
  return { bytes: best.bytes, phase: best.phase, breakdown };
}

/** The peak bytes of `stagePeak` alone, from moments already filled for this micro-batch shape (allocates nothing). */
export function stagePeakBytes(m: StageMoments, states: StageStates): number {
  scanMoments(m, states);
  return best.bytes;
}
