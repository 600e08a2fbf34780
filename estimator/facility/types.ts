import type { Currency } from '../../catalog/schema/common';
import type { CostLine } from '../costing/types';
import type { Money } from '../scenario/money';
import type { Circuit } from './circuits';
import type { CoolingType } from './cooling';
import type { CoolingRetrofit, FacilityMonthlyCost, FacilityPrices } from './costs';
import type { HeatLoad } from './heat';
import type { RackLayout } from './layout';
import type { Convert } from './prices';
import type { Site } from './schema';
import type { Shortfall } from './shortfalls';

/** The servers of one owned or cluster option, as they go into racks. */
export interface ServersInput {
  readonly name: string;
  readonly count: number;
  /** Nameplate (maximum) draw of one server, W: circuits and cooling are sized for peaks, not means. */
  readonly powerWattsEach: number;
  readonly rackUnitsEach: number;
}

export interface FacilityInput {
  readonly servers: ServersInput;
  /** `assumptions.site` as written (`SiteInput`); validated here, so a bad one comes back as an error naming the field. */
  readonly site: unknown;
  /** The scenario's PUE; otherwise the site's, otherwise a typical one for the cooling the racks need. */
  readonly pue?: number;
  /** The currency the plan prices in (default USD, the defaults' currency). */
  readonly currency?: Currency;
  /** Needed when a price is in another currency than `currency`. */
  readonly convert?: Convert;
}

/** Packing servers by rack space alone, when rack power is what spreads them out. */
export interface DenserAlternative {
  readonly racks: number;
  readonly serversPerRack: number;
  readonly rackKWMax: number;
  readonly coolingRequired: CoolingType;
}

export interface PowerDistribution {
  readonly circuit: Circuit;
  /** kW one circuit may carry continuously. */
  readonly kWPerCircuit: number;
  /** `√3 × 208 V × 60 A × 0.8 × 0.95 = 16.43 kW`. */
  readonly formula: string;
  readonly feeds: 'A+B' | 'single';
  /** Circuits one feed of the most loaded rack needs. */
  readonly circuitsPerFeedMax: number;
  /** Rack PDUs in all: one per circuit, per feed, per rack. */
  readonly pdus: number;
}

export interface FacilityPlanResult {
  readonly servers: {
    readonly name: string;
    readonly count: number;
    readonly kWEach: number;
    readonly rackUnitsEach: number;
  };
  readonly site: Site;
  readonly siteCooling: CoolingType;
  readonly rackUnits: number;
  /** kW a rack is filled up to: the site's rack limit, no higher than what the site's cooling sheds per rack. */
  readonly rackKWLimit: number;
  readonly serversPerRackByKW: number;
  readonly serversPerRackByU: number;
  /** The smaller of the two (at least 1: a server too big for a rack still gets a rack, and a shortfall). */
  readonly serversPerRack: number;
  /** Which limit decides servers per rack. */
  readonly binding: 'kW' | 'U' | 'both';
  readonly racks: number;
  /** kW of the most loaded rack. */
  readonly rackKWMax: number;
  /** Nameplate IT load of all the servers, kW. */
  readonly itKW: number;
  readonly pue: number;
  readonly pueSource: string;
  /** IT × PUE: what the facility draws with cooling and distribution losses, kW. */
  readonly facilityKW: number;
  /** Heat to remove: the IT load, in kW, BTU/h and tons. */
  readonly coolingLoad: HeatLoad;
  /** What the site can remove, kW (from coolingKW or coolingTons); null when not given. */
  readonly coolingCapacityKW: number | null;
  /** The least cooling the most loaded rack needs: air up to 30 kW, rear door up to 50 kW, then direct liquid. */
  readonly coolingRequired: CoolingType;
  readonly airIsEnough: boolean;
  /** Cooling to add because some racks need more than the site has. */
  readonly retrofit: CoolingRetrofit | null;
  readonly power: PowerDistribution;
  readonly prices: FacilityPrices;
  readonly capexLines: readonly CostLine[];
  readonly facilityCapex: Money;
  readonly monthly: readonly FacilityMonthlyCost[];
  readonly monthlyOpex: Money;
  readonly fitsSite: boolean;
  readonly shortfalls: readonly Shortfall[];
  readonly notes: readonly string[];
  readonly layout: readonly RackLayout[];
  readonly denser: DenserAlternative | null;
}

export interface FacilityError {
  readonly error: string;
}

export const isFacilityError = (r: FacilityPlanResult | FacilityError): r is FacilityError => 'error' in r;
