import { findGpu, knownIds, resolveModel, type EstimatorCatalog } from './catalog';
import { defaultInterconnect, linkError } from './communication';
import { assumptionsFor } from './constants';
import { flopsPerToken } from './flops';
import { frameworkOf } from './framework';
import { memoryPerGpu, stagedStates } from './memory';
import { activationRegime } from './memory/regime';
import { Notes, fitNote, layoutNotes, powerNote, precisionNote } from './notes';
import { paramCounts, trainableParams } from './parameters';
import { energyKWh, gpuWatts, nodeWatts } from './power';
import { shapeOf } from './shape';
import { gpuActivity, stepTime } from './throughput';
import { effectivePrecision, peakFlops } from './time/efficiency';
import type { Estimate, EstimateError, EstimateInput, EstimateOptions } from './types';

export { frameworkOf };

/** Checks an estimate needs beyond the input schema: ids against the catalog, the layout against the model. */
function layoutError(input: EstimateInput, experts: number | null): string | null {
  const { tp, pp, ep } = input.parallel;
  if (input.gpus % (tp * pp) !== 0) return `parallel.tp: tp x pp (${tp * pp}) must divide gpus (${input.gpus})`;
  const dp = input.gpus / (tp * pp);
  if (dp % ep !== 0) return `parallel.ep: must divide the data-parallel degree gpus / (tp x pp) = ${dp}`;
  if (experts === null && ep > 1) return 'parallel.ep: must be 1 for a dense model (no moe)';
  if (experts !== null && experts % ep !== 0) return `parallel.ep: must divide the number of experts (${experts})`;
  if (input.gpusPerNode > input.gpus || input.gpus % input.gpusPerNode !== 0)
    return `gpusPerNode: must divide gpus (${input.gpus})`;
  return null;
}

/**
 * Memory, time, power and energy of one training configuration (../shared/contracts/estimate.md).
 * Pure and fast: no validation library, no copies of shared data; an input the catalog cannot answer
 * (unknown GPU or preset id, a layout that does not divide, GPUs without a link between them) returns `{ error }`
 * naming the field. `options.memoryBand`: the accuracy band that decides fits / tight / does not fit (the app and the
 * CLI pass the validated one of the configuration's regime, estimator/confidence).
 */
export function estimate(
  input: EstimateInput,
  catalog: EstimatorCatalog,
  options: EstimateOptions = {},
): Estimate | EstimateError {
  const gpu = findGpu(catalog, input.gpu);
  if (!gpu) return { error: `gpu: unknown GPU id "${input.gpu}"; known: ${knownIds(catalog.gpus)}` };
  const model = resolveModel(catalog, input.model);
  if (!model) return { error: `model: unknown preset id "${String(input.model)}"; known: ${knownIds(catalog.models)}` };
  const arch = model.architecture;
  const problem = layoutError(input, arch.moe ? arch.moe.experts : null) ?? linkError(gpu, input);
  if (problem) return { error: problem };

  const precision = effectivePrecision(gpu, input.precision);
  const run: EstimateInput = precision === input.precision ? input : { ...input, precision };
  const s = shapeOf(arch);
  const framework = frameworkOf(run);
  const { tp, pp } = run.parallel;
  const dp = run.gpus / (tp * pp);
  const nodes = Math.ceil(run.gpus / run.gpusPerNode);
  const link = nodes > 1 ? (run.interconnect ?? defaultInterconnect(gpu)) : null;
  const capacity = gpu.memoryGB * 2 ** 30;

  const regime = activationRegime(run, framework);
  const staged = stagedStates(s, run, framework, dp);
  const mem = memoryPerGpu(s, run, regime, staged, capacity, options.memoryBand);
  const peak = peakFlops(gpu, precision);
  const step = stepTime(s, run, { staged, gpu, framework, regime, dp, peakFlops: peak, link });
  const fl = flopsPerToken(s, run);
  const tokensPerSecond = step.tokensPerStep / step.stepSeconds;
  const flopUtil = (fl.hardware * tokensPerSecond) / (run.gpus * peak);
  const watts = gpuWatts(gpu, gpuActivity(step, flopUtil));
  const perNode = Math.min(run.gpus, run.gpusPerNode);
  const maxWatts = run.nodeMaxWatts ?? null;
  const node = nodeWatts(gpu, perNode, watts, maxWatts);
  const cluster = node * nodes;
  const counts = paramCounts(s);
  const trainable = trainableParams(s, run.method, run.lora.rank, run.lora.targets);

  const notes = new Notes();
  precisionNote(gpu, input.precision, precision, notes);
  fitNote(mem, { ctx: { s, gpu, catalog, requested: input.precision, capacity }, base: run }, notes);
  layoutNotes(run, gpu, step, notes);
  powerNote(maxWatts !== null && node < nodeWatts(gpu, perNode, watts, null), maxWatts, notes);

  const tokens = run.trainingTokens;
  const seconds = tokens === null ? 0 : (tokens / step.tokensPerStep) * step.stepSeconds;
  return {
    model,
    gpu: { id: gpu.id, name: gpu.name },
    layout: {
      gpus: run.gpus,
      gpusPerNode: run.gpusPerNode,
      nodes,
      dp,
      tp,
      pp,
      ep: run.parallel.ep,
      sp: run.parallel.sp,
      zero: run.parallel.zero,
      offload: run.parallel.offload,
      interconnect: link,
    },
    precision: { requested: input.precision, effective: precision },
    params: { total: counts.total, trainable, active: counts.active },
    memory: {
      peakBytesPerGpu: mem.bytes,
      breakdown: mem.breakdown,
      capacityBytes: capacity,
      requiredBytesPerGpu: mem.required,
      fits: mem.fits,
      fitsConfidence: mem.confidence,
      peakPhase: mem.stage === 'only' ? mem.phase : `${mem.phase} (${mem.stage} pipeline stage)`,
    },
    throughput: {
      tokensPerSecond,
      stepSeconds: step.stepSeconds,
      mfu: (fl.model * tokensPerSecond) / (run.gpus * peak),
      tokensPerStep: step.tokensPerStep,
      flopsPerToken: fl.model,
      hardwareFlopsPerToken: fl.hardware,
      stepBreakdown: step.breakdown,
    },
    power: { gpuWatts: watts, nodeWatts: node, nodes, clusterWatts: cluster },
    time:
      tokens === null ? null : { seconds, gpuHours: (seconds * run.gpus) / 3600, steps: tokens / step.tokensPerStep },
    energy: tokens === null ? null : { kWh: energyKWh(cluster, seconds) },
    assumptions: assumptionsFor(link),
    notes: notes.text,
    noteCodes: notes.codes,
  };
}
