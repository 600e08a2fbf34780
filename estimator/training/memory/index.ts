import { CUDA_CONTEXT_BYTES, MEMORY_BAND_FRACTION, RESERVED_OVER_ALLOCATED } from '../constants/memory';
import type { Shape } from '../shape';
import type { EstimateInput, FitsConfidence, MemoryBand } from '../types';
import { activationTerms } from './activations';
import type { Framework } from './dtypes';
import {
  fillStageMoments,
  newStageMoments,
  stagePeak,
  stagePeakBytes,
  type StageMoments,
  type StagePeak,
} from './peak';
import type { ActivationRegime } from './regime';
import { stagesOf, type Stage } from './stage';
import { stageStates, type StageStates } from './states';

export interface MemoryResult extends StagePeak {
  /** Peak plus allocator slack plus CUDA context. */
  required: number;
  capacity: number;
  fits: boolean;
  confidence: FitsConfidence;
  /** The band `confidence` was judged with. */
  band: MemoryBand;
  /** Which pipeline stage peaks ('first' or 'last'; 'only' without pipeline parallelism). */
  stage: 'only' | 'first' | 'last';
}

/** A pipeline stage with the model states one of its GPUs holds. */
export interface StagedStates {
  stage: Stage;
  states: StageStates;
}

/** The stages worth checking and their model states (computed once per estimate, shared by memory and time). */
export function stagedStates(s: Shape, input: EstimateInput, framework: Framework, dp: number): StagedStates[] {
  const out: StagedStates[] = [];
  for (const stage of stagesOf(s, input.parallel.pp, input.gradAccum))
    out.push({ stage, states: stageStates(s, stage, input, framework, dp) });
  return out;
}

/** Bytes a training step needs on its busiest GPU, and whether that fits `capacityBytes`. */
/** ±MEMORY_BAND_FRACTION: the band when the caller gives none. */
export const DEFAULT_MEMORY_BAND: MemoryBand = {
  lowerPct: -MEMORY_BAND_FRACTION.value * 100,
  upperPct: MEMORY_BAND_FRACTION.value * 100,
};

/** What must fit for a tensor peak: the peak with the allocator's slack, plus the CUDA context. */
export const requiredFor = (peakBytes: number): number =>
  peakBytes * RESERVED_OVER_ALLOCATED.value + CUDA_CONTEXT_BYTES.value;

/**
 * The most `required` bytes (requiredFor(peak)) may be and still fit with confidence: the band's high end of the
 * peak, with slack and context, within capacity — the test memoryPerGpu's `fits` verdict makes, solved for required.
 */
export const confidentLimit = (capacityBytes: number, band: MemoryBand = DEFAULT_MEMORY_BAND): number =>
  (capacityBytes - CUDA_CONTEXT_BYTES.value) / (1 + band.upperPct / 100) + CUDA_CONTEXT_BYTES.value;

export function memoryPerGpu(
  s: Shape,
  input: EstimateInput,
  regime: ActivationRegime,
  staged: readonly StagedStates[],
  capacityBytes: number,
  band: MemoryBand = DEFAULT_MEMORY_BAND,
): MemoryResult {
  const terms = activationTerms(s, regime, input.attention);
  let best: StagePeak | null = null;
  let bestIndex = 0;
  for (let i = 0; i < staged.length; i++) {
    const st = staged[i];
    if (!st) continue;
    const p = stagePeak(s, st.stage, input, st.states, terms, regime);
    if (!best || p.bytes > best.bytes) {
      best = p;
      bestIndex = i;
    }
  }
  const peak = best as StagePeak;
  const required = requiredFor(peak.bytes);
  const confidence: FitsConfidence =
    requiredFor(peak.bytes * (1 + band.upperPct / 100)) <= capacityBytes
      ? 'fits'
      : requiredFor(peak.bytes * (1 + band.lowerPct / 100)) > capacityBytes
        ? 'does-not-fit'
        : 'tight';
  return {
    bytes: peak.bytes,
    phase: peak.phase,
    breakdown: peak.breakdown,
    required,
    capacity: capacityBytes,
    fits: required <= capacityBytes,
    confidence,
    band,
    stage: staged.length === 1 ? 'only' : bestIndex === 0 ? 'first' : 'last',
  };
}

/**
 * The activation side of each stage's moments for `input` (memory/peak.ts): what variants that only move the model
 * states share. `gradWidth`: bytes of a trainable parameter's gradient (0 for adapters), as its states say.
 */
export function stageMomentsOf(
  s: Shape,
  input: EstimateInput,
  regime: ActivationRegime,
  gradWidth: number,
): StageMoments[] {
  const terms = activationTerms(s, regime, input.attention);
  return stagesOf(s, input.parallel.pp, input.gradAccum).map((st) =>
    fillStageMoments(newStageMoments(), s, st, input, terms, regime, gradWidth),
  );
}

/**
 * What must fit per GPU (`MemoryResult.required`: peak plus allocator slack plus CUDA context), computed like
 * `stagedStates` + `memoryPerGpu` without building the breakdown: the fit advice measures many variants. `moments`:
 * the stages' activation side when the caller has it for this micro-batch shape and regime (stageMomentsOf).
 */
export function requiredBytesPerGpu(
  s: Shape,
  input: EstimateInput,
  regime: ActivationRegime,
  framework: Framework,
  dp: number,
  moments?: readonly StageMoments[],
): number {
  const stages = stagesOf(s, input.parallel.pp, input.gradAccum);
  const terms = moments ? null : activationTerms(s, regime, input.attention);
  let peak = 0;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as Stage;
    const states = stageStates(s, stage, input, framework, dp);
    const m =
      moments?.[i] ??
      fillStageMoments(
        SCRATCH,
        s,
        stage,
        input,
        terms ?? activationTerms(s, regime, input.attention),
        regime,
        states.gradWidth,
      );
    const b = stagePeakBytes(m, states);
    if (b > peak) peak = b;
  }
  return requiredFor(peak);
}

const SCRATCH = newStageMoments();
