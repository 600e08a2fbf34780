import type { Currency } from '../../../catalog/schema/common';
import { circuitById, type Circuit } from '../../facility/circuits';
import {
  AIR_MAX_KW_PER_RACK,
  CONTINUOUS_LOAD_FACTOR,
  DIRECT_LIQUID_MAX_KW_PER_RACK,
  DIRECT_LIQUID_RETROFIT_PER_KW,
  PDU_PRICE,
  POWER_FACTOR,
  RACK_ENCLOSURE_PRICE,
  RACK_UNITS,
  REAR_DOOR_MAX_KW_PER_RACK,
  REAR_DOOR_RETROFIT_PER_KW,
  type FacilityFigure,
} from '../../facility/defaults';
import type { Site, SiteMoney } from '../../facility/schema';
import type { FacilityPlanResult } from '../../facility/types';
import { BTU_PER_HOUR_PER_TON, BTU_PER_HOUR_PER_WATT } from '../../scenario/defaults';
import { fill } from '../messages';
import type { Ctx } from './context';
import { FMT, priceFormat } from './formats';
import { inputRowsOn } from './input-rows';
import { formula, type SheetBuilder } from './model';
import { inScenarioCurrency, NAME, SITE } from './names';

/** A price of the site plan as a formula term in the scenario's currency (`(PduPrice/FX_USD)` when quoted in USD). */
export interface SitePriceTerms {
  readonly rack: string;
  readonly pdu: string;
  readonly rearDoorPerKW: string;
  readonly liquidPerKW: string;
}

/** The site inputs as the blocks read them. */
export interface SiteInputs {
  readonly price: SitePriceTerms;
  /** The site names its circuit: every option uses `CircuitAmps`; otherwise 30 A, or 60 A for a heavier rack. */
  readonly circuitGiven: boolean;
}

/**
 * The site's assumptions as named inputs (yellow), as estimator/facility/plan.ts reads them: the site's
 * limits (blank when the site does not give one, so it is not checked), its cooling type, the ceilings
 * per rack of each cooling type, the circuit, and the prices. `plan` is any option's plan: they share
 * the site and its prices.
 */
