import type { Currency } from '../../../catalog/schema/common';
import { Converter, financeOf } from '../../compare/resolve';
import type { Comparison } from '../../compare/types';
import type { Finance } from '../../costing/types';
import { minorDigits } from '../../scenario/money';
import type { Scenario } from '../../scenario/schema';
import { messagesFor, type Messages } from '../messages';
import type { ExportInput } from '../types';
import type { FacilityRefs } from './facility';
import { moneyFormat } from './formats';
import { inScenarioCurrency, NAME } from './names';
import { withEffectiveEnergy } from '../../scenario/effective';

/** What every sheet builder reads: the input, the labels, and the assumptions as formula terms. */
export interface Ctx {
  readonly input: ExportInput;
  readonly m: Messages;
  readonly s: Scenario;
  readonly c: Comparison;
  readonly currency: Currency;
  /** Minor-unit digits of the currency (2 for USD, 0 for JPY): what ROUND(…, digits) rounds to. */
  readonly digits: number;
  /** The assumptions exactly as compare used them (estimator/compare/resolve.ts). */
  readonly finance: Finance;
  readonly moneyFmt: string;
  /** Money assumptions as formula terms in the scenario's currency (converted with FX_… when quoted in another). */
  readonly expr: {
    readonly tariff: string;
    readonly installPerNode: string;
    readonly rackPrice: string;
    readonly staffCostPerMonth: string;
    readonly coloPerKWMonth: string | null;
  };
  /** The Facility sheet's cells the site-plan lines read (set once that sheet is built; absent without a site plan). */
  readonly facility?: FacilityRefs;
}

/** The currency a money assumption is quoted in (the colocation default is in USD). */
export function assumptionCurrencies(s: Scenario): {
  electricity: Currency;
  installPerNode: Currency;
  rackPrice: Currency;
  staffCostPerMonth: Currency;
  coloPerKWMonth: Currency | null;
} {
  const a = s.assumptions;
  const site = a.site;
  return {
    electricity: a.electricity.currency,
    installPerNode: a.capex.installPerNode.currency,
    rackPrice: a.capex.rackPrice.currency,
    staffCostPerMonth: a.staffCostPerMonth?.currency ?? s.currency,
    // The default colocation price is quoted in USD (defaults.ts), as compare/resolve.ts converts it.
    coloPerKWMonth: site?.kind === 'colocation' ? (site.coloPerKWMonth?.currency ?? 'USD') : null,
  };
}

export function makeContext(input: ExportInput): Ctx {
  // Costed as compare costs it: the site's PUE and time-of-use tariff, where it gives them, replace the assumptions.
  const s = withEffectiveEnergy(input.scenario).scenario;
  const currency = s.currency;
  const cur = assumptionCurrencies(s);
  const conv = (name: string, from: Currency) => inScenarioCurrency(name, from, currency);
  return {
    input,
    m: messagesFor(input.language),
    s,
    c: input.comparison,
    currency,
    digits: minorDigits(currency),
    finance: financeOf(s, new Converter(s)),
    moneyFmt: moneyFormat(currency),
    expr: {
      tariff: conv(NAME.electricity, cur.electricity),
      installPerNode: conv(NAME.installPerNode, cur.installPerNode),
      rackPrice: conv(NAME.rackPrice, cur.rackPrice),
      staffCostPerMonth: conv(NAME.staffCostPerMonth, cur.staffCostPerMonth),
      coloPerKWMonth: cur.coloPerKWMonth ? conv(NAME.coloPerKWMonth, cur.coloPerKWMonth) : null,
    },
  };
}
