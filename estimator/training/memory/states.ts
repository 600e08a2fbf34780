import { ZERO_REDUCE_BUCKET_ELEMENTS } from '../constants/memory';
import { paramCounts } from '../parameters';
import type { Shape } from '../shape';
import type { EstimateInput } from '../types';
import { adapterStateBytes, frozenBaseBytes, fullStateBytes, type Framework } from './dtypes';
import { stageVectorParams, sumStageMatrices, tensorBytes, type Split, type Stage } from './stage';
import { zeroModelStates } from './zero';
import { adapterParts, factoredStateElements, type Parts } from './trainable';

/** Model states on one GPU of a stage, in bytes. */
export interface StageStates {
  /** Persistent weights: trainable (master) weights and the frozen base. */
  weights: number;
  /** Autocast's half-precision copies of fp32 weights: all of them, one layer's, lm_head's. */
  copiesAll: number;
  copiesLayer: number;
  copiesHead: number;
  /** Gradients alive at the end of backward; of one layer, of the embedding, of lm_head. */
  gradsEnd: number;
  gradsLayer: number;
  gradsEmbedding: number;
  gradsHead: number;
  optimizer: number;
  /** Persistent framework buffers (DDP gradient buckets, DeepSpeed's reduce bucket). */
  buckets: number;
  /** Bytes of one trainable parameter's gradient and of its half-precision weight copy (0: none). */
  gradWidth: number;
  copyWidth: number;
  /** Trainable parameters this GPU holds before ZeRO partitions them (TP/PP/EP applied). */
  trainableElementsPerGpu: number;
}

const PARTS = new WeakMap<Stage, Map<number, Parts>>();

/** Full fine-tuning parts of a stage at `bytes` per parameter; `round`: one allocator block per tensor. Cached. */
function fullParts(s: Shape, st: Stage, sp: Split, bytes: number, round: boolean): Parts {
  const key = ((sp.tp * 8192 + sp.ep) * 64 + bytes * 8) * 2 + (round ? 1 : 0);
  let byKey = PARTS.get(st);
  if (!byKey) {
    byKey = new Map();
    PARTS.set(st, byKey);
  }
  let p = byKey.get(key);
  if (!p) {
    p = buildFullParts(s, st, sp, bytes, round);
    byKey.set(key, p);
  }
  return p;
}

function buildFullParts(s: Shape, st: Stage, sp: Split, bytes: number, round: boolean): Parts {
  const vocab = (s.vocab * s.hidden) / sp.tp;
  const embedding = st.embedding ? tensorBytes(1, vocab, bytes, round) : 0;
  const head = st.head && (!s.tied || !st.embedding) ? tensorBytes(1, vocab, bytes, round) : 0;
  const matrices = sumStageMatrices(s, st.denseLayers, st.moeLayers, sp, bytes, round);
  const layer =
    st.denseLayers > 0 ? sumStageMatrices(s, 1, 0, sp, bytes, round) : sumStageMatrices(s, 0, 1, sp, bytes, round);
  return {
    total: matrices + embedding + head + stageVectorParams(s, st, sp) * bytes,
    layer,
    embedding,
    head,
    matrices,
  };
}

export function stageStates(s: Shape, st: Stage, input: EstimateInput, framework: Framework, dp: number): StageStates {
  const sp: Split = { tp: input.parallel.tp, ep: input.parallel.ep };
  const { zero, offload } = input.parallel;
  const full = input.method === 'full';
  // One tensor per parameter in the hf loop: the allocator rounds each weight, gradient and state separately.
  const perTensor = full && zero === 0;
  const largest = paramCounts(s).largestTensor / sp.tp;
  const b = full
    ? fullStateBytes(input.precision, input.optimizer, framework)
    : adapterStateBytes(input.precision, input.optimizer);
  const elements = full ? fullParts(s, st, sp, 1, false) : adapterParts(s, st, sp, input.lora);
  const n = elements.total;
  const stateWidth = b.grad;
  const factored = input.optimizer === 'adafactor' ? factoredStateElements(s, st, sp, input) * stateWidth : 0;
  const z = zeroModelStates(
    n,
    largest,
    factored > 0 ? { ...b, optimizer: b.optimizer + factored / n } : b,
    zero,
    dp,
    offload,
  );
  // Gradient parts: per-tensor blocks (already in bytes) or elements x width.
  const g = perTensor ? fullParts(s, st, sp, b.grad, true) : elements;
  const gk = perTensor ? 1 : b.grad;
  let weights = z.weights;
  let gradsEnd = z.grads;
  let optimizer = z.optimizer;
  if (perTensor) {
    const stateTensors = input.optimizer === 'adamw' ? 2 : input.optimizer === 'sgd' ? 1 : 0;
    weights = fullParts(s, st, sp, b.weight, true).total;
    gradsEnd = g.total;
    if (stateTensors > 0 && offload === 'none')
      optimizer =
        stateTensors * fullParts(s, st, sp, stateWidth, true).total +
        (b.optimizer - stateTensors * stateWidth) * n +
        factored;
  }
  if (!full) weights += frozenBase(s, st, sp, input, dp, largest);
  const gradShare = g.total > 0 ? gradsEnd / (g.total * gk) : 0;
  const c = b.copy > 0 ? (perTensor ? fullParts(s, st, sp, b.copy, true) : elements) : null;
  const ck = perTensor ? 1 : b.copy;
  return {
    weights,
    copiesAll: c ? (c.matrices + c.head) * ck : 0,
    copiesLayer: c ? c.layer * ck : 0,
    copiesHead: c ? c.head * ck : 0,
    gradsEnd,
    gradsLayer: g.layer * gk * gradShare,
    gradsEmbedding: g.embedding * gk * gradShare,
    gradsHead: g.head * gk * gradShare,
    optimizer,
    buckets: buckets(framework, zero, dp, n, b.grad, g.total * gk),
    gradWidth: full ? b.grad : 0,
    copyWidth: full ? b.copy : 0,
    trainableElementsPerGpu: n,
  };
}

/**
 * Persistent communication buffers: PyTorch DDP copies every gradient into its buckets (gradient_as_bucket_view is
 * off by default), DeepSpeed ZeRO-1/2 keeps a reduce bucket of reduce_bucket_size elements.
 */
function buckets(
  framework: Framework,
  zero: number,
  dp: number,
  n: number,
  gradWidth: number,
  gradBytes: number,
): number {
  if (dp <= 1) return 0;
  if (framework === 'hf' && zero === 0) return gradBytes;
  if (framework === 'deepspeed' && zero <= 2) return Math.min(ZERO_REDUCE_BUCKET_ELEMENTS.value, n) * gradWidth;
  return 0;
}

/** The frozen base of (Q)LoRA on one GPU: replicated, or partitioned by ZeRO-3 (gathered a tensor at a time). */
function frozenBase(s: Shape, st: Stage, sp: Split, input: EstimateInput, dp: number, largest: number): number {
  const fb = frozenBaseBytes(input.method, input.precision);
  if (input.parallel.offload === 'optimizer+params') return largest * fb.matrix;
  const vocab = (s.vocab * s.hidden) / sp.tp;
  const vocabTensors = (st.embedding ? 1 : 0) + (st.head && (!s.tied || !st.embedding) ? 1 : 0);
  const base =
    fullParts(s, st, sp, fb.matrix, input.method !== 'qlora').matrices +
    tensorBytes(vocabTensors, vocab, fb.other, true) +
    stageVectorParams(s, st, sp) * fb.other;
  return input.parallel.zero === 3 ? base / Math.max(1, dp) + largest * fb.matrix : base;
}
