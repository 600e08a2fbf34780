import { BTU_PER_HOUR_PER_TON, BTU_PER_HOUR_PER_WATT } from '../scenario/defaults';

/**
 * Heat units (catalog-facts.md §5): 1 W = 3.412142 BTU/h; 1 ton of refrigeration = 12,000 BTU/h,
 * so 1 ton = 12,000 / 3.412142 W = 3.517 kW. Nearly every watt a server draws leaves it as heat, so the
 * cooling load in kW is the IT load in kW.
 */
export const btuPerHour = (kw: number): number => kw * 1000 * BTU_PER_HOUR_PER_WATT;

export const tons = (kw: number): number => btuPerHour(kw) / BTU_PER_HOUR_PER_TON;

/** Cooling capacity quoted in tons of refrigeration, in kW. */
export const kwFromTons = (t: number): number => (t * BTU_PER_HOUR_PER_TON) / BTU_PER_HOUR_PER_WATT / 1000;

export interface HeatLoad {
  readonly kW: number;
  readonly btuPerHour: number;
  readonly tons: number;
}

export const heatLoad = (kw: number): HeatLoad => ({ kW: kw, btuPerHour: btuPerHour(kw), tons: tons(kw) });
