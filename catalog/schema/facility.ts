import { z } from 'zod';
import { catalogPriceSchema, idSchema, isoDateSchema, sourceSchema, textSchema } from './common';

export const COOLING_TYPES = ['air', 'rear-door', 'liquid'] as const;
const coolingSchema = z.enum(COOLING_TYPES);

/** What electricity costs where the hardware runs (per kWh, before PUE). */
const electricitySchema = z.strictObject({
  id: idSchema,
  kind: z.literal('electricity'),
  name: textSchema,
  region: textSchema,
  price: catalogPriceSchema,
  per: z.literal('kWh', { error: 'must be "kWh"' }),
  notes: textSchema.optional(),
});

/** Facility power over IT power for a cooling type. */
const pueSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('pue'),
  name: textSchema,
  cooling: coolingSchema,
  pue: z.number().min(1, 'must be ≥ 1').max(3, 'must be ≤ 3'),
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});

/** Colocation rent per kW of contracted IT power per month. */
const colocationSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('colocation'),
  name: textSchema,
  region: textSchema,
  price: catalogPriceSchema,
  per: z.literal('kW-month', { error: 'must be "kW-month"' }),
  notes: textSchema.optional(),
});

/** How much power one rack can take with a cooling type: the most (and, for liquid, the usual low end). */
const rackDensitySchema = z.strictObject({
  id: idSchema,
  kind: z.literal('rack-density'),
  name: textSchema,
  cooling: coolingSchema,
  minKWPerRack: z.number().positive('must be > 0').optional(),
  maxKWPerRack: z.number().positive('must be > 0').max(1000, 'must be ≤ 1000'),
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});

export const FINANCE_PARAMETERS = ['supportRatePerYear', 'depreciationYears', 'residualValueRate'] as const;

/** A default for the scenario's finance assumptions, with where it came from. */
const financeDefaultSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('finance-default'),
  name: textSchema,
  parameter: z.enum(FINANCE_PARAMETERS),
  value: z.number().nonnegative('must be ≥ 0').max(100, 'must be ≤ 100'),
  unit: textSchema,
  source: sourceSchema,
  asOf: isoDateSchema,
  notes: textSchema.optional(),
});

export const FACILITY_KINDS = ['electricity', 'pue', 'colocation', 'rack-density', 'finance-default'] as const;

export const facilitySchema = z.discriminatedUnion(
  'kind',
  [electricitySchema, pueSchema, colocationSchema, rackDensitySchema, financeDefaultSchema],
  { error: () => `must be one of ${FACILITY_KINDS.join(', ')}` },
);
export type Facility = z.infer<typeof facilitySchema>;
export type FacilityKind = Facility['kind'];
