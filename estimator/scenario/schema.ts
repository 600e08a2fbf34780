import { z } from 'zod';
import { CURRENCIES, idSchema, isoDateSchema, sourceSchema, currencySchema } from '../../catalog/schema/common';
import { parseEstimateInput } from '../training';
import * as D from './defaults';
import { networkFields, offerFields, pricingSchema, systemFields } from './rows';

/** The `format` every scenario file carries. */
export const SCENARIO_FORMAT = 'gpu-planner.scenario';
/** The version this code writes. Older versions are migrated on open (migrate.ts). */
export const SCENARIO_VERSION = 2;

// ---------------------------------------------------------------------------------------------
// Field helpers: every message names the allowed range, so "pue: must be a number from 1 to 3".

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

const num = (min: number, max: number, unit = '') => {
  const msg = `must be a number${unit ? ` of ${unit}` : ''} from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error: msg }).finite(msg).min(min, msg).max(max, msg);
};
/** A number in (0, max]: zero is not allowed. */
const positive = (max: number, unit = '') => {
  const msg = `must be a number${unit ? ` of ${unit}` : ''} above 0 and at most ${fmt(max)}`;
  return z.number({ error: msg }).finite(msg).positive(msg).max(max, msg);
};
const int = (min: number, max: number, unit = '') => {
  const msg = `must be a whole number${unit ? ` of ${unit}` : ''} from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error: msg }).int(msg).min(min, msg).max(max, msg);
};
const rate = (what: string) => num(0, 1, what);

/** An amount of money as a user types it: major units and a currency (`{ "amount": 500, "currency": "USD" }`). */
export const moneyInputSchema = z
  .object({
    amount: num(0, 1e12),
    currency: currencySchema,
    asOf: isoDateSchema.optional(),
    source: sourceSchema.optional(),
  })
  .strict();
export type MoneyInput = z.infer<typeof moneyInputSchema>;

const usd = (amount: number): MoneyInput => ({ amount, currency: 'USD' });

const electricitySchema = z
  .object({
    amount: num(0, 100),
    currency: currencySchema,
    per: z.literal('kWh', { error: 'must be "kWh"' }).default('kWh'),
    asOf: isoDateSchema.optional(),
    source: sourceSchema.optional(),
  })
  .strict();

const fxSchema = z
  .object({
    asOf: isoDateSchema.optional(),
    ...Object.fromEntries(
      CURRENCIES.map((c) => [c, positive(1e6, `${c} per unit of the scenario's currency`).optional()]),
    ),
  })
  .strict();
export type FxInput = { asOf?: string } & Partial<Record<(typeof CURRENCIES)[number], number>>;

const spotSchema = z
  .object({
    interruptionsPerHour: num(0, 10, 'interruptions per instance-hour').default(
      D.SPOT_INTERRUPTIONS_PER_HOUR.value as number,
    ),
    checkpointIntervalMinutes: positive(10_080, 'minutes').default(D.SPOT_CHECKPOINT_INTERVAL_MINUTES.value as number),
    checkpointSaveMinutes: num(0, 1440, 'minutes').default(D.SPOT_CHECKPOINT_SAVE_MINUTES.value as number),
    restartMinutes: num(0, 1440, 'minutes').default(D.SPOT_RESTART_MINUTES.value as number),
  })
  .strict();

const capexSchema = z
  .object({
    taxRate: rate('the equipment price').default(D.TAX_RATE.value as number),
    shippingRate: rate('the equipment price').default(D.SHIPPING_RATE.value as number),
    installPerNode: moneyInputSchema.default(usd(D.INSTALL_PER_NODE.value as number)),
    rackPrice: moneyInputSchema.default(usd(D.RACK_PRICE.value as number)),
    rackUnits: int(1, 60, 'rack units').default(D.RACK_UNITS.value as number),
    rackKW: positive(200, 'kW').default(D.RACK_KW.value as number),
  })
  .strict();

/** `assumptions.site` as contracts/scenario.md gives it; the facility plan (issue 10) reads the rest. */
export const siteSchema = z
  .object({
    kind: z.enum(['own-room', 'colocation'], { error: 'must be "own-room" or "colocation"' }),
    powerKW: positive(1e6, 'kW').optional(),
    coolingKW: positive(1e6, 'kW').optional(),
    rackKW: positive(1000, 'kW').optional(),
    rackUnits: int(1, 60, 'rack units').optional(),
    cooling: z.enum(['air', 'rear-door', 'liquid'], { error: 'must be "air", "rear-door" or "liquid"' }).optional(),
    coloPerKWMonth: moneyInputSchema.optional(),
  })
  .loose();
