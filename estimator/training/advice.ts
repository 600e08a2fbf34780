import type { Gpu } from '../../catalog/schema/gpu';
import type { EstimatorCatalog } from './catalog';
import { CUBLAS_WORKSPACES_BYTES, CUDA_CONTEXT_BYTES, RESERVED_OVER_ALLOCATED } from './constants/memory';
import { frameworkOf } from './framework';
import {
  confidentLimit,
  memoryPerGpu,
  requiredBytesPerGpu,
  stagedStates,
  stageMomentsOf,
  type MemoryResult,
} from './memory';
import { fullStateBytes, type Framework } from './memory/dtypes';
import type { StageMoments } from './memory/peak';
import { activationRegime, type ActivationRegime } from './memory/regime';
import type { Shape } from './shape';
import { effectivePrecision } from './time/efficiency';
import type { EstimateInput, Offload, Precision } from './types';

/**
 * What to change when a setup does not fit: each candidate remedy is re-estimated with the memory half of `estimate`
 * (the same model states, activations and allocator slack, nothing of time or power) and named only if it then fits
 * with confidence (the peak + MEMORY_BAND_FRACTION, the widest validated memory band, within capacity: confidentLimit),
 * with the GB per GPU it needs.
 *
 * Candidates, smallest change first, at most one of each kind and ADVICE_MAX_REMEDIES in all:
 *   recompute "full"; a smaller micro-batch (the largest that fits, same sequences per step); both together;
 *   the lowest higher ZeRO stage that fits (several data-parallel GPUs); the lightest CPU offload that fits;
 *   more GPUs of the same kind, the smallest count that fits (whole nodes beyond one, ZeRO-3 unless pipelined);
 *   the catalog GPU with the least memory that fits; LoRA, else QLoRA.
 * When at most one fits alone and recompute "full" and micro-batch 1 do not fit by themselves, the kinds not yet listed
 * are tried on top of them ("combined": with them, they fit).
 */

export type RemedyCode =
  | 'recompute'
  | 'microBatch'
  | 'recomputeMicroBatch'
  | 'zero'
  | 'offloadOptimizer'
  | 'offloadParams'
  | 'moreGpus'
  | 'moreGpusZero'
  | 'biggerGpu'
  | 'lora'
  | 'qlora';

export interface Remedy {
  code: RemedyCode;
  /** The change (stage, gpus, gpu, ...) and `gb`: GB per GPU it needs, one decimal. */
  params: Record<string, string | number>;
}

/** The changes that cost no hardware, applied together before the remedies of a combined suggestion. */
export interface Savers {
  recompute: boolean;
  /** The micro-batch (1) when it changes, else 0; gradAccum keeps the sequences per step. */
  microBatch: number;
  gradAccum: number;
}

/**
 * `alone`: remedies that fit as the only change, smallest first; `combined`: remedies that fit once `savers` are
 * applied too (only kinds `alone` does not list, up to ADVICE_MAX_REMEDIES in all). Both empty: nothing in reach.
 */
export interface Advice {
  alone: Remedy[];
  savers: Savers | null;
  combined: Remedy[];
  maxGpus: number;
}

/** Advice limits (readability and search effort, not physics). */
export const ADVICE_MAX_REMEDIES = 3;
export const ADVICE_MAX_GPUS = 16384;

export const gbText = (bytes: number): string => (bytes / 1e9).toFixed(1);

/** The memory half of `estimate` for a variant: peak tensors by component, allocator slack and CUDA context. */
export function memoryOf(s: Shape, input: EstimateInput): MemoryResult {
  const framework = frameworkOf(input);
  const dp = input.gpus / (input.parallel.tp * input.parallel.pp);
  const staged = stagedStates(s, input, framework, dp);
  return memoryPerGpu(s, input, activationRegime(input, framework), staged, Infinity);
}

/**
 * The least any variant that changes only where the model states live (ZeRO stage, offload, more GPUs) can need: the
 * activations, logits and cuBLAS workspaces of the moment the input peaks stay the same at that moment, whatever the
 * states, so with no states at all it still needs these, plus allocator slack and context.
 */
