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
  const intra = intraNodeLink(gpu);
  const tpLink = tp <= perNode ? intra : groupLink(gpu, link, perNode, tp, perNode);
  const dpRanksPerNode = Math.max(1, Math.min(dp, Math.floor(perNode / Math.min(tp, perNode))));
  const dpLink = groupLink(gpu, link, perNode, dp, dpRanksPerNode);
  const epLink = groupLink(
    gpu,
    link,
    perNode,
    ep,
    Math.max(1, Math.min(ep, Math.floor(perNode / Math.min(tp, perNode)))),
  );
  const ppLink = tp * dp >= perNode ? groupLink(gpu, link, perNode, 2, 1) : intra;

  let slowest = { micro: 0, compute: 0, memory: 0, overhead: 0, comm: 0, backward: 0, forward: 0 };
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
      };
      elements = states.trainableElementsPerGpu;
      gradWidth = states.gradWidth > 0 ? states.gradWidth : 4;
      weightWidth = framework === 'hf' ? gradWidth : 2;
    }
  }

  // Data parallelism: DDP/ZeRO-1 reduce once per step; ZeRO-2/3 reduce-scatter every micro-batch, ZeRO-3 also
  // gathers the weights for forward and backward of every micro-batch. Bucketed overlap hides most of it.
  const grads = elements * gradWidth;
  const weights = elements * weightWidth;
  let perMicro = 0;
  let perStep = 0;
  if (zero === 0) perStep = allReduceSeconds(grads, dp, dpLink);
  else if (zero === 1) perStep = gatherSeconds(grads, dp, dpLink) + gatherSeconds(weights, dp, dpLink);
  else if (zero === 2) {
    perMicro = gatherSeconds(grads, dp, dpLink);
    perStep = gatherSeconds(weights, dp, dpLink);
  } else perMicro = gatherSeconds(grads, dp, dpLink) + 2 * gatherSeconds(weights, dp, dpLink);
  const overlap = DP_OVERLAP_FRACTION.value;
  const hideable = zero === 3 ? slowest.forward + slowest.backward : slowest.backward;
  const microExposed = Math.max(0, perMicro - overlap * hideable);
  const stepExposed = Math.max(0, perStep - overlap * slowest.backward);
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
