/**
 * The training estimator's public API (issue 4). Everything here is pure TypeScript: no DOM, no Node, no UI.
 *
 *   parseEstimateInput(raw: unknown): { ok: true; input: EstimateInput } | { ok: false; error: string }
 *     Validates one raw input of the `estimate` contract (../shared/contracts/estimate.md) and fills its defaults.
 *     `error` reads "<field path>: <what is wrong, and the allowed range>", e.g. "parallel.tp: tp x pp (16) must
 *     divide gpus (8)". Uses zod; call it once per input, never in a sweep's inner loop.
 *
 *   estimate(input: EstimateInput, catalog: EstimatorCatalog): Estimate | EstimateError
 *     Memory per GPU (by component, where in the step it peaks, whether it fits), tokens/s, step time, MFU, GPU and
 *     node power, and with `trainingTokens` time, GPU-hours and IT energy. Fast (no zod, shared constant arrays,
 *     per-architecture caches): sweeps call it directly, >100,000 estimates/s on one thread (npm run bench).
 *     Returns { error: "<field>: ..." } for what the catalog cannot answer: an unknown GPU or preset id, a layout
 *     that does not divide (tp x pp must divide gpus, ep the data-parallel degree and the experts).
 *     A GPU without the requested precision (V100 and bf16; fp8 before Hopper/Ada) is not an error: the estimate
 *     runs at the precision the GPU has (`precision.effective`) and says so in `notes`.
 *
 *   isEstimateError(r): r is EstimateError
 *
 *   Estimate = every field of the contract plus `assumptions` (each constant used: name, value, unit, source;
 *   one frozen array shared by all estimates on the same link), `notes` (fallbacks, "does not fit: ..." with what
 *   to try, layout warnings), `memory.fitsConfidence` ('fits' | 'tight' | 'does-not-fit': required bytes +-5%
 *   against capacity, MEMORY_BAND_FRACTION), `memory.peakPhase`, `memory.requiredBytesPerGpu`,
 *   `throughput.stepBreakdown`, `layout`, `precision`, `power.clusterWatts`.
 *
 * Model states: the Hugging Face loop of the calibration without ZeRO (fp32 master weights under autocast);
 * DeepSpeed's current code with ZeRO 1-3 (memory/zero.ts: 2P + 18P/gpus for ZeRO-2, 4 x largest layer + 18P/gpus
 * for ZeRO-3; not the docs' older 4P + 16P/gpus); Megatron-style fp32 main grads with tensor/pipeline parallelism.
 * How the memory model was derived: memory/README.md.
 */
export { parseEstimateInput, estimateInputSchema, type ParseResult, type RawEstimateInput } from './input';
export { estimate, frameworkOf } from './estimate';
export { isEstimateError } from './types';
export type {
  Estimate,
  EstimateError,
  EstimateInput,
  FitsConfidence,
  LoraTargets,
  MemoryBreakdown,
  Method,
  Offload,
  OptimizerName,
  ParallelLayout,
  Precision,
  Recompute,
  AttentionKind,
} from './types';
export type { EstimatorCatalog } from './catalog';
export type { Assumption, Constant } from './constants/constant';
export { flopsPerToken, trainingFlops } from './flops';
export { paramCounts, loraParams, trainableParams, type ParamCounts } from './parameters';
export { shapeOf, type Shape } from './shape';
export { zeroModelStates, DEEPSPEED_ADAM, ZERO_PAPER_ADAM, type ModelStates, type StateWidths } from './memory/zero';
export { INTER_NODE_LINKS } from './constants/network';
