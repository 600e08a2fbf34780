import type { Gpu } from '../../catalog/schema/gpu';
import type { InterconnectId } from '../../catalog/schema/interconnect';
import {
  allReduceSeconds,
  allToAllSeconds,
  gatherSeconds,
  groupLink,
  intraNodeLink,
  p2pSeconds,
} from './communication';
import { DP_OVERLAP_FRACTION, MEMORY_BANDWIDTH_EFFICIENCY } from './constants/compute';
import type { Framework } from './memory/dtypes';
import type { ActivationRegime } from './memory/regime';
import type { StagedStates } from './memory';
import type { GpuActivity } from './power';
import { stageLayers } from './memory/stage';
import type { Shape } from './shape';
import { hostDispatchSeconds } from './time/efficiency';
import { optimizerSeconds } from './time/optimizerStep';
import { microBatchPhases, type Phase } from './time/phases';
import type { EstimateInput } from './types';

export interface StepTime {
  stepSeconds: number;
  tokensPerStep: number;
  breakdown: { compute: number; memory: number; hostOverhead: number; communication: number; pipelineBubble: number };
  /** Seconds the GPU spends on GEMMs/attention and on HBM traffic per step (for power). */
  gpuComputeSeconds: number;
  gpuMemorySeconds: number;
}

export interface StepContext {
  staged: readonly StagedStates[];
  gpu: Gpu;
  framework: Framework;
  regime: ActivationRegime;
  dp: number;
  peakFlops: number;
  /** The inter-node link (null: one node). */
  link: InterconnectId | null;
}

/**
 * What communication of `comm` seconds adds to a step when it overlaps `window` seconds of compute: whatever the window
 * cannot cover, plus the share of the overlapped part that overlap does not hide (DP_OVERLAP_FRACTION).
 */
export const exposedSeconds = (comm: number, window: number): number =>
  Math.max(0, comm - window) + (1 - DP_OVERLAP_FRACTION.value) * Math.min(comm, Math.max(0, window));

/** A phase takes as long as the slower of the GPU and the host launching its kernels. */
const phaseSeconds = (p: Phase, dispatch: number): number => Math.max(p.compute + p.memory, p.kernels * dispatch);
const hostExcess = (p: Phase, dispatch: number): number => Math.max(0, p.kernels * dispatch - p.compute - p.memory);

/**
 * One optimizer step: gradAccum micro-batches through the slowest pipeline stage (plus the 1F1B bubble of pp - 1
 * micro-batches), tensor-parallel all-reduces and expert all-to-alls on the critical path, the data-parallel gradient
 * reduction overlapped with backward, then the optimizer update.
 */