export const statesFloorBytes = (m: MemoryResult): number =>
  (m.breakdown.activations + m.breakdown.logits + CUBLAS_WORKSPACES_BYTES.value) * RESERVED_OVER_ALLOCATED.value +
  CUDA_CONTEXT_BYTES.value;

export interface AdviceContext {
  s: Shape;
  gpu: Gpu;
  catalog: EstimatorCatalog;
  /** The precision the input asked for (another GPU may run it where this one falls back). */
  requested: Precision;
  capacity: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The fields a remedy changes; what it does not name stays as in the input. */
interface Change {
  recompute?: 'full';
  microBatch?: number;
  gradAccum?: number;
  method?: EstimateInput['method'];
  precision?: Precision;
  gpus?: number;
  gpusPerNode?: number;
  zero?: 0 | 1 | 2 | 3;
  offload?: Offload;
}

/** One option of a remedy kind: the change and what the note says of it. */
interface Option {
  code: RemedyCode;
  change: Change;
  params: Record<string, string | number>;
}

const NO_KINDS: ReadonlySet<string> = new Set();

/** A copy of an input for the search to change field by field (one fixed shape, whatever shape the input came in). */
function scratchOf(b: EstimateInput): EstimateInput {
  const p = b.parallel;
  return {
    model: b.model,
    method: b.method,
    lora: b.lora,
    precision: b.precision,
    optimizer: b.optimizer,
    seqLen: b.seqLen,
    microBatch: b.microBatch,
    gradAccum: b.gradAccum,
    recompute: b.recompute,
    attention: b.attention,
    gpu: b.gpu,
    gpus: b.gpus,
    gpusPerNode: b.gpusPerNode,
    interconnect: b.interconnect,
    parallel: { tp: p.tp, pp: p.pp, ep: p.ep, sp: p.sp, zero: p.zero, offload: p.offload },
    trainingTokens: b.trainingTokens,
  };
}

/** The catalog's GPUs by memory, smallest first, with their capacity in bytes (computed once per catalog). */
interface Sized {
  gpu: Gpu;
  cap: number;
  slot: number;
}
const BY_MEMORY = new WeakMap<readonly Gpu[], Sized[]>();
function byMemory(gpus: readonly Gpu[]): Sized[] {
  let list = BY_MEMORY.get(gpus);
  if (!list) {
    list = gpus.map((gpu) => ({ gpu, cap: gpu.memoryGB * 2 ** 30, slot: slotOf(gpu) })).sort((a, b) => a.cap - b.cap);
    BY_MEMORY.set(gpus, list);
  }
  return list;
}

/**
 * bf16 and fp16 mixed precision hold the same bytes (16-bit compute copies, fp32 master and states; memory/dtypes.ts):
 * a GPU that falls back from one to the other (V100: no bf16) needs what the input needs.
 */
const sameMemory = (p: Precision): boolean => p === 'bf16-mixed' || p === 'fp16-mixed';

/** PCIe cards (0), edge modules (1) or SXM/OAM modules and superchips (2). */
function slotOf(g: Gpu): number {
  return g.formFactor === 'consumer' || g.formFactor === 'pcie' || g.formFactor === 'nvl'
    ? 0
    : g.formFactor === 'module'
      ? 1
      : 2;
}

/**
 * One search over the remedies of one input. Variants are measured on a scratch copy of the input that each probe
 * resets and changes (the memory functions keep no reference to their input), so a probe allocates little; the
 * variants of the kind being searched are indexed (`bytesAt`), ever stronger as the index grows.
 */
class Search {
  readonly out: Remedy[] = [];
  /** Bytes that fit with confidence: capacity less the accuracy band. */
  readonly limit: number;
  readonly baseRequired: number;
  /** Whether moving the model states (ZeRO, offload, more GPUs) can make it fit at all (statesFloorBytes). */
  readonly statesCanHelp: boolean;
  /** Bytes of the strongest variant the last search measured first. */
  strongest = 0;
  /** Bytes at the input's GPU count with the stage more GPUs would use, when known (the start of the GPU-count search). */
  stageHere: { stage: number; bytes: number } | null = null;
  /** Bytes with ZeRO-3 and optimizer and parameters offloaded at the input's count, when measured: ZeRO-3 as dp grows. */
  offloadAll: number | null = null;
  /** How many remedies to find, and the kinds already suggested elsewhere. */
  max = ADVICE_MAX_REMEDIES;
  skip: ReadonlySet<string> = NO_KINDS;
  private readonly v: EstimateInput;
  /**
   * Whether the kind being searched only moves the model states (ZeRO stage, offload, GPU count): its variants share
   * the activation side of every moment, computed once per framework (memory/peak.ts StageMoments).
   */
  private statesOnly = false;
  private readonly shared: { framework: Framework; regime: ActivationRegime; moments: StageMoments[] }[] = [];
  /** Bytes of the variant the last search found. */
  private found = 0;
  // The kind being searched: options, micro-batches (divisors) or GPU counts (inNode counts in the node, then nodes).
  private mode: 'options' | 'microBatch' | 'gpus' = 'options';
  private options: readonly Option[] = [];
  private divisors: number[] = [];
  private withRecompute = false;
  private inNode = 0;
  private firstInNode = 0;
  private unit = 1;
  private firstNode = 0;
  private nodeStep = 1;
  private perNode = 1;
  private gpuStage: 0 | 1 | 2 | 3 = 3;

