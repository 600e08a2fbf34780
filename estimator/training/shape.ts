import type { Architecture } from '../../catalog/schema/model';

/** Which LoRA target class a linear belongs to (PEFT names: q,k,v,o = attention; gate,up,down = MLP). */
export type LoraClass = 'attention' | 'mlp';

/** One weight matrix of a layer: `copies` of it exist (experts); each token passes through `tokens` of them. */
export interface Linear {
  readonly in: number;
  readonly out: number;
  readonly copies: number;
  readonly tokens: number;
  readonly lora: LoraClass;
}

export interface AttentionShape {
  readonly kind: 'mha' | 'mla';
  readonly heads: number;
  readonly kvHeads: number;
  /** Query/key width per head and value width per head. */
  readonly qkDim: number;
  readonly vDim: number;
  readonly linears: readonly Linear[];
  /** Biases (Qwen2 qkv) and the extra RMSNorms of MLA's compressed q and kv. */
  readonly vectorParams: number;
}

export interface MlpShape {
  readonly linears: readonly Linear[];
  /** Width of the widest hidden activation a token produces in this block (sum over the experts it visits). */
  readonly activeWidth: number;
  readonly routerParams: number;
}

/** An architecture resolved into the matrices each layer holds. */
export interface Shape {
  readonly arch: Architecture;
  readonly layers: number;
  readonly hidden: number;
  readonly vocab: number;
  readonly tied: boolean;
  readonly gated: boolean;
  readonly attention: AttentionShape;
  readonly denseLayers: number;
  readonly dense: MlpShape;
  readonly moeLayers: number;
  readonly moe: MlpShape | null;
}

const lin = (inDim: number, out: number, lora: LoraClass, copies = 1, tokens = 1): Linear => ({
  in: inDim,
  out,
  copies,
  tokens,
  lora,
});

function attentionShape(a: Architecture): AttentionShape {
  const h = a.hidden;
  if (a.mla) {
    const m = a.mla;
    const qk = m.qkNopeHeadDim + m.qkRopeHeadDim;
    const q =
      m.qLoraRank > 0
        ? [lin(h, m.qLoraRank, 'attention'), lin(m.qLoraRank, a.heads * qk, 'attention')]
        : [lin(h, a.heads * qk, 'attention')];
    return {
      kind: 'mla',
      heads: a.heads,
      kvHeads: a.heads,
      qkDim: qk,
      vDim: m.vHeadDim,
      linears: [
        ...q,
        lin(h, m.kvLoraRank + m.qkRopeHeadDim, 'attention'),
        lin(m.kvLoraRank, a.heads * (m.qkNopeHeadDim + m.vHeadDim), 'attention'),
        lin(a.heads * m.vHeadDim, h, 'attention'),
      ],
      vectorParams: m.qLoraRank + m.kvLoraRank,
    };
  }
  const d = h / a.heads;
  const kvd = a.kvHeads * d;
  return {
    kind: 'mha',
    heads: a.heads,
    kvHeads: a.kvHeads,
    qkDim: d,
    vDim: d,
    linears: [lin(h, h, 'attention'), lin(h, kvd, 'attention'), lin(h, kvd, 'attention'), lin(h, h, 'attention')],
    vectorParams: a.qkvBias ? h + 2 * kvd : 0,
  };
}

function mlp(h: number, width: number, gated: boolean, copies: number, tokens: number): Linear[] {
  return gated
    ? [lin(h, width, 'mlp', copies, tokens), lin(h, width, 'mlp', copies, tokens), lin(width, h, 'mlp', copies, tokens)]
    : [lin(h, width, 'mlp', copies, tokens), lin(width, h, 'mlp', copies, tokens)];
}

function buildShape(a: Architecture): Shape {
  const gated = a.mlp === 'gated';
  const moe = a.moe;
  const moeLayers = moe ? a.layers - moe.denseLayers : 0;
  const moeShape: MlpShape | null = moe
    ? {
        linears: [
          ...mlp(a.hidden, moe.expertIntermediate, gated, moe.experts, moe.activeExperts),
          ...(moe.sharedExperts > 0 ? mlp(a.hidden, moe.expertIntermediate * moe.sharedExperts, gated, 1, 1) : []),
        ],
        activeWidth: moe.expertIntermediate * (moe.activeExperts + moe.sharedExperts),
        routerParams: a.hidden * moe.experts,
      }
    : null;
  return {
    arch: a,
    layers: a.layers,
    hidden: a.hidden,
    vocab: a.vocab,
    tied: a.tiedEmbeddings,
    gated,
    attention: attentionShape(a),
    denseLayers: a.layers - moeLayers,
    dense: { linears: mlp(a.hidden, a.intermediate, gated, 1, 1), activeWidth: a.intermediate, routerParams: 0 },
    moeLayers,
    moe: moeShape,
  };
}

const CACHE = new WeakMap<Architecture, Shape>();

/** The shape of an architecture, computed once per architecture object (sweeps reuse it). */
export function shapeOf(a: Architecture): Shape {
  let s = CACHE.get(a);
  if (!s) {
    s = buildShape(a);
    CACHE.set(a, s);
  }
  return s;
}
