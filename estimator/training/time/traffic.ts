import { KERNELS_PER_LAYER } from '../constants/compute';
import { isLoraTarget } from '../parameters';
import type { Linear, Shape } from '../shape';
import type { ActivationRegime } from '../memory/regime';

/**
 * HBM bytes the elementwise kernels of one layer's forward move per token, counted from the Transformers code
 * (each kernel reads its inputs and writes its output): RMSNorm's upcast, pow, mean, two multiplies; autocast's
 * casts of linear inputs; RoPE; SiLU and the gating product; the residual adds; PEFT's casts, scaling and add.
 * `replicated` is repeated on every tensor-parallel rank (unless sequence parallel), `sharded` is split.
 */
export interface LayerTraffic {
  replicated: number;
  sharded: number;
  /** Kernels one layer's forward launches (backward launches about twice as many). */
  kernels: number;
}

// Kernel counts per layer forward (see KERNELS_PER_LAYER's source): autocast's input casts, PEFT's per-adapter
// casts/GEMMs/scale/add, and Transformers' loop over experts (gather, 3 GEMMs, activation, product, weight, index_add).
const BASE_KERNELS_PER_LAYER = KERNELS_PER_LAYER.value;
const CAST_KERNELS_PER_LAYER = 10;
const LORA_KERNELS_PER_ADAPTER = 8;
const EXPERT_KERNELS = 10;

/** PEFT per adapter: x.to(fp32) and autocast back to bf16 (12 B per input element), scaling and add (10 B per output). */
function loraBytes(ls: readonly Linear[], r: ActivationRegime): number {
  let bytes = 0;
  for (const l of ls) if (isLoraTarget(l, r.lora.targets)) bytes += l.tokens * (12 * l.in + 10 * l.out);
  return bytes;
}

function loraCount(ls: readonly Linear[], r: ActivationRegime): number {
  let n = 0;
  for (const l of ls) if (isLoraTarget(l, r.lora.targets)) n++;
  return n;
}

/**
 * Megatron-style stacks fuse these kernels (fused RMSNorm, bias-SwiGLU, RoPE, residual add into the norm): each reads
 * its inputs once and writes once, in the compute dtype.
 */
const FUSED_KERNELS_PER_LAYER = 15;

function fusedTraffic(s: Shape, r: ActivationRegime, moe: boolean, localExperts: number): LayerTraffic {
  const h = s.hidden;
  const c = r.compute;
  const a = s.attention;
  const block = moe && s.moe ? s.moe : s.dense;
  return {
    replicated: 2 * (r.residual + c) * h + 2 * (2 * r.residual + c) * h,
    sharded:
      2 * c * (a.heads + a.kvHeads) * a.qkDim +
      (s.gated ? 3 : 2) * c * block.activeWidth +
      (moe ? 4 * c * h * (s.arch.moe?.activeExperts ?? 0) : 0),
    kernels: FUSED_KERNELS_PER_LAYER + (moe ? EXPERT_KERNELS * localExperts : 0),
  };
}

const TRAFFIC = new WeakMap<Shape, Map<number, LayerTraffic>>();

/** Per-token traffic of one layer, memoised per (shape, regime, layer kind, local experts, fused). */
export function layerTraffic(
  s: Shape,
  r: ActivationRegime,
  moe: boolean,
  localExperts: number,
  fused: boolean,
): LayerTraffic {
  const mode = r.inputs === 'perLinear' ? 0 : r.inputs === 'shared' ? 1 : 2;
  const key =
    (((((localExperts * 2 + (moe ? 1 : 0)) * 2 + (fused ? 1 : 0)) * 3 + mode) * 2 + (r.trainable ? 1 : 0)) * 2 +
      (r.lora.targets === 'all-linear' ? 1 : 0)) *
      64 +
    r.residual * 8 +
    r.compute;
  let byKey = TRAFFIC.get(s);
  if (!byKey) {
    byKey = new Map();
    TRAFFIC.set(s, byKey);
  }
  let t = byKey.get(key);
  if (!t) {
    t = fused ? fusedTraffic(s, r, moe, localExperts) : unfusedTraffic(s, r, moe, localExperts);
    byKey.set(key, t);
  }
  return t;
}

function unfusedTraffic(s: Shape, r: ActivationRegime, moe: boolean, localExperts: number): LayerTraffic {
  const h = s.hidden;
  const c = r.compute;
  const a = s.attention;
  const norm = r.residual === 4 ? 28 * h : 36 * h;
  const residualAdd = (r.residual === 4 ? 10 : 6) * h;
  const block = moe && s.moe ? s.moe : s.dense;
  const casts = r.inputs === 'perLinear' ? 6 * h * 5 : 0;
  const rope = 10 * c * (a.heads + a.kvHeads) * a.qkDim;
  const gating = (s.gated ? 5 : 2) * c * block.activeWidth;
  const routing = moe && s.moe ? 4 * c * h * (s.arch.moe?.activeExperts ?? 0) : 0;
  const lora = r.trainable ? 0 : loraBytes(a.linears, r) + loraBytes(block.linears, r);
  const adapters = r.trainable ? 0 : loraCount(a.linears, r) + loraCount(block.linears, r);
  return {
    replicated: 2 * norm + 2 * residualAdd + casts,
    sharded: rope + gating + routing + lora,
    kernels:
      BASE_KERNELS_PER_LAYER +
      (casts > 0 ? CAST_KERNELS_PER_LAYER : 0) +
      LORA_KERNELS_PER_ADAPTER * adapters +
      (moe ? EXPERT_KERNELS * localExperts : 0),
  };
}

/**
 * Cross-entropy over the vocabulary, bytes per token per vocabulary entry, counted like the layers: forward writes
 * bf16 logits (2), upcasts them (2+4), log_softmax reads twice and writes (4+4+4); backward zero-fills and scatters
 * NLL's gradient (4), log_softmax's backward reads two and writes one (12), the cast back reads 4 and writes 2, plus
 * the reduction pass (4). The loss path launches about 20 kernels each way.
 */
export const LOGITS_FORWARD_BYTES_PER_ENTRY = 20;
export const LOGITS_BACKWARD_BYTES_PER_ENTRY = 26;
export const HEAD_KERNELS = 20;
