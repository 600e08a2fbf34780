import type { Gpu } from '../../../catalog/schema/gpu';
import { ATTENTION_BACKWARD_FLOPS_RATIO } from '../constants/compute';
import { attentionFlopsPerToken } from '../flops';
import { isLoraTarget } from '../parameters';
import type { ActivationRegime } from '../memory/regime';
import type { Shape } from '../shape';
import { stageLayers, type Stage } from '../memory/stage';
import type { EstimateInput } from '../types';
import { attentionEfficiency, gemmEfficiency, memoryBytesPerSecond } from './efficiency';
import { HEAD_KERNELS, LOGITS_BACKWARD_BYTES_PER_ENTRY, LOGITS_FORWARD_BYTES_PER_ENTRY, layerTraffic } from './traffic';

/** bitsandbytes NF4 matmul: read 0.5 B/param of NF4, write a 2 B bf16 weight, the GEMM reads it back (QLoRA, arXiv 2305.14314). */
const DEQUANT_BYTES_PER_PARAM = 0.5 + 2 + 2;

/** GPU seconds of one phase by cause, and the kernels the host must launch for it. */
export interface Phase {
  compute: number;
  memory: number;
  kernels: number;
}

export interface MicroBatchPhases {
  forward: Phase;
  backward: Phase;
}

interface LayerWork {
  /** GEMM seconds of one layer's forward, adapters' forward seconds, attention core seconds. */
  gemm: number;
  adapters: number;
  attention: number;
  bytes: number;
  /** QLoRA: seconds to dequantize the layer's NF4 weights to bf16 once (every forward, backward and recompute). */
  dequant: number;
  kernels: number;
}

function layerWork(
  s: Shape,
  input: EstimateInput,
  r: ActivationRegime,
  gpu: Gpu,
  peak: number,
  moe: boolean,
): LayerWork {
  const T = input.microBatch * input.seqLen;
  const { tp, ep, sp } = input.parallel;
  const h = s.hidden;
  const dense = gemmEfficiency(T, h);
  const arch = s.arch.moe;
  const block = moe && s.moe ? s.moe : s.dense;
  const localExperts = arch ? Math.max(1, arch.experts / ep) : 1;
  // Routed experts see T x k / E tokens each, gathered from the ep ranks that share them.
  const expertTokens = arch ? (T * arch.activeExperts * ep) / arch.experts : T;
  const expert = gemmEfficiency(expertTokens, h);
  let gemm = 0;
  let adapters = 0;
  let matrixElements = 0;
  for (let k = 0; k < 2; k++) {
    for (const l of k === 0 ? s.attention.linears : block.linears) {
      matrixElements += (l.in * l.out * (l.copies > 1 ? localExperts : 1)) / tp;
      const flops = (2 * T * l.tokens * l.in * l.out) / tp;
      gemm += flops / (peak * (l.copies > 1 ? expert : dense));
      if (!r.trainable && isLoraTarget(l, r.lora.targets))
        adapters += (2 * T * l.tokens * r.lora.rank * (l.in + l.out)) / tp / (peak * dense);
    }
  }
  const eager = input.attention === 'eager';
  const attnFlops = (T * attentionFlopsPerToken(s, input.seqLen, !eager)) / tp;
  const attention = attnFlops / (peak * (eager ? dense : attentionEfficiency()));
  const t = layerTraffic(s, r, moe, localExperts, tp > 1 || input.parallel.pp > 1);
  const softmax = eager ? (20 * T * input.seqLen * s.attention.heads) / tp : 0;
  const bytes = (T * t.replicated) / (sp ? tp : 1) + (T * t.sharded) / tp + softmax;
  const bw = memoryBytesPerSecond(gpu);
  const dequant = input.method === 'qlora' ? (matrixElements * DEQUANT_BYTES_PER_PARAM) / bw : 0;
  return { gemm, adapters, attention, bytes: bytes / bw, dequant, kernels: t.kernels };
}

/**
 * GPU seconds of one micro-batch's forward and backward on one GPU of a stage. Backward of full training is 2x the
 * forward GEMMs (input and weight gradients); a frozen base needs input gradients only. Full recompute re-runs the
 * layers' forward inside backward; selective re-runs attention.
 */
export function microBatchPhases(
  s: Shape,
  st: Stage,
  input: EstimateInput,
  r: ActivationRegime,
  gpu: Gpu,
  peak: number,
  copyWidth: number,
  trainableElements: number,
): MicroBatchPhases {
  const T = input.microBatch * input.seqLen;
  const tp = input.parallel.tp;
  const dense = layerWork(s, input, r, gpu, peak, false);
  const moe = st.moeLayers > 0 ? layerWork(s, input, r, gpu, peak, true) : dense;
  const L = stageLayers(st);
  const nd = st.denseLayers;
  const nm = st.moeLayers;
  const bw = memoryBytesPerSecond(gpu);

  const headFlops = st.head ? (2 * T * s.vocab * s.hidden) / tp : 0;
  const head = headFlops / (peak * gemmEfficiency(T, s.hidden));
  const vocabEntries = st.head ? (T * s.vocab) / tp : 0;
  const layerGemm = nd * dense.gemm + nm * moe.gemm;
  const adapters = nd * dense.adapters + nm * moe.adapters;
  const attention = nd * dense.attention + nm * moe.attention;
  const elementwise = nd * dense.bytes + nm * moe.bytes;
  const dequant = nd * dense.dequant + nm * moe.dequant;
  const kernels = nd * dense.kernels + nm * moe.kernels;
  // Autocast re-casts every fp32 matrix each forward (read 4 B, write the copy) and each gradient back (read copy, write 4 B).
  const weightCasts = copyWidth > 0 ? (trainableElements * (4 + copyWidth)) / bw : 0;

  const gc = input.recompute === 'full';
  const full = r.trainable;
  const bwdRatio = ATTENTION_BACKWARD_FLOPS_RATIO.value;
  const forward: Phase = {
    compute: layerGemm + head + adapters + attention,
    memory: elementwise + dequant + (vocabEntries * LOGITS_FORWARD_BYTES_PER_ENTRY) / bw + weightCasts,
    kernels: kernels + (st.head ? HEAD_KERNELS : 0) + (copyWidth > 0 ? L * 7 : 0),
  };
  const backward: Phase = {
    compute:
      (full ? 2 : 1) * (layerGemm + head) +
      2 * adapters +
      bwdRatio * attention +
      (gc ? layerGemm + adapters + attention : input.recompute === 'selective' ? attention : 0),
    memory:
      2 * elementwise +
      dequant +
      (vocabEntries * LOGITS_BACKWARD_BYTES_PER_ENTRY) / bw +
      (gc ? elementwise + dequant + weightCasts : 0) +
      (copyWidth > 0 ? weightCasts : 0),
    kernels: (gc ? 3 : 2) * kernels + (st.head ? HEAD_KERNELS : 0),
  };
  return { forward, backward };
}
