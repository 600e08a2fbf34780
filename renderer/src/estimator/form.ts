import type { Architecture } from '../../../catalog/models';
import { INTERCONNECT_IDS, type InterconnectId } from '../../../catalog/schema/interconnect';
import {
  parseEstimateInput,
  type AttentionKind,
  type EstimateInput,
  type LoraTargets,
  type Method,
  type Offload,
  type OptimizerName,
  type Precision,
  type Recompute,
} from '../../../estimator/training';

/**
 * The estimator form as the user typed it. Numbers are kept as text (what is in the box: "", "-1",
 * "2B"), so a half-typed value is shown back as typed and validated by the estimator's own parser.
 * Plain data throughout: it is stored in IndexedDB as is.
 */
export interface ArchitectureForm {
  layers: string;
  hidden: string;
  intermediate: string;
  heads: string;
  kvHeads: string;
  vocab: string;
  mlp: 'gated' | 'plain';
  tiedEmbeddings: boolean;
  qkvBias: boolean;
  moe: {
    enabled: boolean;
    experts: string;
    activeExperts: string;
    sharedExperts: string;
    expertIntermediate: string;
    denseLayers: string;
  };
  mla: {
    enabled: boolean;
    qLoraRank: string;
    kvLoraRank: string;
    qkNopeHeadDim: string;
    qkRopeHeadDim: string;
    vHeadDim: string;
  };
}

export interface EstimatorForm {
  modelSource: 'preset' | 'custom';
  presetId: string;
  custom: ArchitectureForm;
  method: Method;
  loraRank: string;
  loraTargets: LoraTargets;
  precision: Precision;
  optimizer: OptimizerName;
  seqLen: string;
  microBatch: string;
  gradAccum: string;
  recompute: Recompute;
  attention: AttentionKind;
  gpu: string;
  gpus: string;
  /** "" = the estimator's default, min(gpus, 8). */
  gpusPerNode: string;
  /** "" = the GPU's default link between nodes. */
  interconnect: InterconnectId | '';
  tp: string;
  pp: string;
  ep: string;
  sp: boolean;
  zero: 0 | 1 | 2 | 3;
  offload: Offload;
  /** "" = no time or energy; accepts 2e9, 2,000,000,000, 2B, 500M. */
  trainingTokens: string;
}

export type FormField = Exclude<keyof EstimatorForm, 'custom'>;
export type ArchitectureField = Exclude<keyof ArchitectureForm, 'moe' | 'mla'>;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function architectureToForm(a: Architecture): ArchitectureForm {
  return {
    layers: text(a.layers),
    hidden: text(a.hidden),
    intermediate: text(a.intermediate),
    heads: text(a.heads),
    kvHeads: text(a.kvHeads),
    vocab: text(a.vocab),
    mlp: a.mlp,
    tiedEmbeddings: a.tiedEmbeddings,
    qkvBias: a.qkvBias,
    moe: {
      enabled: a.moe !== undefined,
      experts: text(a.moe?.experts ?? 64),
      activeExperts: text(a.moe?.activeExperts ?? 6),
      sharedExperts: text(a.moe?.sharedExperts ?? 2),
      expertIntermediate: text(a.moe?.expertIntermediate ?? 1408),
      denseLayers: text(a.moe?.denseLayers ?? 1),
    },
    mla: {
      enabled: a.mla !== undefined,
      qLoraRank: text(a.mla?.qLoraRank ?? 0),
      kvLoraRank: text(a.mla?.kvLoraRank ?? 512),
      qkNopeHeadDim: text(a.mla?.qkNopeHeadDim ?? 128),
      qkRopeHeadDim: text(a.mla?.qkRopeHeadDim ?? 64),
      vHeadDim: text(a.mla?.vHeadDim ?? 128),
    },
  };
}

/** DeepSeek LLM 7B, as catalog/models.json has it: the starting point of a custom architecture. */
const DEFAULT_ARCHITECTURE: ArchitectureForm = architectureToForm({
  layers: 30,
  hidden: 4096,
  intermediate: 11008,
  heads: 32,
  kvHeads: 32,
  vocab: 102400,
  tiedEmbeddings: false,
  qkvBias: false,
  mlp: 'gated',
});

