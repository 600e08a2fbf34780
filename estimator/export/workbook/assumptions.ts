import type { Currency } from '../../../catalog/schema/common';
import * as D from '../../scenario/defaults';
import { fill } from '../messages';
import { assumptionCurrencies, type Ctx } from './context';
import { FMT, priceFormat } from './formats';
import { inputRowsOn, inputSheet } from './input-rows';
import { formula, type SheetBuilder } from './model';
import { fxName, NAME } from './names';

export const ASSUMPTIONS = 'Assumptions';

/**
 * The Assumptions sheet: every assumption compare used, one row each (label, value, unit, the cell's
 * defined name, source), grouped as a reader meets them. Inputs are yellow and named; the formulas
 * on the other sheets read them by name, so changing one here recomputes the workbook.
 */
export function assumptionsSheet(ctx: Ctx): SheetBuilder {
  const { m, s, c } = ctx;
  const a = s.assumptions;
  const L = m.assumptions;
  const b = inputSheet(ASSUMPTIONS, [52, 16, 34, 28, 100], { ...L, title: fill(L.title, { name: s.name }) });

  /** The source compare reports for an assumption ("scenario" when the file gave it). */
  const sourceOf = (name: string, asOf?: string | null): string => {
    const used = c.assumptions.find((x) => x.name === name);
    const src = !used || used.source === 'scenario' ? L.scenario : used.source;
    return asOf ? `${src} (${asOf})` : src;
  };
  const { section, item } = inputRowsOn(b);
  const cur = assumptionCurrencies(s);
  const U = L.unit;
  const per = (template: string, currency: Currency) => fill(template, { currency, base: ctx.currency });

  section(L.section.workload);
  item(L.item.runsPerMonth, s.workload.runsPerMonth, FMT.number, U.runsPerMonth, L.scenario, NAME.runsPerMonth);
  item(L.item.horizonMonths, s.workload.horizonMonths, FMT.integer, U.months, L.scenario, NAME.horizonMonths, false);
  item(
    L.item.runs,
    formula(`${NAME.runsPerMonth}*${NAME.horizonMonths}`, c.workload.runs),
    FMT.number,
    U.runs,
    '',
    NAME.runs,
    false,
  );

  section(L.section.energy);
  item(
    L.item.electricity,
    a.electricity.amount,
    priceFormat(cur.electricity),
    per(U.perKWh, cur.electricity),
    sourceOf('electricity', a.electricity.asOf),
    NAME.electricity,
  );
  item(L.item.pue, a.pue, FMT.ratio, U.ratio, sourceOf('pue'), NAME.pue);
  item(
    L.item.idlePowerFraction,
    a.idlePowerFraction,
    FMT.share,
    U.share,
    sourceOf('idlePowerFraction'),
    NAME.idlePowerFraction,
  );

  section(L.section.owned);
  item(
    L.item.supportRatePerYear,
    a.supportRatePerYear,
    FMT.share,
    U.sharePerYear,
    sourceOf('supportRatePerYear'),
    NAME.supportRatePerYear,
  );
  item(
    L.item.depreciationYears,
    a.depreciationYears,
    FMT.number,
    U.years,
    sourceOf('depreciationYears'),
    NAME.depreciationYears,
  );
  item(
    L.item.residualValueRate,
    a.residualValueRate,
    FMT.share,
    U.shareOfPrice,
    sourceOf('residualValueRate'),
    NAME.residualValueRate,
  );
  item(
    L.item.utilizationOwned,
    a.utilizationOwned,
    FMT.share,
    U.share,
    sourceOf('utilizationOwned'),
    NAME.utilizationOwned,
  );
  item(
    L.item.hoursPerMonth,
    a.hoursPerMonth,
    FMT.number,
    U.hoursPerMonth,
    sourceOf('hoursPerMonth'),
    NAME.hoursPerMonth,
  );
  const staff = a.staffCostPerMonth;
  item(
    L.item.staffCostPerMonth,
    staff?.amount ?? 0,
    priceFormat(cur.staffCostPerMonth),
    per(U.perMonth, cur.staffCostPerMonth),
    staff ? sourceOf('staffCostPerMonth', staff.asOf) : L.notGiven,
    NAME.staffCostPerMonth,
  );

  section(L.section.capex);
  item(L.item.taxRate, a.capex.taxRate, FMT.share, U.shareOfBase, sourceOf('capex.taxRate'), NAME.taxRate);
  item(
    L.item.shippingRate,
    a.capex.shippingRate,
    FMT.share,
    U.shareOfPrice,
    sourceOf('capex.shippingRate'),
    NAME.shippingRate,
  );
  item(
    L.item.installPerNode,
    a.capex.installPerNode.amount,
    priceFormat(cur.installPerNode),
    per(U.perServer, cur.installPerNode),
    sourceOf('capex.installPerNode', a.capex.installPerNode.asOf),
    NAME.installPerNode,
  );
  item(
    L.item.rackPrice,
    a.capex.rackPrice.amount,
    priceFormat(cur.rackPrice),
    per(U.perRack, cur.rackPrice),
    sourceOf('capex.rackPrice', a.capex.rackPrice.asOf),
    NAME.rackPrice,
  );
  item(L.item.rackUnits, a.capex.rackUnits, FMT.integer, U.rackUnits, sourceOf('capex.rackUnits'), NAME.rackUnits);
  item(L.item.rackKW, a.capex.rackKW, FMT.number, U.rackKW, sourceOf('capex.rackKW'), NAME.rackKW);

  section(L.section.cloud);
  item(L.item.spotOverhead, a.spotOverhead, FMT.share, U.share, sourceOf('spotOverhead'), NAME.spotOverhead);
  item(
    L.item.spotInterruptions,
    a.spot.interruptionsPerHour,
    FMT.number,
    U.perInstanceHour,
    sourceOf('spot.interruptionsPerHour'),
    NAME.spotInterruptions,
  );
  item(
    L.item.spotInterval,
    a.spot.checkpointIntervalMinutes,
    FMT.number,
    U.minutes,
    sourceOf('spot.checkpointIntervalMinutes'),
    NAME.spotInterval,
  );
  item(
    L.item.spotSave,
    a.spot.checkpointSaveMinutes,
    FMT.number,
    U.minutes,
    sourceOf('spot.checkpointSaveMinutes'),
    NAME.spotSave,
  );
  item(
    L.item.spotRestart,
    a.spot.restartMinutes,
    FMT.number,
    U.minutes,
    sourceOf('spot.restartMinutes'),
    NAME.spotRestart,
  );
  // How reserved terms are paid shapes the cash flow's rows, so it is shown, not an input.
  item(L.item.reservedPayment, L.payment[a.reservedPayment], '', U.text, sourceOf('reservedPayment'), null, false);

  section(L.section.finance);
  item(
    L.item.discountRatePerYear,
    a.discountRatePerYear,
    FMT.share,
    U.perYear,
    sourceOf('discountRatePerYear'),
    NAME.discountRatePerYear,
  );

  const { asOf, ...rates } = a.fx as { asOf?: string } & Partial<Record<Currency, number>>;
  const fx = (Object.entries(rates) as [Currency, number | undefined][]).filter(
    (e): e is [Currency, number] => e[1] !== undefined,
  );
  if (fx.length) {
    section(L.section.fx);
    for (const [currency, rate] of fx)
      item(
        fill(L.item.fx, { currency, base: ctx.currency }),
        rate,
        FMT.ratio,
        fill(U.fx, { currency, base: ctx.currency }),
        asOf ? `${L.scenario} (${asOf})` : L.scenario,
        fxName(currency),
      );
    if (asOf) item(L.item.fxAsOf, asOf, '', U.text, L.scenario, null, false);
  }

  const site = a.site;
  if (site) {
    section(L.section.site);
    item(L.item.siteKind, L.siteKind[site.kind], '', U.text, L.scenario, null, false);
    const info: [string, number | string | undefined, string][] = [
      [L.item.sitePowerKW, site.powerKW, 'kW'],
      [L.item.siteCoolingKW, site.coolingKW, 'kW'],
      [L.item.siteRackKW, site.rackKW, U.rackKW],
      [L.item.siteRackUnits, site.rackUnits, U.rackUnits],
      [L.item.siteCooling, site.cooling ? m.cooling[site.cooling] : undefined, U.text],
    ];
    for (const [label, value, unit] of info)
      if (value !== undefined)
        item(label, value, typeof value === 'number' ? FMT.number : '', unit, L.scenario, null, false);
    if (cur.coloPerKWMonth) {
      const given = site.coloPerKWMonth;
      item(
        L.item.coloPerKWMonth,
        given?.amount ?? (D.COLOCATION_PER_KW_MONTH.value as number),
        priceFormat(cur.coloPerKWMonth),
        per(U.perKWMonth, cur.coloPerKWMonth),
        given
          ? (given.source ?? L.scenario) + (given.asOf ? ` (${given.asOf})` : '')
          : D.COLOCATION_PER_KW_MONTH.source,
        NAME.coloPerKWMonth,
      );
    }
  }
  return b;
}
