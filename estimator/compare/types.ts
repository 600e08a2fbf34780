import type { Currency } from '../../catalog/schema/common';
import type { InterconnectId } from '../../catalog/schema/interconnect';
import type { EstimatorCatalog } from '../training';
import type { Estimate, EstimateError, EstimateInput, Offload } from '../training';
import type { CostLine, PriceRef } from '../costing/types';
import type { FacilityPlanResult } from '../facility/types';
import type { NetworkRow, OfferRow, Pricing, SystemRow } from '../scenario/rows';
import type { Site } from '../scenario/schema';

/** The training estimator as compare uses it: one fully-defaulted input, one estimate (or why not). */
export type EstimateFn = (input: EstimateInput) => Estimate | EstimateError;

/** What compare reads from the catalog (the app passes its Dexie snapshot, the CLI the shipped files). */
export interface CompareCatalog extends EstimatorCatalog {
  readonly systems: readonly SystemRow[];
  readonly offers: readonly OfferRow[];
  readonly networks: readonly NetworkRow[];
}

/**
 * The site plan's answer for one owned or cluster option (issue 10, `estimator/facility/`). compare
 * calls it when the scenario has `assumptions.site` and a planner is given, and copies its fields
 * onto the row (contracts/scenario.md, "Site").
 */
export interface FacilityRequest {
  readonly optionId: string;
  readonly kind: 'owned' | 'cluster';
  readonly nodes: number;
  readonly gpusPerNode: number;
  readonly gpu: string;
  /** Nameplate W of one server, null when the row does not say (then `itKWPerNode` is all there is). */
  readonly nameplateWattsPerNode: number | null;
  readonly rackUnitsPerNode: number | null;
  /** Mean draw of one server while training, kW (from the estimate). */
  readonly itKWPerNode: number;
  readonly site: Site;
  /** The scenario's PUE (`assumptions.pue`), for the facility load. */
  readonly pue: number;
  readonly currency: Currency;
  /** Converts a price in any currency into the scenario's (with the scenario's fx), noting how. */
  readonly convert: (amount: number, currency: Currency) => PriceRef;
}

export interface FacilityPlan {
  readonly racks: number;
  /** kW of the most loaded rack. */
  readonly rackKWMax: number;
  readonly coolingRequired: 'air' | 'rear-door' | 'liquid';
  readonly fitsSite: boolean;
  /** Racks, PDUs, cooling and power work for this option, in the scenario's currency. */
  readonly facilityCapex: PriceRef;
  /** The same capex line by line (paid at month 0), when the planner itemizes it; they must add up to facilityCapex. */
  readonly capexLines?: readonly CostLine[];
  readonly notes: readonly string[];
  /** The whole plan (racks with the servers placed, circuits, shortfalls), when the planner gives it. */
  readonly detail?: FacilityPlanResult | null;
}

export type FacilityPlanner = (request: FacilityRequest) => FacilityPlan;

/** The part of AbortSignal compare uses (the domain's lib has no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  throwIfAborted(): void;
}

export interface CompareDeps {
  readonly estimate: EstimateFn;
  readonly planFacility?: FacilityPlanner;
}

/** The layout compare chose (or was given) for an option. */
export interface ChosenLayout {
  readonly gpus: number;
  readonly gpusPerNode: number;
  readonly nodes: number;
  readonly tp: number;
  readonly pp: number;
  readonly ep: number;
  readonly dp: number;
  readonly sp: boolean;
  readonly zero: 0 | 1 | 2 | 3;
  readonly offload: Offload;
  readonly microBatch: number;
  readonly gradAccum: number;
  readonly interconnect: InterconnectId | null;
  /** 'swept': the fastest of `tried` layouts that fit; 'given': the scenario's `parallel`. */
  readonly how: 'swept' | 'given';
  readonly tried: number;
}

/** One row of the comparison: contracts/scenario.md's required fields first, then the working. */
export interface ComparisonRow {
  readonly optionId: string;
  readonly label: string;
  readonly kind: 'owned' | 'cluster' | 'cloud';
  readonly pricing: Pricing | null;
  /** The model trains on this hardware (memory fits with some layout). */
  readonly fits: boolean;
  readonly gpus: number;
  readonly hoursPerRun: number | null;
  readonly totalHours: number | null;
  readonly capex: number | null;
  readonly opexTotal: number | null;
  readonly totalCost: number | null;
  readonly costPerRun: number | null;
  /** IT energy over the horizon (all runs; before PUE), kWh. */
  readonly energyKWh: number | null;
  /** Mean IT draw while training (all the option's hardware busy), kW. */
  readonly powerKW: number | null;
  readonly coolingBTUh: number | null;
  readonly coolingTons: number | null;
  readonly breakEvenMonths: number | null;
  readonly notes: readonly string[];

