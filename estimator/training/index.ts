/**
 * The training estimator's public API (issue 4). Everything here is pure TypeScript: no DOM, no Node, no UI.
 *
 *   parseEstimateInput(raw: unknown): { ok: true; input: EstimateInput } | { ok: false; error: string }
 *     Validates one raw input of the `estimate` contract (../shared/contracts/estimate.md) and fills its defaults.
 *     `error` reads "<field path>: <what is wrong, and the allowed range>", e.g. "parallel.tp: tp x pp (16) must
 *     divide gpus (8)". Uses zod; call it once per input, never in a sweep's inner loop.
 *
 *   estimate(input: EstimateInput, catalog: EstimatorCatalog, options?: EstimateOptions): Estimate | EstimateError
 *     Memory per GPU (by component, where in the step it peaks, whether it fits), tokens/s, step time, MFU, GPU and
 *     node power, and with `trainingTokens` time, GPU-hours and IT energy. Fast (no zod, shared constant arrays,
 *     per-architecture caches): sweeps call it directly, >100,000 estimates/s on one thread (npm run bench).
 *     Returns { error: "<field>: ..." } for what the catalog cannot answer: an unknown GPU or preset id, a layout
 *     that does not divide (tp x pp must divide gpus, ep the data-parallel degree and the experts), several GPUs per
 *     node of a GPU without a GPU-to-GPU link ("gpus: NVIDIA Jetson AGX Orin 64GB has no GPU-to-GPU link: 1 module
 *     only ..."; across nodes it needs the input to name the `interconnect`).
 *     A GPU without the requested precision (V100 and bf16; fp8 before Hopper/Ada) is not an error: the estimate
 *     runs at the precision the GPU has (`precision.effective`) and says so in `notes`.
 *
 *   isEstimateError(r): r is EstimateError
 *
 *   Estimate = every field of the contract plus `assumptions` (each constant used: name, value, unit, source;
 *   one frozen array shared by all estimates on the same link), `notes` (English: fallbacks, "does not fit: ..."
 *   with what to try, layout warnings) and `noteCodes` (one per note, same order: `{ code, params }` for the app to
 *   say it in the user's language; codes in NOTE_CODES, fit remedies in REMEDY_CODES), `memory.fitsConfidence`
 *   ('fits' | 'tight' | 'does-not-fit': the peak's accuracy band against capacity, `options.memoryBand`, by default
 *   +-MEMORY_BAND_FRACTION; the app and `npm run -s estimate` call estimator/confidence `estimateWithConfidence`, which
 *   passes the regime's validated band and adds `bands`, `ranges` and calibration),
 *   `memory.peakPhase`, `memory.requiredBytesPerGpu`, `throughput.stepBreakdown`, `layout`, `precision`,
 *   `power.clusterWatts`.
 *
 *   Additive input field `nodeMaxWatts` (a system's full-load rating per node, e.g. a catalog system's
 *   `powerWatts`): the node's non-GPU part is what the rating leaves after its GPUs' TDP, and `power.nodeWatts`
 *   never exceeds it. Without it the node class of the GPU decides (power.ts, constants/power.ts).
 *
 * "Does not fit" advice (advice.ts): every remedy named was re-estimated with the memory half of `estimate` and fits
 * with confidence, with the GB per GPU it needs; smallest change first (recompute, a smaller micro-batch, a higher ZeRO
 * stage, CPU offload, more GPUs of the same kind: the smallest count that fits, a catalog GPU with more memory,
 * LoRA/QLoRA), then, while there is room, the same on top of recompute and micro-batch 1.
 *
 * Communication (communication.ts, throughput.ts): NCCL rings, per GPU (r-1)/r of the bytes over NVLink/PCIe (NVLink
 * bridges join 2 or 4 cards; PCIe between bridges) and per node all of them through its NICs; ZeRO-3 gathers each
 * layer's weights in forward and backward and reduce-scatters its gradients; overlap hides DP_OVERLAP_FRACTION of what
 * runs beside compute.
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
  EstimateOptions,
  MemoryBand,
  MemoryBreakdown,
  Method,
  NoteCode,
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
export { NOTE_CODES, REMEDY_CODES, type NoteCodeName } from './notes';
