import type { Gpu } from '../../catalog/schema/gpu';
import type { AdviceContext, Remedy, RemedyCode } from './advice';
import { adviseFit, gbText } from './advice';
import { bridgeCards, crossesBridge } from './communication';
import type { MemoryResult } from './memory';
import type { StepTime } from './throughput';
import type { EstimateInput, MemoryBand, NoteCode, Precision } from './types';

/**
 * The estimate's notes: English text (`notes`) and, one per note, its code and parameters (`noteCodes`) for the app
 * to say them in the user's language. Every code the estimator can emit is in NOTE_CODES, every fit remedy in
 * REMEDY_CODES; the renderer's `estimator` namespace has a template for each (`notes.codes.<code>`,
 * `notes.remedies.<code>`) that reads, in English, exactly as the text here (renderer/src/estimator/noteText.test.ts).
 */
export const NOTE_CODES = [
  'precisionNoBf16',
  'precisionNoFp8',
  'tight',
  'doesNotFit',
  'doesNotFitCombined',
  'doesNotFitBoth',
  'doesNotFitNothing',
  'tpSpansNodes',
  'zeroWithPipeline',
  'selectiveWithFlash',
  'bridgeCrossing',
  'pipelineBubble',
  'hostBound',
  'communicationBound',
  'nodePowerCapped',
] as const;
export type NoteCodeName = (typeof NOTE_CODES)[number];

export const REMEDY_CODES = [
  'recompute',
  'microBatch',
  'recomputeMicroBatch',
  'zero',
  'offloadOptimizer',
  'offloadParams',
  'moreGpus',
  'moreGpusZero',
  'biggerGpu',
  'lora',
  'qlora',
] as const satisfies readonly RemedyCode[];

type Params = Record<string, string | number>;

/** What the fit advice needs besides the memory: the context and the input as it ran. */
export interface AdviceRequest {
  ctx: AdviceContext;
  base: EstimateInput;
}

/** Collects the notes of one estimate: English text and code side by side. */
export class Notes {
  readonly text: string[] = [];
  readonly codes: NoteCode[] = [];
  add(code: NoteCodeName, params: Params, text: string): void {
    this.text.push(text);
    this.codes.push({ code, params });
  }
}

/** Step shares above which a note points at the cause (advice thresholds, not physics). */
const BUBBLE_NOTE_SHARE = 0.2;
const HOST_NOTE_SHARE = 0.25;
const COMMUNICATION_NOTE_SHARE = 0.3;

/** Why an input ran at another precision than asked. */
export function precisionNote(gpu: Gpu, requested: Precision, effective: Precision, notes: Notes): void {
  if (requested === effective) return;
  if (requested.startsWith('bf16'))
    notes.add(
      'precisionNoBf16',
      { gpu: gpu.name },
      `${gpu.name} has no bf16: use fp16-mixed (the estimate assumes fp16-mixed with loss scaling)`,
    );
  else
    notes.add(
      'precisionNoFp8',
      { gpu: gpu.name, effective },
      `${gpu.name} has no fp8 tensor cores: the estimate assumes ${effective}`,
    );
}

/** One remedy in English, as the `notes.remedies.<code>` template reads. */
export function remedyText(r: Remedy): string {
  const p = r.params;
  switch (r.code) {
    case 'recompute':
      return `recompute "full" (gradient checkpointing, ${p.gb} GB per GPU)`;
    case 'microBatch':
      return `micro-batch ${p.microBatch} with gradAccum ${p.gradAccum} (${p.gb} GB per GPU)`;
    case 'recomputeMicroBatch':
      return `recompute "full" with micro-batch ${p.microBatch} and gradAccum ${p.gradAccum} (${p.gb} GB per GPU)`;
    case 'zero':
      return `ZeRO-${p.stage} (${p.gb} GB per GPU)`;
    case 'offloadOptimizer':
      return `ZeRO-${p.stage} with the optimizer offloaded to the CPU (${p.gb} GB per GPU)`;
    case 'offloadParams':
      return `ZeRO-3 with optimizer and parameters offloaded to the CPU (${p.gb} GB per GPU)`;
    case 'moreGpus':
      return `${p.gpus} GPUs (${p.gb} GB per GPU)`;
    case 'moreGpusZero':
      return `ZeRO-${p.stage} over ${p.gpus} GPUs (${p.gb} GB per GPU)`;
    case 'biggerGpu':
      return `${p.gpu} instead (${p.gb} GB of its ${p.capacity} GB)`;
    case 'lora':
      return `LoRA (${p.gb} GB per GPU)`;
    case 'qlora':
      return `QLoRA (${p.gb} GB per GPU)`;
  }
}