export function siteInputs(ctx: Ctx, b: SheetBuilder, plan: FacilityPlanResult): SiteInputs {
  const F = ctx.m.facility;
  const U = F.unit;
  const site: Site = plan.site;
  const scenario = ctx.m.assumptions.scenario;
  const given = (field: string) => fill(F.given, { field: `assumptions.site.${field}` });
  const byDefault = (f: FacilityFigure) => fill(F.default, { source: f.source });

  const { section, item } = inputRowsOn(b);
  /** A site limit: its value, or a blank input ("not checked") when the site leaves it out. */
  const limit = (label: string, value: number | undefined, unit: string, field: string, name: string) =>
    item(label, value ?? null, FMT.number, unit, value === undefined ? F.blank : given(field), name);

  section(F.section.site);
  item(F.item.kind, ctx.m.assumptions.siteKind[site.kind], '', U.text, scenario, null, false);
  limit(F.item.powerKW, site.powerKW, U.kW, 'powerKW', SITE.powerKW);
  limit(F.item.coolingKW, site.coolingKW, U.kW, 'coolingKW', SITE.coolingKW);
  limit(F.item.coolingTons, site.coolingTons, U.tons, 'coolingTons', SITE.coolingTons);
  // heat.ts kwFromTons: tons × 12,000 / 3.412142 / 1,000.
  item(
    F.item.coolingCapacityKW,
    formula(
      `IF(${SITE.coolingKW}>0,${SITE.coolingKW},IF(${SITE.coolingTons}>0,${SITE.coolingTons}*${SITE.btuPerTon}/${SITE.btuPerWatt}/1000,0))`,
      plan.coolingCapacityKW ?? 0,
    ),
    FMT.kw,
    U.kW,
    '',
    SITE.coolingCapacityKW,
    false,
  );
  limit(F.item.rackKW, site.rackKW, U.rackKW, 'rackKW', SITE.rackKW);
  item(
    F.item.rackUnits,
    plan.rackUnits,
    FMT.integer,
    U.rackUnits,
    site.rackUnits !== undefined ? given('rackUnits') : byDefault(RACK_UNITS),
    SITE.rackUnits,
  );
  item(
    F.item.cooling,
    plan.siteCooling,
    '',
    U.text,
    site.cooling !== undefined ? given('cooling') : fill(F.default, { source: 'air' }),
    SITE.cooling,
  );
  item(
    F.item.coolingRank,
    formula(`IF(${SITE.cooling}="liquid",2,IF(${SITE.cooling}="rear-door",1,0))`, rankOf(plan.siteCooling)),
    FMT.integer,
    U.rank,
    '',
    SITE.coolingRank,
    false,
  );
  item(
    F.item.coolingLimit,
    formula(
      `IF(${SITE.coolingRank}=2,${SITE.liquidLimit},IF(${SITE.coolingRank}=1,${SITE.rearDoorLimit},${SITE.airLimit}))`,
      ceilingOf(plan.siteCooling),
    ),
    FMT.number,
    U.rackKW,
    '',
    SITE.coolingLimit,
    false,
  );
  item(F.item.pue, formula(NAME.pue, plan.pue), FMT.ratio, U.ratio, ctx.m.assumptions.item.pue, null, false);

  section(F.section.cooling);
  const ceiling = (label: string, f: FacilityFigure, name: string) =>
    item(label, f.value, FMT.number, U.rackKW, f.source, name);
  ceiling(F.item.airLimit, AIR_MAX_KW_PER_RACK, SITE.airLimit);
  ceiling(F.item.rearDoorLimit, REAR_DOOR_MAX_KW_PER_RACK, SITE.rearDoorLimit);
  ceiling(F.item.liquidLimit, DIRECT_LIQUID_MAX_KW_PER_RACK, SITE.liquidLimit);

  section(F.section.circuit);
  const circuitGiven = site.circuit !== undefined;
  const circuit: Circuit = circuitGiven ? plan.power.circuit : circuitById('208v-30a-3ph');
  const circuitSource = circuitGiven ? given('circuit') : fill(F.default, { source: circuit.label });
  item(F.item.circuitVolts, circuit.volts, FMT.number, U.volts, circuitSource, SITE.circuitVolts);
  item(F.item.circuitAmps, circuit.amps, FMT.number, U.amps, circuitSource, SITE.circuitAmps);
  if (!circuitGiven) {
    const heavy = circuitById('208v-60a-3ph');
    item(
      F.item.circuitAmpsHeavy,
      heavy.amps,
      FMT.number,
      U.amps,
      fill(F.default, { source: heavy.label }),
      SITE.circuitAmpsHeavy,
    );
  }
  item(F.item.circuitPhases, circuit.phases, FMT.integer, U.phases, circuitSource, SITE.circuitPhases);
  item(
    F.item.continuousLoad,
    CONTINUOUS_LOAD_FACTOR.value,
    FMT.share,
    U.share,
    CONTINUOUS_LOAD_FACTOR.source,
    SITE.continuousLoad,
  );
  item(F.item.powerFactor, POWER_FACTOR.value, FMT.ratio, U.powerFactor, POWER_FACTOR.source, SITE.powerFactor);
  item(
    F.item.feeds,
    plan.power.feeds === 'A+B' ? 2 : 1,
    FMT.integer,
    U.feeds,
    site.feeds !== undefined ? given('feeds') : fill(F.default, { source: 'A+B' }),
    SITE.feeds,
  );

  section(F.section.prices);
  /** A price input in the currency it is quoted in; the term converts it with FX_… as compare does. */
  const price = (
    label: string,
    money: SiteMoney | undefined,
    f: FacilityFigure,
    field: string,
    unit: string,
    name: string,
  ): string => {
    // The defaults are quoted in US dollars (facility/prices.ts).
    const currency: Currency = money?.currency ?? 'USD';
    const source = money
      ? `${money.source ?? given(field)}${money.asOf ? ` (${money.asOf})` : ''}`
      : `${f.source}${f.asOf ? ` (${f.asOf})` : ''}`;
    item(label, money?.amount ?? f.value, priceFormat(currency), fill(unit, { currency }), source, name);
    return inScenarioCurrency(name, currency, ctx.currency);
  };
  const terms: SitePriceTerms = {
    rack: price(F.item.rackPrice, site.rackPrice, RACK_ENCLOSURE_PRICE, 'rackPrice', U.perRack, SITE.rackPrice),
    pdu: price(F.item.pduPrice, site.pduPrice, PDU_PRICE, 'pduPrice', U.perPdu, SITE.pduPrice),
    rearDoorPerKW: price(
      F.item.rearDoorPerKW,
      site.rearDoorPerKW,
      REAR_DOOR_RETROFIT_PER_KW,
      'rearDoorPerKW',
      U.perKW,
      SITE.rearDoorPerKW,
    ),
    liquidPerKW: price(
      F.item.liquidPerKW,
      site.liquidPerKW,
      DIRECT_LIQUID_RETROFIT_PER_KW,
      'liquidPerKW',
      U.perKW,
      SITE.liquidPerKW,
    ),
  };

  section(F.section.physics);
  const heat = 'catalog-facts.md §5 (estimator/facility/heat.ts)';
  item(F.item.btuPerWatt, BTU_PER_HOUR_PER_WATT, '0.000000', U.btuPerWatt, heat, SITE.btuPerWatt, false);
  item(F.item.btuPerTon, BTU_PER_HOUR_PER_TON, FMT.integer, U.btuPerTon, heat, SITE.btuPerTon, false);
  return { price: terms, circuitGiven };
}

/** estimator/facility/cooling.ts COOLING_TYPES order: a rank the formulas compare. */
export const rankOf = (c: 'air' | 'rear-door' | 'liquid'): number => (c === 'liquid' ? 2 : c === 'rear-door' ? 1 : 0);

const ceilingOf = (c: 'air' | 'rear-door' | 'liquid'): number =>
  (c === 'liquid' ? DIRECT_LIQUID_MAX_KW_PER_RACK : c === 'rear-door' ? REAR_DOOR_MAX_KW_PER_RACK : AIR_MAX_KW_PER_RACK)
    .value;
