import type { Currency } from '../../catalog/schema/common';
import type { Money } from '../scenario/money';

/**
 * A price the costing uses, already in the scenario's currency. `amount` is a decimal in major
 * units (a unit rate such as USD/kWh keeps its precision); `fxNote` says how it was converted when
 * it was quoted in another currency, `source` who said so.
 */
export interface PriceRef {
  readonly amount: number;
  readonly source: string;
  readonly fxNote?: string | null;
  readonly asOf?: string | null;
}

/** When a cost line is paid, for cash flows, NPV and break-even. */
export type PaidAt =
  /** Once, at month 0 (purchase). */
  | 'start'
  /** Evenly over months 1..horizon (end of each month). */
  | 'monthly'
  /** Once, at the horizon's end (residual value coming back). */
  | 'end'
  /** Equal instalments in these months (reserved terms paid upfront). */
  | { readonly months: readonly number[] }
  /** Not a payment: shown for information (depreciation). */
  | 'none';

export type CostKind = 'capex' | 'opex' | 'residual' | 'info';

/** One line of an option's cost, saying how it was computed. */
export interface CostLine {
  /** Stable id within the option: `servers`, `network-switches`, `energy`, `cloud-hours`, ... */
  readonly id: string;
  readonly label: string;
  readonly kind: CostKind;
  /** Integer minor units; negative for money coming back (residual value). */
  readonly amountMinor: number;
  readonly currency: Currency;
  /** The arithmetic as a reader checks it: `8 × 30,000.00 USD`. */
  readonly formula: string;
  /** The numbers in the formula, by name. */
  readonly inputs: Readonly<Record<string, number | string | boolean | null>>;
  /** Where the prices and rates in the formula came from (fx conversions included). */
  readonly source: string;
  readonly paidAt: PaidAt;
}

/** Everything the costing needs from the scenario's assumptions, in its currency. */
export interface Finance {
  readonly currency: Currency;
  readonly horizonMonths: number;
  readonly runsPerMonth: number;
  readonly hoursPerMonth: number;
  /** Per kWh. */
  readonly electricity: PriceRef;
  readonly pue: number;
  readonly supportRatePerYear: number;
  readonly depreciationYears: number;
  readonly residualValueRate: number;
  readonly utilizationOwned: number;
  readonly idlePowerFraction: number;
  readonly discountRatePerYear: number;
  readonly spotOverhead: number;
  readonly spot: {
    readonly interruptionsPerHour: number;
    readonly checkpointIntervalMinutes: number;
    readonly checkpointSaveMinutes: number;
    readonly restartMinutes: number;
  };
  readonly reservedPayment: 'monthly' | 'upfront';
  /** Per month, per owned or cluster option; null = not costed. */
  readonly staffCostPerMonth: PriceRef | null;
  readonly taxRate: number;
  readonly shippingRate: number;
  readonly installPerNode: PriceRef;
  readonly rackPrice: PriceRef;
  readonly rackUnits: number;
  readonly rackKW: number;
  /** Per kW-month of contracted power, when the site is a colocation; null otherwise. */
  readonly colocationPerKWMonth: PriceRef | null;
}

/** What one run needs on an option, from the training estimate. */
export interface RunProfile {
  /** Wall-clock hours of one run (no spot effects). */
  readonly hoursPerRun: number;
  /** Mean IT draw of the hardware one run uses, kW. */
  readonly itKW: number;
  /** IT energy of one run, kWh (before PUE). */
  readonly itKWhPerRun: number;
}

export interface OptionCost {
  readonly lines: readonly CostLine[];
  readonly capex: Money;
  readonly opex: Money;
  /** Money coming back at the horizon's end (a positive amount; its line is negative). */
  readonly residual: Money;
  /** capex + opex − residual. */
  readonly total: Money;
  /** What is paid in each month 0..horizon, minor units (negative = money in). */
  readonly cashflowMinor: readonly number[];
  /** Hours of one run on this option, as billed or occupied (spot includes its overheads). */
  readonly hoursPerRun: number;
  /** Hours the option runs over the horizon: hoursPerRun × runs. */
  readonly totalHours: number;
  /** False when the option cannot do the work as specified (schedule, interruptions); see notes. */
  readonly feasible: boolean;
  readonly notes: readonly string[];
  /** Owned: share of calendar hours busy with this workload; cloud reserved: share of committed hours used. */
  readonly utilization: number | null;
  /** Owned: nameplate power of the servers and switches, kW (null for cloud, or when the quote gives none). */
  readonly nameplateKW: number | null;
}
