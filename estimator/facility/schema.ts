import { z } from 'zod';
import { currencySchema, isoDateSchema, sourceSchema } from '../../catalog/schema/common';
import { CIRCUIT_IDS } from './circuits';
import { COOLING_TYPES } from './cooling';
import { above0, between, formatIssue, whole } from './fields';

/*
 * `assumptions.site` (../shared/contracts/scenario.md, "Site"): the contract's fields keep their names
 * (kind, powerKW, coolingKW, rackKW, rackUnits, cooling, coloPerKWMonth); the rest are optional additions.
 * Every message names the allowed range, so a bad file reads "assumptions.site.powerKW: must be a number
 * of kW above 0 and at most 1,000,000".
 */

const fmt = (n: number) => n.toLocaleString('en-US');

export const coolingTypeSchema = z.enum(COOLING_TYPES, { error: 'must be "air", "rear-door" or "liquid"' });

/** A price as a user types it, with where it came from. */
export const siteMoneySchema = z
  .object({
    amount: between(0, 1e9),
    currency: currencySchema,
    asOf: isoDateSchema.optional(),
    source: sourceSchema.optional(),
  })
  .strict();
export type SiteMoney = z.infer<typeof siteMoneySchema>;

/** A standard circuit by id, or one described by its voltage, breaker rating and phases. */
export const circuitSchema = z.union(
  [
    z.enum(CIRCUIT_IDS),
    z
      .object({
        label: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
        volts: between(100, 690, 'V'),
        amps: between(1, 800, 'A'),
        phases: z.union([z.literal(1), z.literal(3)], { error: 'must be 1 or 3' }),
      })
      .strict(),
  ],
  { error: `must be one of ${CIRCUIT_IDS.map((c) => `"${c}"`).join(', ')}, or { volts, amps, phases }` },
);
export type CircuitInput = z.infer<typeof circuitSchema>;

/**
 * Electricity priced by the hour of day. Training runs around the clock, so the planner uses the
 * hour-weighted average (energy.ts); the periods must cover the whole day.
 */
export const timeOfUseSchema = z
  .object({
    currency: currencySchema,
    asOf: isoDateSchema.optional(),
    source: sourceSchema.optional(),
    periods: z
      .array(
        z
          .object({
            name: z
              .string()
              .trim()
              .min(1, 'must name the period (peak, off-peak, …)')
              .max(50, 'must be at most 50 characters'),
            hoursPerDay: above0(24, 'hours'),
            pricePerKWh: between(0, 100, 'currency units per kWh'),
          })
          .strict(),
        { error: 'must be a list of { name, hoursPerDay, pricePerKWh }' },
      )
      .min(1, 'must hold at least one period')
      .max(24, 'must hold at most 24 periods'),
  })
  .strict()
  .superRefine((t, ctx) => {
    const hours = t.periods.reduce((a, p) => a + p.hoursPerDay, 0);
    if (Math.abs(hours - 24) > 1e-6)
      ctx.addIssue({
        code: 'custom',
        path: ['periods'],
        message: `hoursPerDay must add up to 24, got ${fmt(Math.round(hours * 100) / 100)}`,
      });
  });
export type TimeOfUse = z.infer<typeof timeOfUseSchema>;

export const siteSchema = z
  .object({
    kind: z.enum(['own-room', 'colocation'], { error: 'must be "own-room" or "colocation"' }),
    /** Power the room can deliver to IT equipment (UPS / distribution capacity), kW. */
    powerKW: above0(1e6, 'kW').optional(),
    /** Heat the room can remove, kW; or give `coolingTons`. */
    coolingKW: above0(1e6, 'kW').optional(),
    coolingTons: above0(3e5, 'tons of refrigeration').optional(),
    /** The most one rack may draw (its circuits, or the colocation contract), kW. */
    rackKW: above0(1000, 'kW').optional(),
    rackUnits: whole(1, 60, 'rack units').optional(),
    cooling: coolingTypeSchema.optional(),
    /** The site's own PUE: it replaces `assumptions.pue` for energy and the facility load (scenario/effective.ts). */
    pue: between(1, 3).optional(),
    coloPerKWMonth: siteMoneySchema.optional(),
    circuit: circuitSchema.optional(),
    /** Two independent feeds (A+B, each able to carry the rack) or one. */
    feeds: z.enum(['A+B', 'single'], { error: 'must be "A+B" or "single"' }).optional(),
    rackPrice: siteMoneySchema.optional(),
    pduPrice: siteMoneySchema.optional(),
    rearDoorPerKW: siteMoneySchema.optional(),
    liquidPerKW: siteMoneySchema.optional(),
    /** Replaces `assumptions.electricity` with its hour-weighted price (scenario/effective.ts). */
    timeOfUse: timeOfUseSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.coolingKW !== undefined && s.coolingTons !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['coolingTons'],
        message: 'give the cooling capacity once: coolingKW or coolingTons, not both',
      });
  });

export type Site = z.infer<typeof siteSchema>;
export type SiteInput = z.input<typeof siteSchema>;

export type ParseSiteResult = { ok: true; site: Site } | { ok: false; error: string };

export function parseSite(raw: unknown, prefix = 'assumptions.site'): ParseSiteResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: `${prefix}: must be an object such as { "kind": "own-room", "powerKW": 20 }` };
  const parsed = siteSchema.safeParse(raw);
  if (parsed.success) return { ok: true, site: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, error: first ? formatIssue(first, prefix) : `${prefix}: is not valid` };
}