  constructor(
    readonly ctx: AdviceContext,
    readonly base: EstimateInput,
    baseMemory: MemoryResult,
  ) {
    this.limit = confidentLimit(ctx.capacity);
    this.v = scratchOf(base);
    this.baseRequired = baseMemory.required;
    this.statesCanHelp = statesFloorBytes(baseMemory) <= this.limit;
  }

  get done(): boolean {
    return this.out.length >= this.max;
  }

  /** Bytes per GPU of the scratch input as it stands. */
  private measure(): number {
    const v = this.v;
    const s = this.ctx.s;
    const framework = frameworkOf(v);
    const dp = v.gpus / (v.parallel.tp * v.parallel.pp);
    if (!this.statesOnly) return requiredBytesPerGpu(s, v, activationRegime(v, framework), framework, dp);
    let shared = null;
    for (const x of this.shared) if (x.framework === framework) shared = x;
    if (!shared) {
      const regime = activationRegime(v, framework);
      const gradWidth = v.method === 'full' ? fullStateBytes(v.precision, v.optimizer, framework).grad : 0;
      shared = { framework, regime, moments: stageMomentsOf(s, v, regime, gradWidth) };
      this.shared.push(shared);
    }
    return requiredBytesPerGpu(s, v, shared.regime, framework, dp, shared.moments);
  }

  /** Bytes per GPU of the input with `c` applied. */
  bytes(c: Change): number {
    const b = this.base;
    const v = this.v;
    v.recompute = c.recompute ?? b.recompute;
    v.microBatch = c.microBatch ?? b.microBatch;
    v.gradAccum = c.gradAccum ?? b.gradAccum;
    v.method = c.method ?? b.method;
    v.precision = c.precision ?? b.precision;
    v.gpus = c.gpus ?? b.gpus;
    v.gpusPerNode = c.gpusPerNode ?? b.gpusPerNode;
    v.parallel.zero = c.zero ?? b.parallel.zero;
    v.parallel.offload = c.offload ?? b.parallel.offload;
    return this.measure();
  }

  add(code: RemedyCode, bytes: number, params: Record<string, string | number>): boolean {
    if (bytes > this.limit) return false;
    params.gb = gbText(bytes);
    this.out.push({ code, params });
    return true;
  }

  private count(i: number): number {
    return i < this.inNode ? this.firstInNode + i * this.unit : (this.firstNode + i - this.inNode) * this.nodeStep;
  }

  private perNodeAt(n: number): number {
    return n <= this.perNode && this.base.gpus <= this.base.gpusPerNode ? n : this.perNode;
  }