  // ---- added fields ----
  /** 1 = cheapest feasible; options that do not fit or cannot keep up rank after the rest. */
  readonly rank: number;
  readonly gpu: string;
  /** Servers (owned, cluster) or instances (cloud) one run uses × runs side by side. */
  readonly nodes: number;
  /** Fits, keeps up with runsPerMonth, meets the deadline, (spot) finishes despite interruptions and (with a site plan) fits the site. */
  readonly feasible: boolean;
  readonly meetsSchedule: boolean;
  readonly meetsDeadline: boolean;
  /** Residual value that comes back at the horizon's end (owned). */
  readonly residualValue: number | null;
  /** Present value of the costs at `discountRatePerYear`. */
  readonly npvCost: number | null;
  /** Energy including PUE (what an owned option pays for), kWh. */
  readonly facilityEnergyKWh: number | null;
  /** Nameplate power of the option's hardware (owned: servers + switches), kW; null for cloud or when unknown. */
  readonly nameplateKW: number | null;
  /** Owned: share of the month busy with this workload. Reserved: share of committed hours used. */
  readonly utilization: number | null;
  /** The cloud option break-even was measured against (the cheapest that fits and keeps up). */
  readonly breakEvenAgainst: string | null;
  /** Owned: break-even month against every cloud option that fits (null = not within the horizon). */
  readonly breakEvenVs: Readonly<Record<string, number | null>> | null;
  /** What has been paid by the end of each month 0..horizon, in the scenario's currency. */
  readonly cumulativeCost: readonly number[] | null;
  readonly currency: Currency;
  /** The money fields exactly, in integer minor units of `currency` (the major-unit fields are these / 100). */
  readonly minor: {
    readonly capex: number;
    readonly opex: number;
    readonly residual: number;
    readonly total: number;
    readonly npv: number;
  } | null;
  readonly lines: readonly CostLine[];
  /**
   * Total cost with the run re-costed at the ends of the throughput accuracy band (estimator/confidence): slower
   * means more hours, energy and cloud cost. Null without a cost.
   */
  readonly totalCostRange: { readonly low: number; readonly high: number } | null;
  /** Hours per run at the fast and slow ends of the throughput band. Null without a cost. */
  readonly hoursPerRunRange: { readonly low: number; readonly high: number } | null;
  readonly layout: ChosenLayout | null;
  readonly estimate: Estimate | null;
  // Site columns (present when the scenario has a site and a facility planner ran).
  readonly racks?: number;
  readonly rackKWMax?: number;
  readonly coolingRequired?: 'air' | 'rear-door' | 'liquid';
  readonly fitsSite?: boolean;
  readonly facilityCapex?: number;
  /** The site plan behind those columns: racks with the servers at their U positions (the rack view), kW, cooling, shortfalls. */
  readonly facilityPlan?: FacilityPlanResult;
}

export interface AssumptionUsed {
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  /** The default's source when the scenario left the value at its default; otherwise "scenario". */
  readonly source: string;
}

export interface Comparison {
  readonly format: 'gpu-planner.comparison';
  readonly scenario: string;
  readonly currency: Currency;
  /** Ranked: feasible options by total cost, then the rest. */
  readonly rows: readonly ComparisonRow[];
  readonly cheapestOptionId: string | null;
  readonly cheapestCloudOptionId: string | null;
  /** The cheapest feasible option's cost range overlaps another feasible option's: the ranking could change. */
  readonly rankingUncertain: boolean;
  /** Those options' ids (cheapest first in rank order). */
  readonly uncertainAgainst: readonly string[];
  readonly workload: {
    readonly runs: number;
    readonly tokensPerRun: number;
    readonly horizonMonths: number;
    readonly runsPerMonth: number;
  };
  readonly assumptions: readonly AssumptionUsed[];
  /** Every currency conversion made, once each. */
  readonly fx: readonly string[];
  /** Scenario-level notes (migration, defaults). */
  readonly notes: readonly string[];
}
