import { z } from 'zod';
import { currencySchema } from '../../catalog/schema/common';
import { totalOf } from '../costing/lines';
import { circuitById, circuitsPerFeed, defaultCircuit, usableKW, usableKWFormula, type Circuit } from './circuits';
import {
  COOLING_NAMES,
  RACK_KW_CEILING,
  TYPICAL_PUE,
  coolingFor,
  coolingRank,
  moreCapable,
  type CoolingType,
} from './cooling';
import {
  colocationMonthly,
  facilityCapexLines,
  monthlyTotal,
  type CoolingRetrofit,
  type FacilityPrices,
} from './costs';
import {
  COLOCATION_PRICE_PER_KW_MONTH,
  DIRECT_LIQUID_MAX_KW_PER_RACK,
  DIRECT_LIQUID_RETROFIT_PER_KW,
  PDU_PRICE,
  RACK_ENCLOSURE_PRICE,
  RACK_UNITS,
  REAR_DOOR_RETROFIT_PER_KW,
} from './defaults';
import { above0, between, formatIssue, whole } from './fields';
import { heatLoad, kwFromTons } from './heat';
import { layoutRacks } from './layout';
import { planNotes } from './notes';
import { sitePrice } from './prices';
import { parseSite, type Site } from './schema';
import { siteShortfalls } from './shortfalls';
import type { DenserAlternative, FacilityError, FacilityInput, FacilityPlanResult, PowerDistribution } from './types';

const serversSchema = z
  .object({
    name: z
      .string({ error: 'must be the servers’ name' })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
    count: whole(1, 100_000, 'servers'),
    powerWattsEach: above0(1_000_000, 'W'),
    rackUnitsEach: whole(1, 60, 'rack units'),
  })
  .strict();

const inputSchema = z.object({
  servers: serversSchema,
  site: z.unknown(),
  pue: between(1, 3).optional(),
  currency: currencySchema.optional(),
  convert: z.unknown().optional(),
});

/** Whole servers within a limit; the tolerance keeps 40.8 / 10.2 at 4, not 3.9999. */
const fitting = (limit: number, each: number): number => Math.floor(limit / each + 1e-9);

/**
 * Where an option's servers go and what the site must give them: servers per rack under both the
 * rack's kW and U limits, racks, the most loaded rack, IT and facility load, cooling load (kW, BTU/h,
 * tons), whether air is enough for that density, PDUs and circuits, one-off facility capex, monthly
 * facility opex, and whether it fits the site (each shortfall named in kW).
 */
