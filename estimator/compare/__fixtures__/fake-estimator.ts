import type { Estimate, EstimateInput } from '../../training';
import type { EstimateFn } from '../types';

/**
 * A stand-in estimator with round numbers, so the comparison's arithmetic can be checked by hand:
 * - memory: `needGiB` per GPU for the model states, divided by tp × pp, and by dp under ZeRO-3;
 *   offload of the optimizer halves what is left; fits when ≤ the GPU's memory (80 GiB, or 24 for 4090);
 * - speed: `tokensPerSecondPerGpu` × gpus, 10% slower per doubling of tp, 20% slower with offload;
 * - power: `nodeWatts` per node while training.
 */
export interface FakeSpec {
  readonly needGiB: number;
  readonly tokensPerSecondPerGpu: number;
  readonly nodeWatts: number;
}

const CAPACITY_GIB: Record<string, number> = { 'rtx-4090-24gb': 24, 'v100-sxm2-32gb': 32 };

export function fakeEstimator(spec: FakeSpec, calls: EstimateInput[] = []): EstimateFn {
  return (input) => {
    calls.push(input);
    const { tp, pp, zero, offload } = input.parallel;
    const dp = input.gpus / (tp * pp);
    if (!Number.isInteger(dp)) return { error: 'parallel.tp: tp x pp must divide gpus' };
    const capGiB = CAPACITY_GIB[input.gpu] ?? 80;
    let need = spec.needGiB / (tp * pp);
    if (zero === 3) need /= dp;
    if (offload !== 'none') need /= 2;
    need += input.microBatch; // 1 GiB of activations per sequence
    const slow = (1 - 0.1 * Math.log2(tp)) * (offload !== 'none' ? 0.8 : 1);
    const tokensPerSecond = spec.tokensPerSecondPerGpu * input.gpus * slow;
    const seconds = (input.trainingTokens ?? 0) / tokensPerSecond;
    const nodes = Math.ceil(input.gpus / input.gpusPerNode);
    const cluster = spec.nodeWatts * nodes;
    const GiB = 2 ** 30;
    const e = {
      model: { id: 'fake', name: 'fake model', architecture: {} },
      gpu: { id: input.gpu, name: `GPU ${input.gpu}` },
      layout: {
        gpus: input.gpus,
        gpusPerNode: input.gpusPerNode,
        nodes,
        dp,
        tp,
        pp,
        ep: 1,
        sp: input.parallel.sp,
        zero,
        offload,
        interconnect: nodes > 1 ? input.interconnect : null,
      },
      precision: { requested: input.precision, effective: input.precision },
      params: { total: 1, trainable: 1, active: 1 },
      memory: {
        peakBytesPerGpu: need * GiB,
        breakdown: { weights: 0, gradients: 0, optimizer: 0, activations: 0, logits: 0, other: 0 },
        capacityBytes: capGiB * GiB,
        requiredBytesPerGpu: need * GiB,
        fits: need <= capGiB,
        fitsConfidence: need <= capGiB ? 'fits' : 'does-not-fit',
        peakPhase: 'fake',
      },
      throughput: {
        tokensPerSecond,
        stepSeconds: 1,
        mfu: 0.4,
        tokensPerStep: tokensPerSecond,
        flopsPerToken: 1,
        hardwareFlopsPerToken: 1,
        stepBreakdown: { compute: 1, memory: 0, hostOverhead: 0, communication: 0, pipelineBubble: 0 },
      },
      power: { gpuWatts: 0, nodeWatts: spec.nodeWatts, nodes, clusterWatts: cluster },
      time: { seconds, gpuHours: (seconds * input.gpus) / 3600, steps: 1 },
      energy: { kWh: (cluster / 1000) * (seconds / 3600) },
      assumptions: [],
      notes: [],
    };
    return e as unknown as Estimate;
  };
}