  /** Bytes of the i-th variant of the kind being searched. */
  private bytesAt(i: number): number {
    if (this.mode === 'options') return this.bytes((this.options[i] as Option).change);
    const b = this.base;
    const v = this.v;
    v.recompute = this.withRecompute ? 'full' : b.recompute;
    v.microBatch = b.microBatch;
    v.gradAccum = b.gradAccum;
    v.method = b.method;
    v.precision = b.precision;
    v.gpus = b.gpus;
    v.gpusPerNode = b.gpusPerNode;
    v.parallel.zero = b.parallel.zero;
    v.parallel.offload = b.parallel.offload;
    if (this.mode === 'microBatch') {
      const m = this.divisors[i] as number;
      v.microBatch = m;
      v.gradAccum = (b.gradAccum * b.microBatch) / m;
    } else {
      v.gpus = this.count(i);
      v.gpusPerNode = this.perNodeAt(v.gpus);
      v.parallel.zero = this.gpuStage;
    }
    return this.measure();
  }

  /**
   * The smallest index in [0, size) of the kind being searched that fits, or -1. The strongest variant goes first, so a
   * kind of remedy that cannot help costs one evaluation; then a gallop up from the smallest change, then a bisection.
   * The bytes of the answer are left in `found`.
   */
  private smallest(size: number): number {
    if (size <= 0) return -1;
    let hi = size - 1;
    let fHi = this.bytesAt(hi);
    this.strongest = fHi;
    if (fHi > this.limit) return -1;
    if (size === 1) {
      this.found = fHi;
      return 0;
    }
    let lo = 0;
    const f0 = this.bytesAt(0);
    if (f0 <= this.limit) {
      this.found = f0;
      return 0;
    }
    const lim = this.limit;
    for (let step = 1; lo + step < hi; step *= 2) {
      const i = lo + step;
      const f = this.bytesAt(i);
      if (f <= lim) {
        hi = i;
        fHi = f;
        break;
      }
      lo = i;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const f = this.bytesAt(mid);
      if (f <= lim) {
        hi = mid;
        fHi = f;
      } else lo = mid;
    }
    this.found = fHi;
    return hi;
  }

  /**
   * The smallest GPU count (index in [0, size)) that fits, or -1. Memory is convex and rising in x = 1/dp (each moment of
   * the step is a constant plus ZeRO partitions over dp), so the chord between two known points crosses the limit where
   * the count surely fits: from the input's own count (`below`, when its bytes at the searched stage are known) or the
   * first count, to dp -> infinity (`atInfinity`: what ZeRO-3 with everything offloaded keeps, the limit of ZeRO-3's
   * partitions) or the largest count. Then the count below the crossing, then a bisection if need be.
   */
  private smallestCount(size: number, below: number | null, atInfinity: number | null): number {
    const lim = this.limit;
    if (size <= 0) return -1;
    let hi: number;
    let fHi: number;
    if (atInfinity !== null) {
      if (atInfinity > lim) return -1;
      hi = size;
      fHi = atInfinity;
    } else {
      hi = size - 1;
      fHi = this.bytesAt(hi);
      if (fHi > lim) return -1;
    }
    let lo: number;
    let fLo: number;
    if (below !== null) {
      lo = -1;
      fLo = below;
    } else {
      lo = 0;
      fLo = this.bytesAt(0);
      if (fLo <= lim) {
        this.found = fLo;
        return 0;
      }
    }
    if (fLo > fHi) {
      const xHi = this.xAt(hi, size);
      const xLo = this.xAt(lo, size);
      const fHiAnchor = fHi;
      const x = xHi + ((lim - fHi) * (xLo - xHi)) / (fLo - fHi);
      let a = lo;
      let b = hi;
      while (b - a > 1) {
        const m = (a + b) >> 1;
        if (this.xAt(m, size) <= x) b = m;
        else a = m;
      }
      // Under the chord the memory fits: b does, and usually b - 1 does not (then b is the answer). When b's bytes lie
      // on the chord, the convex memory is affine between the ends, so b - 1 lies on it too, above the limit.
      if (b < hi && b > lo) {
        const f = this.bytesAt(b);
        if (f <= lim) {
          hi = b;
          fHi = f;
          const chord = fHiAnchor + ((fLo - fHiAnchor) * (this.xAt(b, size) - xHi)) / (xLo - xHi);
          if (Math.abs(f - chord) <= 1e-9 * chord) lo = b - 1;
        } else lo = b;
      }
      if (hi - 1 > lo) {
        const f = this.bytesAt(hi - 1);
        if (f <= lim) {
          hi -= 1;
          fHi = f;
        } else lo = hi - 1;
      }
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const f = this.bytesAt(mid);
      if (f <= lim) {
        hi = mid;
        fHi = f;
      } else lo = mid;
    }
    if (hi >= size) return -1;
    this.found = fHi;
    return hi;
  }