export function planFacility(input: FacilityInput): FacilityPlanResult | FacilityError {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { error: first ? formatIssue(first) : '(input): is not valid' };
  }
  const siteParsed = parseSite(input.site);
  if (!siteParsed.ok) return { error: siteParsed.error };
  const site = siteParsed.site;
  const { name, count, rackUnitsEach } = parsed.data.servers;
  const kWEach = parsed.data.servers.powerWattsEach / 1000;
  const currency = parsed.data.currency ?? 'USD';

  // ---- racks: filled no further than the site's cooling sheds ----------------------------------------
  // Spreading servers over more racks costs racks; filling past the cooling costs a retrofit. The plan
  // spreads, and reports the denser layout as the alternative.
  const siteCooling: CoolingType = site.cooling ?? 'air';
  const rackUnits = site.rackUnits ?? RACK_UNITS.value;
  const coolingCeiling = RACK_KW_CEILING[siteCooling].value;
  const rackKWLimit = Math.min(site.rackKW ?? coolingCeiling, coolingCeiling);
  const byKW = fitting(rackKWLimit, kWEach);
  const byU = fitting(rackUnits, rackUnitsEach);
  const serversPerRack = Math.max(1, Math.min(byKW, byU));
  const binding = byKW < byU ? 'kW' : byU < byKW ? 'U' : 'both';
  const racks = Math.ceil(count / serversPerRack);
  const layout = layoutRacks({ name, count, kWEach, rackUnitsEach }, racks, rackUnits, rackKWLimit);
  const rackKWMax = Math.max(...layout.map((r) => r.kW));

  // ---- cooling -----------------------------------------------------------------------------------------
  const coolingRequired = coolingFor(rackKWMax);
  // Only a server that alone outgrows the site's cooling gets here; its racks are retrofitted to the most
  // any rack of the plan needs.
  const needMore = layout.filter((r) => coolingRank(r.coolingRequired) > coolingRank(siteCooling));
  const retrofit: CoolingRetrofit | null =
    needMore.length > 0 && coolingRequired !== 'air'
      ? { cooling: coolingRequired, kW: needMore.reduce((a, r) => a + r.kW, 0), racks: needMore.length }
      : null;
  const itKW = count * kWEach;
  const coolingCapacityKW = site.coolingKW ?? (site.coolingTons !== undefined ? kwFromTons(site.coolingTons) : null);
  const runsOn = moreCapable(siteCooling, coolingRequired);
  const pue = parsed.data.pue ?? site.pue ?? TYPICAL_PUE[runsOn].value;
  const pueSource =
    parsed.data.pue !== undefined
      ? 'the scenario (assumptions.pue)'
      : site.pue !== undefined
        ? 'assumptions.site.pue'
        : `typical for ${COOLING_NAMES[runsOn]}: ${TYPICAL_PUE[runsOn].source}`;

  // ---- power distribution: one PDU per circuit, per feed, per rack -----------------------------------
  const circuit = circuitOf(site, rackKWMax);
  const feeds = site.feeds ?? 'A+B';
  const feedCount = feeds === 'A+B' ? 2 : 1;
  const power: PowerDistribution = {
    circuit,
    kWPerCircuit: usableKW(circuit),
    formula: usableKWFormula(circuit),
    feeds,
    circuitsPerFeedMax: circuitsPerFeed(rackKWMax, circuit),
    pdus: layout.reduce((a, r) => a + feedCount * circuitsPerFeed(r.kW, circuit), 0),
  };

  // ---- money -------------------------------------------------------------------------------------------
  const convert = input.convert;
  const priced = {
    rack: sitePrice('rackPrice', site.rackPrice, RACK_ENCLOSURE_PRICE, currency, convert),
    pdu: sitePrice('pduPrice', site.pduPrice, PDU_PRICE, currency, convert),
    rearDoorPerKW: sitePrice('rearDoorPerKW', site.rearDoorPerKW, REAR_DOOR_RETROFIT_PER_KW, currency, convert),
    liquidPerKW: sitePrice('liquidPerKW', site.liquidPerKW, DIRECT_LIQUID_RETROFIT_PER_KW, currency, convert),
    colocationPerKWMonth:
      site.kind === 'colocation'
        ? sitePrice('coloPerKWMonth', site.coloPerKWMonth, COLOCATION_PRICE_PER_KW_MONTH, currency, convert)
        : null,
  };
  for (const p of Object.values(priced)) if (p && 'error' in p) return { error: p.error };
  const prices = priced as FacilityPrices;
  const capexLines = facilityCapexLines({
    racks,
    rackUnits,
    pdus: power.pdus,
    circuit,
    feeds,
    retrofit,
    prices,
    currency,
  });
  const monthly = prices.colocationPerKWMonth ? [colocationMonthly(itKW, prices.colocationPerKWMonth, currency)] : [];

  // ---- does it fit? --------------------------------------------------------------------------------------
  const shortfalls = siteShortfalls({
    place: site.kind === 'own-room' ? 'the room' : 'the site',
    serverName: name,
    kWEach,
    rackUnitsEach,
    itKW,
    rackKWMax,
    powerKW: site.powerKW ?? null,
    coolingKW: coolingCapacityKW,
    coolingTons: site.coolingTons ?? null,
    siteRackKW: site.rackKW ?? null,
    rackUnits,
  });

  const plan: Omit<FacilityPlanResult, 'notes'> = {
    servers: { name, count, kWEach, rackUnitsEach },
    site,
    siteCooling,
    rackUnits,
    rackKWLimit,
    serversPerRackByKW: byKW,
    serversPerRackByU: byU,
    serversPerRack,
    binding,
    racks,
    rackKWMax,
    itKW,
    pue,
    pueSource,
    facilityKW: itKW * pue,
    coolingLoad: heatLoad(itKW),
    coolingCapacityKW,
    coolingRequired,
    airIsEnough: coolingRequired === 'air',
    retrofit,
    power,
    prices,
    capexLines,
    facilityCapex: totalOf(currency, capexLines, 'capex'),
    monthly,
    monthlyOpex: monthlyTotal(currency, monthly),
    fitsSite: shortfalls.length === 0,
    shortfalls,
    layout,
    denser: denserAlternative(count, kWEach, byU, serversPerRack, racks),
  };
  return { ...plan, notes: planNotes(plan) };
}

function circuitOf(site: Site, rackKWMax: number): Circuit {
  const c = site.circuit;
  if (c === undefined) return defaultCircuit(rackKWMax);
  if (typeof c === 'string') return circuitById(c);
  const phases = c.phases === 3 ? '3-phase' : 'single-phase';
  return {
    id: 'custom',
    label: c.label ?? `${phases} ${c.volts} V ${c.amps} A`,
    volts: c.volts,
    amps: c.amps,
    phases: c.phases,
  };
}

/**
 * The same servers packed by rack space alone (up to what direct liquid sheds per rack), when that
 * takes fewer racks than the plan: the trade the user weighs, racks against cooling.
 */
function denserAlternative(
  count: number,
  kWEach: number,
  byU: number,
  serversPerRack: number,
  racks: number,
): DenserAlternative | null {
  const perRack = Math.min(byU, fitting(DIRECT_LIQUID_MAX_KW_PER_RACK.value, kWEach));
  if (perRack <= serversPerRack) return null;
  const denseRacks = Math.ceil(count / perRack);
  if (denseRacks >= racks) return null;
  const rackKWMax = Math.ceil(count / denseRacks) * kWEach;
  return { racks: denseRacks, serversPerRack: perRack, rackKWMax, coolingRequired: coolingFor(rackKWMax) };
}