/** A 7B LoRA on one V100-32GB: the first thing most of our users ask. */
export const DEFAULT_FORM: EstimatorForm = {
  modelSource: 'preset',
  presetId: 'deepseek-llm-7b-base',
  custom: DEFAULT_ARCHITECTURE,
  method: 'lora',
  loraRank: '16',
  loraTargets: 'all-linear',
  precision: 'fp16-mixed',
  optimizer: 'adamw',
  seqLen: '2048',
  microBatch: '1',
  gradAccum: '16',
  recompute: 'full',
  attention: 'flash',
  gpu: 'v100-sxm2-32gb',
  gpus: '1',
  gpusPerNode: '',
  interconnect: '',
  tp: '1',
  pp: '1',
  ep: '1',
  sp: false,
  zero: 0,
  offload: 'none',
  trainingTokens: '100000000',
};

const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/**
 * What the user typed, as the parser should see it: "" is absent (the default, or "is required"), a
 * number is a number (grouping "," "_" and spaces allowed), anything else is passed on as text so the
 * estimator's parser names the field and the allowed range. `suffixes`: 2B, 500M, 10k (token counts only:
 * for a sequence length "4k" is ambiguous).
 */
export function numberFromText(value: string, suffixes = false): number | string | undefined {
  const t = value.trim().replace(/[,_\s，]/g, '');
  if (t === '') return undefined;
  const suffix = suffixes ? /^([-+]?[\d.]+(?:e[-+]?\d+)?)([kmbgt])$/i.exec(t) : null;
  const n = suffix ? Number(suffix[1]) * (SUFFIXES[suffix[2]!.toLowerCase()] ?? NaN) : Number(t);
  return Number.isFinite(n) ? n : value;
}

function architectureFromForm(a: ArchitectureForm): Record<string, unknown> {
  const n = (v: string) => numberFromText(v);
  return {
    layers: n(a.layers),
    hidden: n(a.hidden),
    intermediate: n(a.intermediate),
    heads: n(a.heads),
    kvHeads: n(a.kvHeads),
    vocab: n(a.vocab),
    mlp: a.mlp,
    tiedEmbeddings: a.tiedEmbeddings,
    qkvBias: a.qkvBias,
    ...(a.moe.enabled && {
      moe: {
        experts: n(a.moe.experts),
        activeExperts: n(a.moe.activeExperts),
        sharedExperts: n(a.moe.sharedExperts),
        expertIntermediate: n(a.moe.expertIntermediate),
        denseLayers: n(a.moe.denseLayers),
      },
    }),
    ...(a.mla.enabled && {
      mla: {
        qLoraRank: n(a.mla.qLoraRank),
        kvLoraRank: n(a.mla.kvLoraRank),
        qkNopeHeadDim: n(a.mla.qkNopeHeadDim),
        qkRopeHeadDim: n(a.mla.qkRopeHeadDim),
        vHeadDim: n(a.mla.vHeadDim),
      },
    }),
  };
}

/** The form as a raw `estimate` input (../shared/contracts/estimate.md); absent fields take the contract's defaults. */
export function formToRaw(f: EstimatorForm): Record<string, unknown> {
  const n = (v: string) => numberFromText(v);
  const raw: Record<string, unknown> = {
    model: f.modelSource === 'custom' ? architectureFromForm(f.custom) : f.presetId,
    method: f.method,
    precision: f.precision,
    optimizer: f.optimizer,
    seqLen: n(f.seqLen),
    microBatch: n(f.microBatch),
    gradAccum: n(f.gradAccum),
    recompute: f.recompute,
    attention: f.attention,
    gpu: f.gpu,
    gpus: n(f.gpus),
    gpusPerNode: n(f.gpusPerNode),
    interconnect: f.interconnect || undefined,
    parallel: { tp: n(f.tp), pp: n(f.pp), ep: n(f.ep), sp: f.sp, zero: f.zero, offload: f.offload },
    trainingTokens: numberFromText(f.trainingTokens, true),
  };
  if (f.method !== 'full') raw.lora = { rank: n(f.loraRank), targets: f.loraTargets };
  return dropUndefined(raw);
}

function dropUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, dropUndefined(v)]),
  ) as T;
}

/** Field path ("seqLen", "parallel.tp", "model.moe.experts") -> the estimator's message for it. */
export type FieldErrors = Readonly<Record<string, string>>;

export interface Validation {
  /** The validated input with defaults filled, or null while any field is wrong. */
  input: EstimateInput | null;
  errors: FieldErrors;
}

/** The field path an estimator message starts with: "parallel.tp: tp x pp (16) must divide gpus (8)" -> "parallel.tp". */
export function errorPath(message: string): string {
  const colon = message.indexOf(': ');
  return colon > 0 ? message.slice(0, colon) : '(input)';
}

