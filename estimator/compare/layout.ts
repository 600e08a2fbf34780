import type { Architecture } from '../../catalog/schema/model';
import type { ParallelInput } from '../scenario/schema';
import type { Estimate, EstimateInput, Offload, ParallelLayout } from '../training';
import type { AbortSignalLike, EstimateFn } from './types';

/**
 * Picks the parallel layout for one option: the fastest that fits, among those a practitioner would
 * run within the option's GPU count.
 *
 * Swept: tp (powers of two inside one node, dividing the heads and KV heads), pp (powers of two
 * dividing the layers' count budget and the GPUs left), ep (MoE only: powers of two dividing the
 * experts and the data-parallel degree), ZeRO 0-3, offload (only where nothing fits without it,
 * since offloading is never faster), and the micro-batch, keeping the sequences each data-parallel
 * rank processes per optimizer step (microBatch × gradAccum) as the workload set them, so the
 * optimization recipe per rank stays the user's. Pipeline stages go with ZeRO 0-1 only (DeepSpeed
 * does not combine ZeRO-2/3 with pipelining; Megatron's distributed optimizer is ZeRO-1-like).
 * Sequence parallelism comes with tp > 1.
 *
 * Ties (within 0.5%) keep the simpler layout: fewer model-parallel GPUs, lower ZeRO stage.
 * A confident fit is preferred to a tight one unless the tight one is more than 10% faster.
 */

export interface LayoutPick {
  readonly input: EstimateInput;
  readonly estimate: Estimate;
}

export interface LayoutResult {
  /** The chosen layout; null when nothing fits. */
  readonly best: LayoutPick | null;
  /** When nothing fits: the layout that came closest (least memory over capacity), for the reason. */
  readonly closest: LayoutPick | null;
  readonly tried: number;
  /** When no candidate could be estimated at all: the estimator's first error. */
  readonly error: string | null;
  readonly notes: readonly string[];
}

const pow2UpTo = (n: number): number[] => {
  const out: number[] = [];
  for (let v = 1; v <= n; v *= 2) out.push(v);
  return out;
};

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

const ZERO_PLAIN: readonly [0 | 1 | 2 | 3, Offload][] = [
  [0, 'none'],
  [1, 'none'],
  [2, 'none'],
  [3, 'none'],
];
const ZERO_OFFLOAD: readonly [0 | 1 | 2 | 3, Offload][] = [
  [1, 'optimizer'],
  [2, 'optimizer'],
  [3, 'optimizer'],
  [3, 'optimizer+params'],
];

/** Candidate layouts for `base` (its gpus, gpusPerNode), simplest first. */
export function* candidates(base: EstimateInput, arch: Architecture | null): Generator<EstimateInput> {
  const gpus = base.gpus;
  const heads = arch?.heads ?? 1;
  const kvHeads = arch?.kvHeads ?? heads;
  const layers = arch?.layers ?? 1;
  const experts = arch?.moe?.experts ?? null;
  const seqsPerRank = base.microBatch * base.gradAccum;
  // Largest micro-batches first would favour speed, but simpler (the user's) first keeps ties sensible.
  const mbs = divisors(seqsPerRank)
    .filter((m) => m <= 64)
    .sort((a, b) => Math.abs(a - base.microBatch) - Math.abs(b - base.microBatch) || b - a)
    .slice(0, 6);
  const tps = pow2UpTo(Math.min(base.gpusPerNode, gpus)).filter(
    (tp) => gpus % tp === 0 && heads % tp === 0 && (arch?.mla ? true : kvHeads % tp === 0),
  );
  for (const tp of tps) {
    const pps = pow2UpTo(Math.min(layers, gpus / tp, 64)).filter((pp) => (gpus / tp) % pp === 0);
    for (const pp of pps) {
      const dp = gpus / (tp * pp);
      const eps = experts === null ? [1] : pow2UpTo(dp).filter((ep) => dp % ep === 0 && experts % ep === 0);
      for (const ep of eps) {
        for (const mb of mbs) {
          const plain = ZERO_PLAIN.filter(([z]) => pp === 1 || z <= 1);
          const offload = ZERO_OFFLOAD.filter(([z]) => pp === 1 || z <= 1);
          for (const set of [plain, offload]) {
            for (const [zero, off] of set) {
              const parallel: ParallelLayout = { tp, pp, ep, sp: tp > 1, zero, offload: off };
              yield { ...base, microBatch: mb, gradAccum: seqsPerRank / mb, parallel };
            }
          }
        }
      }
    }
  }
}