export type Site = z.infer<typeof siteSchema>;

export const assumptionsSchema = z
  .object({
    electricity: electricitySchema.default({ amount: D.ELECTRICITY.value as number, currency: 'USD', per: 'kWh' }),
    pue: num(1, 3).default(D.PUE.value as number),
    supportRatePerYear: rate('the equipment price a year').default(D.SUPPORT_RATE_PER_YEAR.value as number),
    depreciationYears: positive(30, 'years').default(D.DEPRECIATION_YEARS.value as number),
    residualValueRate: rate('the equipment price').default(D.RESIDUAL_VALUE_RATE.value as number),
    utilizationOwned: positive(1, 'the calendar hours').default(D.UTILIZATION_OWNED.value as number),
    spotOverhead: num(0, 5).default(D.SPOT_OVERHEAD.value as number),
    fx: fxSchema.default({}),
    // v2
    discountRatePerYear: num(0, 1).default(D.DISCOUNT_RATE_PER_YEAR.value as number),
    hoursPerMonth: positive(744, 'hours').default(D.HOURS_PER_MONTH.value as number),
    spot: spotSchema.default(spotSchema.parse({})),
    reservedPayment: z
      .enum(['monthly', 'upfront'], { error: 'must be "monthly" or "upfront"' })
      .default(D.RESERVED_PAYMENT.value as 'monthly'),
    idlePowerFraction: rate('nameplate power').default(D.IDLE_POWER_FRACTION.value as number),
    /** Optional people cost of running owned hardware (a share of an admin), per owned or cluster option. */
    staffCostPerMonth: moneyInputSchema.nullable().default(null),
    capex: capexSchema.default(capexSchema.parse({})),
    site: siteSchema.optional(),
  })
  .strict();
export type Assumptions = z.infer<typeof assumptionsSchema>;

/** A layout the user fixes for an option (or for the workload): any field left out is 1 / false / 0 / none. */
const parallelSchema = z
  .object({
    tp: int(1, 1024).optional(),
    pp: int(1, 1024).optional(),
    ep: int(1, 4096).optional(),
    sp: z.boolean({ error: 'must be true or false' }).optional(),
    zero: z
      .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 0, 1, 2 or 3' })
      .optional(),
    offload: z
      .enum(['none', 'optimizer', 'optimizer+params'], { error: 'must be "none", "optimizer" or "optimizer+params"' })
      .optional(),
  })
  .strict();
export type ParallelInput = z.infer<typeof parallelSchema>;

const systemRef = z.union([idSchema, systemFields], {
  error: 'must be a catalog system id or an inline system object',
});
const networkRef = z.union([idSchema, networkFields], {
  error: 'must be a catalog network id or an inline network object',
});
const offerRef = z.union([idSchema, offerFields], { error: 'must be a catalog offer id or an inline offer object' });

const optionCommon = {
  id: idSchema,
  /** What the user calls it in the grid; the id when absent. */
  label: z.string().max(200, 'must be at most 200 characters').optional(),
  /** A fixed layout: compare then uses it instead of sweeping (with the workload's microBatch). */
  parallel: parallelSchema.optional(),
  notes: z.string().optional(),
};

/** Racks this option needs, when the rule (by rack units and rack kW) does not apply: 0 for a workstation under a desk. */
const racksOverride = int(0, 10_000, 'racks').optional();

export const ownedOptionSchema = z
  .object({
    ...optionCommon,
    kind: z.literal('owned'),
    system: systemRef,
    count: int(1, 10_000, 'servers').default(1),
    racks: racksOverride,
  })
  .strict();

export const clusterOptionSchema = z
  .object({
    ...optionCommon,
    kind: z.literal('cluster'),
    system: systemRef,
    nodes: int(1, 100_000, 'nodes'),
    network: networkRef,
    racks: racksOverride,
  })
  .strict();

