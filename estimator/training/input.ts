import { z } from 'zod';
import { INTERCONNECT_IDS } from '../../catalog/schema/interconnect';
import { architectureSchema } from '../../catalog/schema/model';
import type { EstimateInput } from './types';

const MAX_GPUS = 1_000_000;

const int = (min: number, max: number, what = '') =>
  z
    .number({ error: `must be a whole number${what} from ${min} to ${max}` })
    .int(`must be a whole number${what} from ${min} to ${max}`)
    .min(min, `must be a whole number${what} from ${min} to ${max}`)
    .max(max, `must be a whole number${what} from ${min} to ${max}`);

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(', ')}` });

const loraSchema = z
  .object({ rank: int(1, 4096).default(16), targets: oneOf(['all-linear', 'attention']).default('all-linear') })
  .strict();

const parallelSchema = z
  .object({
    tp: int(1, 1024).default(1),
    pp: int(1, 1024).default(1),
    ep: int(1, 4096).default(1),
    sp: z.boolean({ error: 'must be true or false' }).default(false),
    zero: z
      .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 0, 1, 2 or 3' })
      .default(0),
    offload: oneOf(['none', 'optimizer', 'optimizer+params']).default('none'),
  })
  .strict();

export const estimateInputSchema = z
  .object({
    model: z.union([z.string().min(1, 'must be a preset id or an architecture object'), architectureSchema], {
      error: 'must be a preset id (string) or an architecture object',
    }),
    method: oneOf(['full', 'lora', 'qlora']),
    lora: loraSchema.default({ rank: 16, targets: 'all-linear' }),
    precision: oneOf(['bf16-mixed', 'fp16-mixed', 'bf16', 'fp32', 'fp8-mixed']),
    optimizer: oneOf(['adamw', 'adamw-8bit', 'sgd', 'adafactor']).default('adamw'),
    seqLen: int(1, 10_000_000, ' of tokens'),
    microBatch: int(1, 1_000_000, ' of sequences'),
    gradAccum: int(1, 1_000_000).default(1),
    recompute: oneOf(['none', 'full', 'selective']).default('none'),
    attention: oneOf(['flash', 'eager']).default('flash'),
    gpu: z.string({ error: 'must be a GPU id from the catalog' }).min(1, 'must be a GPU id from the catalog'),
    gpus: int(1, MAX_GPUS).default(1),
    gpusPerNode: int(1, 1024).optional(),
    // null = "not given", as parseEstimateInput writes it: a filled-in input must read back the same.
    interconnect: oneOf(INTERCONNECT_IDS).nullable().optional(),
    parallel: parallelSchema.default({ tp: 1, pp: 1, ep: 1, sp: false, zero: 0, offload: 'none' }),
    trainingTokens: z
      .number({ error: 'must be a number of tokens > 0' })
      .positive('must be a number of tokens > 0')
      .finite()
      .nullable()
      .optional(),
    nodeMaxWatts: z
      .number({ error: 'must be watts per node from 1 to 1000000' })
      .positive('must be watts per node from 1 to 1000000')
      .max(1_000_000, 'must be watts per node from 1 to 1000000')
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const { tp, pp, ep } = v.parallel;
    const perNode = v.gpusPerNode ?? Math.min(v.gpus, 8);
    if (v.gpus % (tp * pp) !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['parallel', 'tp'],
        message: `tp x pp (${tp * pp}) must divide gpus (${v.gpus})`,
      });
    else if ((v.gpus / (tp * pp)) % ep !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['parallel', 'ep'],
        message: `must divide the data-parallel degree gpus / (tp x pp) = ${v.gpus / (tp * pp)}`,
      });
    if (perNode > v.gpus)
      ctx.addIssue({ code: 'custom', path: ['gpusPerNode'], message: `must be from 1 to gpus (${v.gpus})` });
    else if (v.gpus % perNode !== 0)
      ctx.addIssue({ code: 'custom', path: ['gpusPerNode'], message: `must divide gpus (${v.gpus})` });
    if (v.parallel.offload !== 'none' && v.parallel.zero === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['parallel', 'offload'],
        message: 'needs ZeRO stage 1-3 ("none" with zero 0)',
      });
    if (v.parallel.offload === 'optimizer+params' && v.parallel.zero !== 3)
      ctx.addIssue({ code: 'custom', path: ['parallel', 'offload'], message: '"optimizer+params" needs zero 3' });
    const model = v.model;
    if (typeof model === 'object' && model.moe === undefined && ep > 1)
      ctx.addIssue({ code: 'custom', path: ['parallel', 'ep'], message: 'must be 1 for a dense model (no moe)' });
  });

export type RawEstimateInput = z.input<typeof estimateInputSchema>;

const at = (raw: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    raw,
  );

/** `"parallel.tp: tp x pp (16) must divide gpus (8)"`: the field path, then what is wrong and the allowed range. */
function formatIssue(issue: z.core.$ZodIssue, raw: unknown, prefix = ''): string {
  const path = prefix + (issue.path.length ? issue.path.map(String).join('.') : '');
  const field = path || '(input)';
  if (issue.code === 'unrecognized_keys')
    return `${path ? `${path}.` : ''}${issue.keys[0] ?? '?'}: is not a known field`;
  if (issue.path.length && at(raw, issue.path) === undefined && issue.code !== 'custom')
    return `${field}: is required (${issue.message})`;
  return `${field}: ${issue.message}`;
}

export type ParseResult = { ok: true; input: EstimateInput } | { ok: false; error: string };

/**
 * Validates one raw `estimate` input (../shared/contracts/estimate.md) and fills the defaults.
 * Ids (model preset, GPU) are checked against the catalog by `estimate`, which knows it.
 */
export function parseEstimateInput(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: '(input): must be a JSON object' };
  const model = (raw as { model?: unknown }).model;
  if (model !== null && typeof model === 'object') {
    // Report what is wrong inside an architecture rather than "not a string or an architecture".
    const arch = architectureSchema.safeParse(model);
    const first = arch.success ? undefined : arch.error.issues[0];
    if (first) return { ok: false, error: formatIssue(first, model, 'model.') };
  }
  const parsed = estimateInputSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: first ? formatIssue(first, raw) : '(input): is not valid' };
  }
  const v = parsed.data;
  return {
    ok: true,
    input: {
      model: v.model,
      method: v.method,
      lora: v.lora,
      precision: v.precision,
      optimizer: v.optimizer,
      seqLen: v.seqLen,
      microBatch: v.microBatch,
      gradAccum: v.gradAccum,
      recompute: v.recompute,
      attention: v.attention,
      gpu: v.gpu,
      gpus: v.gpus,
      gpusPerNode: v.gpusPerNode ?? Math.min(v.gpus, 8),
      interconnect: v.interconnect ?? null,
      parallel: v.parallel,
      trainingTokens: v.trainingTokens ?? null,
      // Only when given: an input without it parses exactly as before the field existed.
      ...(typeof v.nodeMaxWatts === 'number' ? { nodeMaxWatts: v.nodeMaxWatts } : {}),
    },
  };
}