const KNOWN_GOOD: Record<string, unknown> = formToRaw(DEFAULT_FORM);
/** A valid architecture with every optional part, for setting one wrong architecture field aside. */
const KNOWN_GOOD_ARCHITECTURE = architectureFromForm({
  ...DEFAULT_ARCHITECTURE,
  moe: { ...DEFAULT_ARCHITECTURE.moe, enabled: true },
  mla: { ...DEFAULT_ARCHITECTURE.mla, enabled: true },
});

const get = (o: unknown, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/** A copy of `raw` with the value at `path` replaced by the known-good one (or removed, where that has none). */
function withKnownGood(raw: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const copy = structuredClone(raw);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (!next || typeof next !== 'object') return copy;
    target = next as Record<string, unknown>;
  }
  const leaf = path.at(-1)!;
  const good =
    path[0] === 'model' && path.length > 1 ? get(KNOWN_GOOD_ARCHITECTURE, path.slice(1)) : get(KNOWN_GOOD, path);
  if (good === undefined) delete target[leaf];
  else target[leaf] = structuredClone(good);
  return copy;
}

/**
 * Every field's message at once: `parseEstimateInput` reports the first problem, so each reported field
 * is set aside (given a known-good value) and the input parsed again, until it passes. The messages are
 * the estimator's own, naming the field and the allowed range.
 */
export function validateForm(form: EstimatorForm): Validation {
  let raw = formToRaw(form);
  const errors: Record<string, string> = {};
  const setAside = new Set<string>();
  for (let round = 0; round < 16; round++) {
    const parsed = parseEstimateInput(raw);
    if (parsed.ok) return { input: setAside.size ? null : parsed.input, errors };
    const path = errorPath(parsed.error);
    if (setAside.has(path)) {
      // Set aside the whole group ("parallel", "model") when one field's value was not enough.
      const group = path.split('.').slice(0, 1);
      setAside.add(group[0]!);
      raw = withKnownGood(raw, group);
      continue;
    }
    // A check across fields ("tp x pp must divide gpus") is only news when the fields it reads were the user's.
    const readsSetAside = (CROSS_FIELD[path] ?? []).some((read) =>
      [...setAside].some((aside) => aside === read || aside.startsWith(`${read}.`) || read.startsWith(`${aside}.`)),
    );
    if (!readsSetAside) errors[path] = parsed.error;
    setAside.add(path);
    raw = withKnownGood(raw, path.split('.'));
  }
  return { input: null, errors };
}

/** The fields each cross-field check of the parser reads (estimator/training/input.ts). */
const CROSS_FIELD: Readonly<Record<string, readonly string[]>> = {
  gpusPerNode: ['gpus'],
  'parallel.tp': ['gpus', 'parallel.pp'],
  'parallel.ep': ['gpus', 'parallel.tp', 'parallel.pp', 'model'],
  'parallel.offload': ['parallel.zero'],
  'model.kvHeads': ['model.heads'],
  'model.heads': ['model.hidden'],
  'model.moe.activeExperts': ['model.moe.experts'],
  'model.moe.denseLayers': ['model.layers'],
};

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keeps the stored value's fields that still have the right type: an older or damaged entry never breaks the page. */
function merge<T extends Record<string, unknown>>(defaults: T, stored: unknown): T {
  if (!isObject(stored)) return defaults;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, def] of Object.entries(defaults)) {
    const v = stored[key];
    if (isObject(def)) out[key] = merge(def, v);
    else if (typeof v === typeof def) out[key] = v;
  }
  return out as T;
}

const ENUMS: Partial<Record<FormField, readonly unknown[]>> = {
  modelSource: ['preset', 'custom'],
  method: ['full', 'lora', 'qlora'],
  loraTargets: ['all-linear', 'attention'],
  precision: ['bf16-mixed', 'fp16-mixed', 'bf16', 'fp32', 'fp8-mixed'],
  optimizer: ['adamw', 'adamw-8bit', 'sgd', 'adafactor'],
  recompute: ['none', 'full', 'selective'],
  attention: ['flash', 'eager'],
  interconnect: ['', ...INTERCONNECT_IDS],
  zero: [0, 1, 2, 3],
  offload: ['none', 'optimizer', 'optimizer+params'],
};

/** The form from a stored entry, each field checked; what does not fit the current form takes its default. */
export function restoreForm(stored: unknown): EstimatorForm {
  const checked = merge(DEFAULT_FORM as unknown as Record<string, unknown>, stored);
  for (const [key, allowed] of Object.entries(ENUMS)) {
    if (!allowed.includes(checked[key])) checked[key] = DEFAULT_FORM[key as FormField];
  }
  const custom = checked.custom as ArchitectureForm;
  if (!['gated', 'plain'].includes(custom.mlp)) custom.mlp = 'gated';
  return checked as unknown as EstimatorForm;
}