  /** 1/dp at count index i (-1: the input's own count; size: dp -> infinity). */
  private xAt(i: number, size: number): number {
    const tpp = this.base.parallel.tp * this.base.parallel.pp;
    return i < 0 ? tpp / this.base.gpus : i >= size ? 0 : tpp / this.count(i);
  }

  /** The first of a few remedies, each stronger than the one before, that fits. */
  private firstOf(options: readonly Option[]): void {
    this.mode = 'options';
    this.options = options;
    const i = this.smallest(options.length);
    if (i < 0) return;
    const o = options[i] as Option;
    this.add(o.code, this.found, o.params);
  }

  /** The largest smaller micro-batch that fits, keeping microBatch x gradAccum; `recompute`: with recompute "full". */
  microBatch(code: RemedyCode, recompute: boolean): boolean {
    const { microBatch: mb, gradAccum: ga } = this.base;
    const divisors: number[] = [];
    // Largest first: index 0 is the smallest change, and memory falls further on.
    for (let d = mb - 1; d >= 1; d--) if (mb % d === 0) divisors.push(d);
    this.mode = 'microBatch';
    this.divisors = divisors;
    this.withRecompute = recompute;
    const i = this.smallest(divisors.length);
    if (i < 0) return false;
    const m = divisors[i] as number;
    return this.add(code, this.found, { microBatch: m, gradAccum: (ga * mb) / m });
  }

  zero(): void {
    const { tp, pp, zero } = this.base.parallel;
    if (this.base.gpus / (tp * pp) <= 1) return;
    // DeepSpeed does not pipeline with ZeRO-2/3 (Megatron's distributed optimizer is ZeRO-1-like).
    const top = pp > 1 ? 1 : 3;
    // (Q)LoRA: ZeRO-1/2 shard only the adapters' small states; ZeRO-3 also shards the frozen base.
    const from = this.base.method === 'full' ? zero + 1 : Math.max(zero + 1, top);
    const options: Option[] = [];
    for (let st = from; st <= top; st++)
      options.push({ code: 'zero', change: { zero: st as 1 | 2 | 3 }, params: { stage: st } });
    this.firstOf(options);
    if (options.length) this.stageHere = { stage: top, bytes: this.strongest };
  }

  offload(): void {
    // Offloading to host memory means nothing where the GPU shares the host's memory (Jetson).
    if (this.ctx.gpu.link.kind === 'unified') return;
    const { tp, pp, zero, offload } = this.base.parallel;
    const dp = this.base.gpus / (tp * pp);
    // (Q)LoRA: offloading the adapters' optimizer moves next to nothing; offloading the frozen base does.
    const full = this.base.method === 'full';
    const options: Option[] = [];
    if (offload === 'none' && full) {
      const st = Math.max(zero, pp > 1 ? 1 : 2) as 1 | 2 | 3;
      options.push({ code: 'offloadOptimizer', change: { zero: st, offload: 'optimizer' }, params: { stage: st } });
    }
    if (pp === 1 && offload !== 'optimizer+params') {
      // ZeRO-3 partitions over dp: on one GPU it shards nothing, so only with the parameters offloaded is it stronger.
      if (full && Math.max(zero, 2) < 3 && dp > 1)
        options.push({ code: 'offloadOptimizer', change: { zero: 3, offload: 'optimizer' }, params: { stage: 3 } });
      options.push({ code: 'offloadParams', change: { zero: 3, offload: 'optimizer+params' }, params: {} });
    }
    this.firstOf(options);
    if (options[options.length - 1]?.code === 'offloadParams') this.offloadAll = this.strongest;
  }