const seconds = (e: Estimate): number => (e.time ? e.time.seconds : 1 / e.throughput.tokensPerSecond);
const overCapacity = (e: Estimate): number => e.memory.requiredBytesPerGpu / e.memory.capacityBytes;

/** The scenario's fixed layout over the estimator's defaults. */
export function givenLayout(base: EstimateInput, fixed: ParallelInput): EstimateInput {
  return {
    ...base,
    parallel: {
      tp: fixed.tp ?? base.parallel.tp,
      pp: fixed.pp ?? base.parallel.pp,
      ep: fixed.ep ?? base.parallel.ep,
      sp: fixed.sp ?? base.parallel.sp,
      zero: fixed.zero ?? base.parallel.zero,
      offload: fixed.offload ?? base.parallel.offload,
    },
  };
}

export function chooseLayout(
  base: EstimateInput,
  arch: Architecture | null,
  estimate: EstimateFn,
  fixed: ParallelInput | null,
  signal?: AbortSignalLike,
): LayoutResult {
  if (fixed) {
    const input = givenLayout(base, fixed);
    const e = estimate(input);
    if ('error' in e) return { best: null, closest: null, tried: 1, error: e.error, notes: [] };
    const pick = { input, estimate: e };
    return e.memory.fits
      ? { best: pick, closest: null, tried: 1, error: null, notes: [] }
      : { best: null, closest: pick, tried: 1, error: null, notes: [] };
  }

  let tried = 0;
  let firstError: string | null = null;
  let bestSure: LayoutPick | null = null;
  let bestTight: LayoutPick | null = null;
  let closest: LayoutPick | null = null;
  // Skip the offload variants of a (tp, pp, ep, micro-batch) group once a plain layout of it fits.
  let groupKey = '';
  let groupFits = false;
  for (const input of candidates(base, arch)) {
    signal?.throwIfAborted();
    const p = input.parallel;
    const key = `${p.tp}/${p.pp}/${p.ep}/${input.microBatch}`;
    if (key !== groupKey) {
      groupKey = key;
      groupFits = false;
    }
    if (p.offload !== 'none' && groupFits) continue;
    tried += 1;
    const e = estimate(input);
    if ('error' in e) {
      firstError ??= e.error;
      continue;
    }
    const pick = { input, estimate: e };
    if (!e.memory.fits) {
      if (!closest || overCapacity(e) < overCapacity(closest.estimate)) closest = pick;
      continue;
    }
    groupFits = true;
    const better = (cur: LayoutPick | null) => !cur || seconds(e) < seconds(cur.estimate) * 0.995;
    if (e.memory.fitsConfidence === 'tight') {
      if (better(bestTight)) bestTight = pick;
    } else if (better(bestSure)) bestSure = pick;
  }

  const notes: string[] = [];
  let best = bestSure;
  if (bestTight && (!bestSure || seconds(bestTight.estimate) < seconds(bestSure.estimate) * 0.9)) {
    best = bestTight;
    notes.push(
      bestSure
        ? `chose a layout whose memory is tight (more than 10% faster than the best comfortable one); check it on the hardware`
        : `memory is tight in every layout that fits; check it on the hardware`,
    );
  }
  return {
    best,
    closest: best ? null : closest,
    tried,
    error: best || closest ? null : firstError,
    notes,
  };
}

/** A short description: "tp 2 · pp 1 · dp 4 · ZeRO-1 · microBatch 2 × gradAccum 1". */
export function describeLayout(input: EstimateInput): string {
  const p = input.parallel;
  const dp = input.gpus / (p.tp * p.pp);
  const parts = [`${input.gpus} GPU${input.gpus === 1 ? '' : 's'}`, `tp ${p.tp}`, `pp ${p.pp}`, `dp ${dp}`];
  if (p.ep > 1) parts.push(`ep ${p.ep}`);
  if (p.sp) parts.push('sp');
  parts.push(p.zero ? `ZeRO-${p.zero}` : 'no ZeRO');
  if (p.offload !== 'none') parts.push(`offload ${p.offload}`);
  parts.push(`microBatch ${input.microBatch} × gradAccum ${input.gradAccum}`);
  return parts.join(' · ');
}

/** Memoizes an estimator on the fields that change the answer (the sweep repeats layouts across options). */
export function memoize(estimate: EstimateFn): EstimateFn {
  const cache = new Map<string, ReturnType<EstimateFn>>();
  return (input) => {
    const key = JSON.stringify(input);
    let r = cache.get(key);
    if (!r) {
      r = estimate(input);
      if (cache.size > 50_000) cache.clear();
      cache.set(key, r);
    }
    return r;
  };
}