export function stepTime(s: Shape, input: EstimateInput, ctx: StepContext): StepTime {
  const { gpu, framework, regime, dp } = ctx;
  const { tp, pp, ep, zero } = input.parallel;
  const perNode = input.gpusPerNode;
  const link = ctx.link ?? 'infiniband-ndr';
  const T = input.microBatch * input.seqLen;
  const m = input.gradAccum;
  const c = regime.compute;
  const dispatch = hostDispatchSeconds(gpu.id);
  const gc = input.recompute === 'full';
  // Ranks are laid out tp first, then dp, then pp: a dp or ep group's neighbours sit tp GPUs apart.
  const tpInNode = Math.min(tp, perNode);
  const tpLink = tp <= perNode ? intraNodeLink(gpu, tp) : groupLink(gpu, link, perNode, tp, perNode);
  const dpRanksPerNode = Math.max(1, Math.min(dp, Math.floor(perNode / tpInNode)));
  const dpLink = groupLink(gpu, link, perNode, dp, dpRanksPerNode, tpInNode);
  const epLink = groupLink(gpu, link, perNode, ep, Math.max(1, Math.min(ep, Math.floor(perNode / tpInNode))), tpInNode);
  const ppLink = tp * dp >= perNode ? groupLink(gpu, link, perNode, 2, 1) : intraNodeLink(gpu, 2, tp * dp);

  let slowest = { micro: 0, compute: 0, memory: 0, overhead: 0, comm: 0, backward: 0, forward: 0, layers: 0 };
  let elements = 0;
  let gradWidth = 4;
  let weightWidth = 2;
  for (const { stage: st, states } of ctx.staged) {
    const castElements = states.copyWidth > 0 ? states.copiesAll / states.copyWidth : 0;
    const phases = microBatchPhases(s, st, input, regime, gpu, ctx.peakFlops, states.copyWidth, castElements);
    const f = phases.forward;
    const b = phases.backward;
    const fSeconds = phaseSeconds(f, dispatch);
    const bSeconds = phaseSeconds(b, dispatch);
    const layers = stageLayers(st);
    // Megatron: two all-reduces per layer forward (attention and MLP outputs), two in backward, two more to recompute.
    const tpComm = layers * (gc ? 6 : 4) * allReduceSeconds(T * s.hidden * c, tp, tpLink);
    const moeTokens = s.arch.moe ? s.arch.moe.activeExperts : 0;
    // Expert parallelism: dispatch and combine all-to-alls per MoE layer, forward, backward and recompute.
    const epComm = st.moeLayers * (gc ? 6 : 4) * allToAllSeconds(T * moeTokens * s.hidden * c, ep, epLink);
    const p2p = pp > 1 ? 2 * p2pSeconds((T * s.hidden * c) / (input.parallel.sp ? tp : 1), ppLink) : 0;
    const micro = fSeconds + bSeconds + tpComm + epComm + p2p;
    if (micro > slowest.micro) {
      slowest = {
        micro,
        compute: f.compute + b.compute,
        memory: f.memory + b.memory,
        overhead: hostExcess(f, dispatch) + hostExcess(b, dispatch),
        comm: tpComm + epComm + p2p,
        backward: bSeconds,
        forward: fSeconds,
        layers,
      };
      elements = states.trainableElementsPerGpu;
      gradWidth = states.gradWidth > 0 ? states.gradWidth : 4;
      weightWidth = framework === 'hf' ? gradWidth : 2;
    }
  }

  // Data parallelism (ring collectives over the dp group, communication.ts), each overlapping the compute it runs beside:
  // - DDP all-reduces the gradients in the last micro-batch's backward; ZeRO-1 reduce-scatters them there;
  // - ZeRO-2 reduce-scatters in every micro-batch's backward;
  // - ZeRO-1/2 all-gather the updated 16-bit weights after the optimizer step: exposed in DeepSpeed, overlapped with
  //   the next step's first forward by Megatron's distributed optimizer (--overlap-param-gather);
  // - ZeRO-3 all-gathers every layer's weights in forward and again in backward, and reduce-scatters its gradients in
  //   backward, every micro-batch. Recompute re-runs the forward inside backward with the weights backward gathers
  //   (DeepSpeed keeps them for the reuse, stage3_max_reuse_distance 1e9 by default; FSDP skips the reshard after a
  //   recomputed forward): no third gather, but more compute beside the backward's collectives.
  const grads = elements * gradWidth;
  const weights = elements * weightWidth;
  let forwardComm = 0;
  let backwardComm = 0;
  let lastBackwardComm = 0;
  let afterStepComm = 0;
  if (zero === 0) lastBackwardComm = allReduceSeconds(grads, dp, dpLink);
  else if (zero <= 2) {
    if (zero === 1) lastBackwardComm = gatherSeconds(grads, dp, dpLink);
    else backwardComm = gatherSeconds(grads, dp, dpLink);
    afterStepComm = gatherSeconds(weights, dp, dpLink);
  } else {
    const perLayer = Math.max(1, slowest.layers);
    forwardComm = gatherSeconds(weights, dp, dpLink, perLayer);
    backwardComm = gatherSeconds(weights, dp, dpLink, perLayer) + gatherSeconds(grads, dp, dpLink, perLayer);
  }
  const microExposed = exposedSeconds(forwardComm, slowest.forward) + exposedSeconds(backwardComm, slowest.backward);
  const stepExposed =
    exposedSeconds(lastBackwardComm, slowest.backward) +
    exposedSeconds(afterStepComm, framework === 'megatron' ? slowest.forward : 0);
  const micro = slowest.micro + microExposed;
  const slots = pp > 1 ? m + pp - 1 : m;
  const optimizer = optimizerSeconds(input, framework, gpu, zero >= 1 ? elements / dp : elements, gradWidth);
  const stepSeconds = slots * micro + stepExposed + optimizer;
  return {
    stepSeconds,
    tokensPerStep: dp * m * T,
    breakdown: {
      compute: m * slowest.compute,
      memory: m * slowest.memory + optimizer,
      hostOverhead: m * slowest.overhead,
      communication: m * (slowest.comm + microExposed) + stepExposed,
      pipelineBubble: (slots - m) * micro,
    },
    gpuComputeSeconds: m * slowest.compute,
    gpuMemorySeconds: m * slowest.memory + (input.parallel.offload === 'none' ? optimizer : 0),
  };
}

/**
 * What one GPU does in a step, for the power model: its tensor-kernel and bandwidth-bound seconds (the rest of the step
 * it waits on the host, the network or other stages), and how busy each keeps the hardware. `flopUtilisation` is the
 * step's achieved hardware FLOP/s per GPU over the dense peak; the bandwidth-bound kernels stream at
 * MEMORY_BANDWIDTH_EFFICIENCY by construction of the time model.
 */
export function gpuActivity(t: StepTime, flopUtilisation: number): GpuActivity {
  const tensorSeconds = t.gpuComputeSeconds;
  return {
    stepSeconds: t.stepSeconds,
    tensorSeconds,
    tensorUtilisation: tensorSeconds > 0 ? Math.min(1, (flopUtilisation * t.stepSeconds) / tensorSeconds) : 0,
    memorySeconds: t.gpuMemorySeconds,
    memoryUtilisation: MEMORY_BANDWIDTH_EFFICIENCY.value,
  };
}