  moreGpus(): void {
    const b = this.base;
    const { tp, pp, ep, zero } = b.parallel;
    const linked = this.ctx.gpu.link.gbPerSecond > 0;
    if (!linked && b.interconnect === null) return;
    const single = b.gpus <= b.gpusPerNode;
    // One node grows to 8 GPUs (or its own size when larger); beyond it, whole nodes. No link: one GPU per node.
    const perNode = !linked ? 1 : single ? Math.max(b.gpusPerNode, 8) : b.gpusPerNode;
    const unit = tp * pp * ep;
    // Counts in the node first (multiples of the model-parallel unit), then whole nodes.
    this.perNode = perNode;
    this.unit = unit;
    this.firstInNode = single ? unit * (Math.floor(b.gpus / unit) + 1) : Infinity;
    this.inNode = this.firstInNode <= perNode ? Math.floor((perNode - this.firstInNode) / unit) + 1 : 0;
    this.nodeStep = (unit / gcd(unit, perNode)) * perNode;
    this.firstNode = Math.floor(Math.max(b.gpus, single ? perNode : 0) / this.nodeStep) + 1;
    const size = this.inNode + Math.max(0, Math.floor(ADVICE_MAX_GPUS / this.nodeStep) - this.firstNode + 1);
    const stage = (pp > 1 ? Math.max(zero, 1) : 3) as 1 | 2 | 3;
    this.mode = 'gpus';
    this.gpuStage = stage;
    this.withRecompute = false;
    const here = zero === stage ? this.baseRequired : this.stageHere?.stage === stage ? this.stageHere.bytes : null;
    // Already fits at this count with that stage (the ZeRO remedy says so): more GPUs is no smaller change.
    if (here !== null && here <= this.limit) return;
    // Everything offloaded already: more GPUs shard nothing more.
    if (b.parallel.offload === 'optimizer+params') return;
    const i = this.smallestCount(size, here, stage === 3 && pp === 1 ? this.offloadAll : null);
    if (i < 0) return;
    const n = this.count(i);
    const bytes = this.found;
    const params = { gpus: n, gpusPerNode: this.perNodeAt(n) };
    if (zero === stage) this.add('moreGpus', bytes, params);
    // The stage it has may do at that count (never at fewer: ZeRO-3 needs the least); else ZeRO-3 with them.
    else if (!(zero >= 1 && this.add('moreGpus', this.bytes({ gpus: n, gpusPerNode: params.gpusPerNode }), params)))
      this.add('moreGpusZero', bytes, { ...params, stage });
  }

  /**
   * The catalog GPU that fits with the least memory, preferring the same vendor (its software stack), then the same kind
   * of card (a PCIe card for a PCIe card, an SXM/OAM module for a module), then the same form factor.
   */
  biggerGpu(): void {
    const { gpu, catalog, requested, capacity } = this.ctx;
    const b = this.base;
    const mySlot = slotOf(gpu);
    let otherPrecision: Precision | null = null;
    let otherBytes = 0;
    let best: Sized | null = null;
    let bestKey = Infinity;
    let bestBytes = 0;
    for (const c of byMemory(catalog.gpus)) {
      const g = c.gpu;
      if (c.cap <= capacity || (b.gpus > 1 && !(g.link.gbPerSecond > 0))) continue;
      // One ordering key: vendor, then capacity, then slot, then form factor.
      const k =
        (g.vendor === gpu.vendor ? 0 : 1e15) +
        c.cap * 4 +
        (c.slot === mySlot ? 0 : 2) +
        (g.formFactor === gpu.formFactor ? 0 : 1);
      if (k >= bestKey) continue;
      const p = effectivePrecision(g, requested);
      let bytes = this.baseRequired;
      if (p !== b.precision && !(sameMemory(p) && sameMemory(b.precision))) {
        if (p !== otherPrecision) {
          otherPrecision = p;
          otherBytes = this.bytes({ precision: p });
        }
        bytes = otherBytes;
      }
      if (bytes <= confidentLimit(c.cap)) {
        best = c;
        bestKey = k;
        bestBytes = bytes;
      }
    }
    if (best)
      this.out.push({
        code: 'biggerGpu',
        params: { gpu: best.gpu.name, gpuId: best.gpu.id, capacity: gbText(best.cap), gb: gbText(bestBytes) },
      });
  }