const KEYS: Map<string, string>[] = [];
/** `remedy2` + `gb` -> `remedy2Gb` (memoised without building a lookup string: notes are built in sweeps). */
function remedyKey(index: number, k: string): string {
  let byName = KEYS[index];
  if (!byName) KEYS[index] = byName = new Map();
  let key = byName.get(k);
  if (key === undefined) {
    key = `remedy${index + 1}${k.charAt(0).toUpperCase()}${k.slice(1)}`;
    byName.set(k, key);
  }
  return key;
}

const PREFIXES = ['remedy1', 'remedy2', 'remedy3', 'remedy4', 'remedy5', 'remedy6', 'remedy7', 'remedy8'];

/** `remedies`, `remedy1`, `remedy1Gb`, ...: a list flattened into one note's params. */
function remedyParams(remedies: readonly Remedy[], out: Params): Params {
  out.remedies = remedies.length;
  for (let i = 0; i < remedies.length; i++) {
    const r = remedies[i] as Remedy;
    out[PREFIXES[i] ?? `remedy${i + 1}`] = r.code;
    for (const k in r.params) out[remedyKey(i, k)] = r.params[k] as string | number;
  }
  return out;
}

/**
 * "does not fit: 98.7 GB needed, 85.9 GB per GPU; try ..." with the remedies that were re-estimated and fit, alone or
 * (`alone` of the params: how many of the listed fit alone) with recompute and micro-batch 1
 * (advice.ts), or "tight: ..." when the accuracy band crosses the capacity. The advice runs only when it does not fit.
 */
/** `±3%` for a symmetric band, `−2.1% / +3%` otherwise. */
export function bandText(band: MemoryBand): string {
  const pct = (v: number) => `${Number(Math.abs(v).toFixed(1))}%`;
  return -band.lowerPct === band.upperPct
    ? `±${pct(band.upperPct)}`
    : `−${pct(band.lowerPct)} / +${pct(band.upperPct)}`;
}

