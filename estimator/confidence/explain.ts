import type { Assumption } from '../training/constants/constant';
import type { EstimatorCatalog } from '../training/catalog';
import { findGpu } from '../training/catalog';
import { nodeClassOf } from '../training/power';
import { isEstimateError, type Estimate, type EstimateInput } from '../training/types';
import { regimeKeysOf, STORED_BANDS } from './bands';
import type {
  AccuracyBand,
  BandQuantity,
  BandRow,
  Derivation,
  DerivationConstant,
  DerivationId,
  DerivationValue,
  EstimateWithConfidence,
  NearestRow,
} from './types';
import { bandsFor, estimateWithConfidence } from './with-confidence';

/** How many validation rows a derivation lists. */
const NEAREST_ROWS = 3;

/**
 * Distance between a configuration and a validation row: method, recompute and GPU family count as whole steps,
 * model size and tokens per micro-step by their log ratio (a 2x larger model is as far as a different recompute).
 */
function distance(
  k: { method: string; recompute: string; gpu: string; gpuFamily: string; params: number; tokens: number },
  r: BandRow,
): number {
  const log2 = (x: number) => Math.abs(Math.log2(x));
  return (
    (r.method === k.method ? 0 : 2) +
    ((r.recompute === 'none') === (k.recompute === 'none') ? 0 : 1) +
    (r.gpuFamily === k.gpuFamily ? 0 : 1) +
    (r.gpu === k.gpu ? 0 : 0.5) +
    log2(r.paramsTotal / k.params) +
    0.5 * log2((r.seqLen * r.microBatch) / k.tokens)
  );
}

function nearestRows(quantity: BandQuantity, input: EstimateInput, e: Estimate, family: string): NearestRow[] {
  const k = {
    method: input.method,
    recompute: input.recompute,
    gpu: e.gpu.id,
    gpuFamily: family,
    params: e.params.total,
    tokens: input.seqLen * input.microBatch,
  };
  return STORED_BANDS.rows
    .filter((r) => r.band === quantity)
    .map((r) => ({ r, d: distance(k, r) }))
    .sort((a, b) => a.d - b.d || a.r.case.localeCompare(b.r.case))
    .slice(0, NEAREST_ROWS)
    .map(({ r }) => ({
      case: r.case,
      quantity: r.quantity,
      measured: r.measured,
      predicted: r.predicted,
      unit: r.unit,
      errorPct: r.errorPct,
    }));
}

const constantsNamed = (all: readonly Assumption[], names: readonly string[]): DerivationConstant[] =>
  all
    .filter((a) => names.some((n) => a.name === n || a.name.startsWith(`${n}.`)))
    .map((a) => ({ name: a.name, value: a.value, unit: a.unit, source: a.source }));

/**
 * Where each figure of an estimate comes from: its formula in words and symbols, the inputs (with units), the
 * constants (with sources), its accuracy band and the nearest validation rows. Values are the estimate's own (pass the
 * calibrated estimate shown to explain those numbers); a calibration factor appears as a constant.
 */
