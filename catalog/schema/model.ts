import { z } from 'zod';
import { idSchema, sourceSchema } from './common';

const count = (what: string, max: number) =>
  z
    .number({ error: `must be a whole number of ${what} from 1 to ${max}` })
    .int(`must be a whole number of ${what} from 1 to ${max}`)
    .min(1, `must be a whole number of ${what} from 1 to ${max}`)
    .max(max, `must be a whole number of ${what} from 1 to ${max}`);

/** Mixture of experts as in DeepSeek-V2/V3 configs (`n_routed_experts`, `num_experts_per_tok`, ...). */
export const moeSchema = z.object({
  experts: count('routed experts', 4096),
  activeExperts: count('routed experts per token', 256),
  sharedExperts: z
    .number()
    .int('must be a whole number from 0 to 64')
    .min(0, 'must be a whole number from 0 to 64')
    .max(64, 'must be a whole number from 0 to 64')
    .default(0),
  /** FFN width of one expert (`moe_intermediate_size`). */
  expertIntermediate: count('expert FFN units', 1 << 20),
  /** Leading dense layers before the MoE layers (`first_k_dense_replace`); they use `intermediate`. */
  denseLayers: z
    .number()
    .int('must be a whole number from 0 to 1024')
    .min(0, 'must be a whole number from 0 to 1024')
    .max(1024, 'must be a whole number from 0 to 1024')
    .default(0),
});

/** Multi-head latent attention (DeepSeek-V2/V3). `qLoraRank` 0 = queries are not compressed (V2-Lite). */
export const mlaSchema = z.object({
  qLoraRank: z
    .number()
    .int('must be a whole number from 0 to 65536')
    .min(0, 'must be a whole number from 0 to 65536')
    .max(65536, 'must be a whole number from 0 to 65536')
    .nullable()
    .default(0)
    .transform((v) => v ?? 0),
  kvLoraRank: count('latent KV dimensions', 65536),
  qkNopeHeadDim: count('dimensions', 4096),
  qkRopeHeadDim: count('dimensions', 4096),
  vHeadDim: count('dimensions', 4096),
});

/**
 * A decoder-only transformer as the estimate contract describes it (../shared/contracts/estimate.md).
 * `mlp`: `gated` = SwiGLU with three matrices (Llama, DeepSeek, Qwen), `plain` = GPT's two-matrix GeLU MLP.
 */
export const architectureSchema = z
  .object({
    layers: count('layers', 1024),
    hidden: count('hidden units', 1 << 18),
    intermediate: count('FFN units', 1 << 20),
    heads: count('attention heads', 4096),
    kvHeads: count('key/value heads', 4096).optional(),
    vocab: count('tokens', 1 << 22),
    tiedEmbeddings: z.boolean({ error: 'must be true or false' }).default(false),
    qkvBias: z.boolean({ error: 'must be true or false' }).default(false),
    mlp: z.enum(['gated', 'plain'], { error: 'must be "gated" or "plain"' }).default('gated'),
    moe: moeSchema.optional(),
    mla: mlaSchema.optional(),
  })
  .superRefine((a, ctx) => {
    const kv = a.kvHeads ?? a.heads;
    if (kv > a.heads)
      ctx.addIssue({ code: 'custom', path: ['kvHeads'], message: `must be from 1 to heads (${a.heads})` });
    else if (a.heads % kv !== 0)
      ctx.addIssue({ code: 'custom', path: ['kvHeads'], message: `must divide heads (${a.heads}) evenly` });
    if (!a.mla && a.hidden % a.heads !== 0)
      ctx.addIssue({ code: 'custom', path: ['heads'], message: `must divide hidden (${a.hidden}) evenly` });
    if (a.moe && a.moe.activeExperts > a.moe.experts)
      ctx.addIssue({
        code: 'custom',
        path: ['moe', 'activeExperts'],
        message: `must be from 1 to experts (${a.moe.experts})`,
      });
    if (a.moe && a.moe.denseLayers > a.layers)
      ctx.addIssue({ code: 'custom', path: ['moe', 'denseLayers'], message: `must be from 0 to layers (${a.layers})` });
  })
  .transform((a) => ({ ...a, kvHeads: a.kvHeads ?? a.heads }));

export type ArchitectureInput = z.input<typeof architectureSchema>;
export type Architecture = z.output<typeof architectureSchema>;

/** A shipped model preset: an architecture, where it comes from, and the parameter count its publisher states. */
export const modelPresetSchema = z.object({
  id: idSchema,
  name: z.string().min(1, 'must not be empty'),
  family: z.string().min(1, 'must not be empty'),
  architecture: architectureSchema,
  /** Published parameter counts (total; active per token for MoE), as the source states them. */
  published: z.object({
    totalParams: z.number().positive('must be > 0'),
    activeParams: z.number().positive('must be > 0').optional(),
    source: sourceSchema,
  }),
  contextLength: z.number().int().positive().optional(),
  /** Where the architecture numbers come from (config.json or paper). */
  source: sourceSchema,
  notes: z.string().optional(),
});
export type ModelPreset = z.output<typeof modelPresetSchema>;