export const cloudOptionSchema = z
  .object({
    ...optionCommon,
    kind: z.literal('cloud'),
    offer: offerRef,
    pricing: pricingSchema,
    /** Instances one run uses. */
    instances: int(1, 100_000, 'instances').default(1),
    /** Reserved pricing: instances committed (default: `instances`); runs needing more overflow to on-demand. */
    reservedInstances: int(1, 100_000, 'instances').optional(),
    /** Reserved pricing: how the commitment is paid (default `assumptions.reservedPayment`). */
    payment: z.enum(['monthly', 'upfront'], { error: 'must be "monthly" or "upfront"' }).optional(),
  })
  .strict();

export const optionSchema = z.discriminatedUnion('kind', [ownedOptionSchema, clusterOptionSchema, cloudOptionSchema], {
  error: 'kind: must be "owned", "cluster" or "cloud"',
});
export type OwnedOption = z.infer<typeof ownedOptionSchema>;
export type ClusterOption = z.infer<typeof clusterOptionSchema>;
export type CloudOption = z.infer<typeof cloudOptionSchema>;
export type ScenarioOption = z.infer<typeof optionSchema>;

/** Fields of `workload.training` that each option supplies instead. */
const SET_BY_OPTION = ['gpu', 'gpus', 'gpusPerNode', 'interconnect', 'trainingTokens'] as const;

/**
 * `workload.training`: an EstimateInput without the hardware (contracts/scenario.md). It is kept as
 * the user wrote it and validated by the estimator's own schema, so the two can never disagree.
 */
const trainingSchema = z
  .record(z.string(), z.unknown(), {
    error: 'must be an object: the estimate input without gpu, gpus and trainingTokens',
  })
  .superRefine((t, ctx) => {
    for (const k of SET_BY_OPTION)
      if (k in t)
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message:
            k === 'trainingTokens' ? 'belongs in workload.trainingTokens' : 'is set by each option, not the workload',
        });
    const p = (t.parallel ?? {}) as Record<string, unknown>;
    const degree = [p.tp, p.pp, p.ep].reduce<number>((acc, v) => acc * (typeof v === 'number' && v > 0 ? v : 1), 1);
    const gpus = Number.isInteger(degree) && degree <= 1024 ? degree : 1;
    const probe = Object.fromEntries(
      Object.entries(t).filter(([k]) => !(SET_BY_OPTION as readonly string[]).includes(k)),
    );
    const parsed = parseEstimateInput({ ...probe, gpu: 'h100-sxm5-80gb', gpus, gpusPerNode: gpus });
    if (!parsed.ok) {
      const colon = parsed.error.indexOf(': ');
      const field = colon > 0 ? parsed.error.slice(0, colon) : '';
      const message = colon > 0 ? parsed.error.slice(colon + 2) : parsed.error;
      const path = field && field !== '(input)' ? field.split('.') : [];
      ctx.addIssue({ code: 'custom', path, message });
    }
  });

export const workloadSchema = z
  .object({
    training: trainingSchema,
    /** Tokens one run trains on (one pass; see `epochs`). */
    trainingTokens: positive(1e15, 'tokens'),
    /** v2: passes over `trainingTokens` per run (tokens processed = trainingTokens × epochs). */
    epochs: positive(1000, 'epochs').default(1),
    runsPerMonth: positive(10_000, 'runs'),
    horizonMonths: int(1, 240, 'months'),
    /** v2: the longest a run may take, hours; slower options are flagged. */
    deadlineHours: positive(1e6, 'hours').optional(),
  })
  .strict();
export type Workload = z.infer<typeof workloadSchema>;

export const scenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT, { error: `must be "${SCENARIO_FORMAT}"` }),
    version: z.literal(SCENARIO_VERSION, { error: `must be ${SCENARIO_VERSION}` }),
    name: z
      .string({ error: 'must be a name' })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
    description: z.string().max(10_000, 'must be at most 10,000 characters').optional(),
    currency: currencySchema,
    workload: workloadSchema,
    assumptions: assumptionsSchema.default(assumptionsSchema.parse({})),
    options: z.array(optionSchema, { error: 'must be a list of options' }).max(200, 'must hold at most 200 options'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.options.forEach((o, i) => {
      const first = seen.get(o.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'id'],
          message: `duplicates options[${first}]; option ids must be unique`,
        });
      else seen.set(o.id, i);
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as it may be written: every defaulted field optional. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