  adapters(): void {
    const m = this.base.method;
    if (m === 'qlora') return;
    const qlora: Option = { code: 'qlora', change: { method: 'qlora' }, params: {} };
    this.firstOf(m === 'full' ? [{ code: 'lora', change: { method: 'lora' }, params: {} }, qlora] : [qlora]);
  }

  /** The list after the savers (recompute, micro-batch): ZeRO, offload, more GPUs, a bigger GPU, adapters. */
  rest(): Remedy[] {
    const skip = this.skip;
    if (this.statesCanHelp) {
      this.statesOnly = true;
      if (!this.done && !skip.has('zero')) this.zero();
      if (!this.done && !skip.has('offload')) this.offload();
      if (!this.done && !skip.has('moreGpus')) this.moreGpus();
      this.statesOnly = false;
    }
    if (!this.done && !skip.has('biggerGpu')) this.biggerGpu();
    if (!this.done && !skip.has('adapters')) this.adapters();
    return this.out;
  }
}

/** Remedies for `base` (the input at the precision its GPU runs), whose memory is `baseMemory`. */
export function adviseFit(ctx: AdviceContext, base: EstimateInput, baseMemory: MemoryResult): Advice {
  const s = new Search(ctx, base, baseMemory);
  const recompute = base.recompute !== 'full';
  const smaller = base.microBatch > 1;
  let fits = false;
  if (recompute) fits = s.add('recompute', s.bytes({ recompute: 'full' }), {});
  if (smaller) fits = s.microBatch('microBatch', false) || fits;
  if (!fits && recompute && smaller) s.microBatch('recomputeMicroBatch', true);
  const alone = s.rest();
  // At most one remedy alone, and something costs nothing to change: the other kinds on top of recompute and
  // micro-batch 1 fill the list.
  if (alone.length > 1 || !(recompute || smaller))
    return { alone, savers: null, combined: [], maxGpus: ADVICE_MAX_GPUS };
  const saved: EstimateInput = {
    ...base,
    recompute: 'full',
    microBatch: 1,
    gradAccum: base.gradAccum * base.microBatch,
  };
  const c = new Search(ctx, saved, memoryOf(ctx.s, saved));
  // When recompute and micro-batch 1 fit by themselves, anything on top of them is no advice.
  if (c.baseRequired <= c.limit) return { alone, savers: null, combined: [], maxGpus: ADVICE_MAX_GPUS };
  c.max = ADVICE_MAX_REMEDIES - alone.length;
  c.skip = new Set(alone.map((r) => KIND_OF[r.code]));
  const combined = c.rest();
  return {
    alone,
    savers: combined.length ? { recompute, microBatch: smaller ? 1 : 0, gradAccum: saved.gradAccum } : null,
    combined,
    maxGpus: ADVICE_MAX_GPUS,
  };
}

/** Which kind of remedy each is (a suggestion lists at most one of each kind). */
const KIND_OF: Readonly<Record<RemedyCode, string>> = {
  recompute: 'savers',
  microBatch: 'savers',
  recomputeMicroBatch: 'savers',
  zero: 'zero',
  offloadOptimizer: 'offload',
  offloadParams: 'offload',
  moreGpus: 'moreGpus',
  moreGpusZero: 'moreGpus',
  biggerGpu: 'biggerGpu',
  lora: 'adapters',
  qlora: 'adapters',
};