export function explainEstimate(input: EstimateInput, catalog: EstimatorCatalog, estimate?: Estimate): Derivation[] {
  const computed = estimate ?? estimateWithConfidence(input, catalog);
  if (isEstimateError(computed)) return [];
  const e = computed as EstimateWithConfidence;
  const gpu = findGpu(catalog, e.gpu.id);
  const family = regimeKeysOf(input, catalog)?.gpuFamily ?? 'unknown';
  // A plain estimate (no bands) is explained with the bands of its configuration.
  const bands: Record<BandQuantity, AccuracyBand> = 'bands' in e ? e.bands : bandsFor(input, catalog);
  const factors = e.calibration?.factors ?? {};
  const calib = (q: 'memory' | 'throughput' | 'power'): DerivationConstant[] =>
    factors[q] !== undefined && e.calibration
      ? [
          {
            name: `calibration.${q}`,
            value: factors[q],
            unit: 'measured / predicted',
            source: `calibration "${e.calibration.label}" (${e.calibration.id}, ${e.calibration.date})`,
          },
        ]
      : [];
  const near = {
    memory: nearestRows('memory', input, e, family),
    throughput: nearestRows('throughput', input, e, family),
    power: nearestRows('power', input, e, family),
  };
  const m = e.memory;
  const b = m.breakdown;
  const t = e.throughput;
  const L = e.layout;
  const layoutInputs: DerivationValue[] = [
    { name: 'gpus', value: L.gpus, unit: 'GPUs' },
    { name: 'dp x tp x pp', value: `${L.dp} x ${L.tp} x ${L.pp}`, unit: '' },
    { name: 'zero', value: L.zero, unit: 'stage' },
    { name: 'offload', value: L.offload, unit: '' },
  ];
  const shapeInputs: DerivationValue[] = [
    { name: 'seqLen', value: input.seqLen, unit: 'tokens' },
    { name: 'microBatch', value: input.microBatch, unit: 'sequences' },
    { name: 'recompute', value: input.recompute, unit: '' },
    { name: 'attention', value: input.attention, unit: '' },
  ];
  const params: DerivationValue[] = [
    { name: 'params.total', value: e.params.total, unit: 'parameters' },
    { name: 'params.trainable', value: e.params.trainable, unit: 'parameters' },
  ];
  const memConst = (names: string[]) => [...constantsNamed(e.assumptions, names), ...calib('memory')];
  const ALLOC = ['allocatorRoundBytes', 'allocatorLargeAllocBytes', 'allocatorRoundLargeBytes'];
  const d = (
    id: DerivationId,
    label: string,
    value: number,
    unit: string,
    formula: string,
    inputs: DerivationValue[],
    constants: DerivationConstant[],
    quantity: BandQuantity,
    band?: AccuracyBand,
  ): Derivation => ({
    id,
    label,
    value,
    unit,
    formula,
    inputs,
    constants,
    ...(band ? { band } : {}),
    nearestRows: near[quantity],
  });

  const out: Derivation[] = [
    d(
      'memory.weights',
      'Weights',
      b.weights,
      'bytes',
      'weights = stored parameters on this GPU x bytes per parameter (fp32 master under *-mixed without ZeRO, 16-bit with ZeRO/TP/PP, bf16 frozen base for LoRA, NF4 for QLoRA), / tp, / pp stage, / dp with ZeRO-3',
      [
        { name: 'method', value: input.method, unit: '' },
        { name: 'precision', value: e.precision.effective, unit: '' },
        ...params,
        ...layoutInputs,
      ],
      memConst(['nf4BytesPerParam', ...ALLOC]),
      'memory',
    ),
    d(
      'memory.gradients',
      'Gradients',
      b.gradients,
      'bytes',
      'gradients = trainable parameters on this GPU x gradient bytes (fp32 under *-mixed, 16-bit with ZeRO), / dp with ZeRO-2/3, + the reduce bucket in flight with ZeRO',
      [{ name: 'precision', value: e.precision.effective, unit: '' }, ...params, ...layoutInputs],
      memConst(['zeroReduceBucketElements', ...ALLOC]),
      'memory',
    ),
    d(
      'memory.optimizer',
      'Optimizer states',
      b.optimizer,
      'bytes',
      'optimizer = trainable parameters on this GPU x state bytes (AdamW: 2 x fp32 moments (+ fp32 master with ZeRO); 8-bit AdamW; SGD momentum; Adafactor factored rows/columns), / dp with ZeRO-1+, 0 on the GPU with optimizer offload',
      [{ name: 'optimizer', value: input.optimizer, unit: '' }, ...params, ...layoutInputs],
      memConst(['adam8bitBytesPerParam', ...ALLOC]),
      'memory',
    ),
    d(
      'memory.activations',
      'Activations',
      b.activations,
      'bytes',
      'activations = layers held x per-layer tensors saved for backward (s x b x h x bytes per tensor, attention without s^2 scores under flash) at the peak moment; recompute keeps one boundary tensor per layer plus one layer re-run',
      [
        ...shapeInputs,
        { name: 'layers', value: e.model.architecture.layers, unit: 'layers' },
        { name: 'hidden', value: e.model.architecture.hidden, unit: 'units' },
        ...layoutInputs,
      ],
      memConst(['flashLseBytes', ...ALLOC]),
      'memory',
    ),
    d(
      'memory.logits',
      'Logits and loss',
      b.logits,
      'bytes',
      'logits = s x b x vocab / tp x (16-bit logits + fp32 upcast + fp32 softmax gradient) during the loss and its backward',
      [...shapeInputs, { name: 'vocab', value: e.model.architecture.vocab, unit: 'tokens' }],
      memConst(ALLOC),
      'memory',
    ),
    d(
      'memory.other',
      'Other',
      b.other,
      'bytes',
      'other = cuBLAS workspaces + allocator rounding and split remainders + autocast copies that are not weights',
      [{ name: 'precision', value: e.precision.effective, unit: '' }],
      memConst(['cublasWorkspacesBytes', 'allocatorSplitRemainderBytes', ...ALLOC]),
      'memory',
    ),
    d(
      'memory.peak',
      'Peak memory per GPU',
      m.peakBytesPerGpu,
      'bytes',
      `peak = weights + gradients + optimizer + activations + logits + other at the peak moment (${m.peakPhase}); must fit: peak x reservedOverAllocated + cudaContextBytes = ${(m.requiredBytesPerGpu / 1e9).toFixed(1)} GB against ${(m.capacityBytes / 2 ** 30).toFixed(0)} GiB`,
      [
        { name: 'weights', value: b.weights, unit: 'bytes' },
        { name: 'gradients', value: b.gradients, unit: 'bytes' },
        { name: 'optimizer', value: b.optimizer, unit: 'bytes' },
        { name: 'activations', value: b.activations, unit: 'bytes' },
        { name: 'logits', value: b.logits, unit: 'bytes' },
        { name: 'other', value: b.other, unit: 'bytes' },
        { name: 'capacity', value: m.capacityBytes, unit: 'bytes' },
      ],
      memConst(['reservedOverAllocated', 'cudaContextBytes']),
      'memory',
      bands.memory,
    ),
    d(
      'throughput.stepSeconds',
      'Step time',
      t.stepSeconds,
      's',
      'step = compute (FLOPs / (peak x GEMM efficiency)) + bandwidth-bound kernels + host dispatch + exposed communication + pipeline bubble',
      [
        { name: 'compute', value: t.stepBreakdown.compute, unit: 's' },
        { name: 'memory', value: t.stepBreakdown.memory, unit: 's' },
        { name: 'hostOverhead', value: t.stepBreakdown.hostOverhead, unit: 's' },
        { name: 'communication', value: t.stepBreakdown.communication, unit: 's' },
        { name: 'pipelineBubble', value: t.stepBreakdown.pipelineBubble, unit: 's' },
        { name: 'hardwareFlopsPerToken', value: t.hardwareFlopsPerToken, unit: 'FLOP/token' },
        { name: 'tokensPerStep', value: t.tokensPerStep, unit: 'tokens' },
        { name: 'gpu', value: e.gpu.name, unit: '' },
      ],
      [
        ...constantsNamed(e.assumptions, [
          'gemmEfficiencyMax',
          'gemmTokensHalf',
          'gemmWidthHalf',
          'attentionEfficiency',
          'memoryBandwidthEfficiency',
          'hostDispatchSeconds',
          'dpOverlapFraction',
        ]),
        ...calib('throughput'),
      ],
      'throughput',
    ),
    d(
      'throughput.tokensPerSecond',
      'Tokens per second',
      t.tokensPerSecond,
      'tokens/s',
      'tokens/s = tokensPerStep / stepSeconds (tokensPerStep = seqLen x microBatch x gradAccum x dp)',
      [
        { name: 'tokensPerStep', value: t.tokensPerStep, unit: 'tokens' },
        { name: 'stepSeconds', value: t.stepSeconds, unit: 's' },
      ],
      calib('throughput'),
      'throughput',
      bands.throughput,
    ),
    d(
      'throughput.mfu',
      'Model FLOPs utilization',
      t.mfu,
      'fraction',
      'MFU = flopsPerToken x tokens/s / (gpus x dense peak FLOP/s at the compute precision)',
      [
        { name: 'flopsPerToken', value: t.flopsPerToken, unit: 'FLOP/token' },
        { name: 'tokensPerSecond', value: t.tokensPerSecond, unit: 'tokens/s' },
        { name: 'gpus', value: L.gpus, unit: 'GPUs' },
        { name: 'precision', value: e.precision.effective, unit: '' },
      ],
      calib('throughput'),
      'throughput',
    ),
    d(
      'power.gpuWatts',
      'Mean GPU draw',
      e.power.gpuWatts,
      'W',
      'W = idle + (TDP - idle) x (tensor seconds x tensor share + bandwidth seconds x HBM share) / step seconds; idle = gpuActiveIdleFractionOfTdp x TDP',
      [
        { name: 'tdp', value: gpu?.tdpWatts ?? 0, unit: 'W' },
        { name: 'mfu', value: t.mfu, unit: 'fraction' },
        { name: 'stepSeconds', value: t.stepSeconds, unit: 's' },
      ],
      [
        ...constantsNamed(e.assumptions, [
          'gpuActiveIdleFractionOfTdp',
          'gpuTensorUtilisationAtTdp',
          'gpuPowerPerHbmUtilisation',
        ]),
        ...calib('power'),
      ],
      'power',
      bands.power,
    ),
    d(
      'power.nodeWatts',
      'Mean node draw',
      e.power.nodeWatts,
      'W',
      'node W = GPUs per node x GPU W + (host W + per-GPU-TDP overhead) x nodeOverheadLoadFraction, at most the system rating',
      [
        { name: 'gpusPerNode', value: Math.min(L.gpus, L.gpusPerNode), unit: 'GPUs' },
        { name: 'gpuWatts', value: e.power.gpuWatts, unit: 'W' },
        { name: 'nodeMaxWatts', value: input.nodeMaxWatts ?? 'unknown', unit: 'W' },
      ],
      [
        ...constantsNamed(e.assumptions, ['nodeOverheadLoadFraction']),
        ...(gpu && (input.nodeMaxWatts ?? null) === null
          ? constantsNamed(
              [
                nodeClassOf(gpu, Math.min(L.gpus, L.gpusPerNode)).host,
                nodeClassOf(gpu, Math.min(L.gpus, L.gpusPerNode)).perGpu,
              ],
              ['nodeHostWatts', 'nodeOverheadPerGpuTdp'],
            )
          : []),
      ],
      'power',
    ),
  ];
  if (e.time)
    out.push(
      d(
        'time.seconds',
        'Training time',
        e.time.seconds,
        's',
        'seconds = trainingTokens / tokens per second',
        [
          { name: 'trainingTokens', value: input.trainingTokens ?? 0, unit: 'tokens' },
          { name: 'tokensPerSecond', value: t.tokensPerSecond, unit: 'tokens/s' },
        ],
        calib('throughput'),
        'throughput',
      ),
    );
  if (e.time && e.energy)
    out.push(
      d(
        'energy.kWh',
        'IT energy',
        e.energy.kWh,
        'kWh',
        'kWh = cluster W x seconds / 3.6e6 (before PUE)',
        [
          { name: 'clusterWatts', value: e.power.clusterWatts, unit: 'W' },
          { name: 'seconds', value: e.time.seconds, unit: 's' },
        ],
        [],
        'power',
      ),
    );
  return out;
}