export function fitNote(mem: MemoryResult, advice: AdviceRequest, notes: Notes): void {
  if (mem.confidence === 'fits') return;
  const needed = gbText(mem.required);
  const capacity = gbText(mem.capacity);
  const head = `${needed} GB needed, ${capacity} GB per GPU`;
  if (mem.confidence === 'tight') {
    const band = bandText(mem.band);
    notes.add(
      'tight',
      { needed, capacity, band },
      `tight: ${head}; the estimate's ${band} band crosses the GPU's capacity`,
    );
    return;
  }
  const a = adviseFit(advice.ctx, advice.base, mem);
  if (a.alone.length === 0 && a.combined.length === 0) {
    notes.add(
      'doesNotFitNothing',
      { needed, capacity, maxGpus: a.maxGpus },
      `does not fit: ${head}; nothing tried fits, alone or with recompute "full" and micro-batch 1 (ZeRO, CPU offload, up to ${a.maxGpus} GPUs, a bigger GPU, LoRA, QLoRA): shorten the sequence or pick a smaller model`,
    );
    return;
  }
  const alone = a.alone.map(remedyText).join(' or ');
  if (!a.savers) {
    notes.add('doesNotFit', remedyParams(a.alone, { needed, capacity }), `does not fit: ${head}; try ${alone}`);
    return;
  }
  const sv = a.savers;
  const withText = [
    sv.recompute ? 'recompute "full" (gradient checkpointing)' : '',
    sv.microBatch > 0 ? `micro-batch ${sv.microBatch} and gradAccum ${sv.gradAccum}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const combined = a.combined.map(remedyText).join(' or ');
  const params = remedyParams([...a.alone, ...a.combined], {
    needed,
    capacity,
    withRecompute: sv.recompute ? 1 : 0,
    withMicroBatch: sv.microBatch,
    withGradAccum: sv.gradAccum,
  });
  if (a.alone.length === 0)
    notes.add(
      'doesNotFitCombined',
      params,
      `does not fit: ${head}; no single change fits: with ${withText}, try ${combined}`,
    );
  else {
    params.alone = a.alone.length;
    notes.add('doesNotFitBoth', params, `does not fit: ${head}; try ${alone}; or, with ${withText}, ${combined}`);
  }
}

/** Warnings about the layout and where the time goes. */
export function layoutNotes(input: EstimateInput, gpu: Gpu, step: StepTime, notes: Notes): void {
  const { tp, pp, zero } = input.parallel;
  if (tp > input.gpusPerNode)
    notes.add('tpSpansNodes', { tp }, `tp (${tp}) spans nodes: every layer's all-reduces go over the network`);
  if (pp > 1 && zero >= 2)
    notes.add(
      'zeroWithPipeline',
      {},
      'DeepSpeed does not combine ZeRO-2/3 with pipeline parallelism; the estimate shards as asked',
    );
  if (input.recompute === 'selective' && input.attention === 'flash')
    notes.add(
      'selectiveWithFlash',
      {},
      'selective recompute saves no memory with flash attention (it drops the attention scores flash never stores)',
    );
  if (gpu.link.kind === 'nvlink-bridge') bridgeNote(input, gpu, notes);
  const b = step.breakdown;
  const t = step.stepSeconds;
  if (b.pipelineBubble > BUBBLE_NOTE_SHARE * t) {
    const share = Math.round((100 * b.pipelineBubble) / t);
    notes.add('pipelineBubble', { share }, `pipeline bubble is ${share}% of the step: raise gradAccum well above pp`);
  }
  if (b.hostOverhead > HOST_NOTE_SHARE * t)
    notes.add(
      'hostBound',
      {},
      'the GPU waits on kernel launches for a large share of the step: a larger micro-batch would use it better',
    );
  if (b.communication > COMMUNICATION_NOTE_SHARE * t) {
    const share = Math.round((100 * b.communication) / t);
    notes.add(
      'communicationBound',
      { share },
      `communication is ${share}% of the step: a faster interconnect or fewer GPUs per model copy would help`,
    );
  }
}

/** NVLink-bridged cards: when a collective group of the node spans more cards than one bridge joins. */
function bridgeNote(input: EstimateInput, gpu: Gpu, notes: Notes): void {
  const { tp, pp } = input.parallel;
  const dp = input.gpus / (tp * pp);
  const tpInNode = Math.min(tp, input.gpusPerNode);
  const dpInNode = Math.min(dp, Math.max(1, Math.floor(input.gpusPerNode / tpInNode)));
  if (!crossesBridge(gpu, tpInNode) && !crossesBridge(gpu, dpInNode, tpInNode)) return;
  const cards = bridgeCards(gpu);
  notes.add(
    'bridgeCrossing',
    { cards, gpu: gpu.name },
    `NVLink bridges join ${cards} cards (${gpu.name}): collectives over more cards of a node cross PCIe between bridges`,
  );
}

/** When the system's rating caps the node's mean draw. */
export function powerNote(capped: boolean, nodeMaxWatts: number | null, notes: Notes): void {
  if (!capped || nodeMaxWatts === null) return;
  const watts = Math.round(nodeMaxWatts);
  notes.add(
    'nodePowerCapped',
    { watts },
    `the node's mean draw is held to its rating (nodeMaxWatts ${watts} W): the GPUs would run power-limited`,
  );
}
