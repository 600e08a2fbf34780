import {
  AIR_MAX_KW_PER_RACK,
  DIRECT_LIQUID_MAX_KW_PER_RACK,
  PUE_AIR,
  PUE_LIQUID,
  PUE_REAR_DOOR,
  REAR_DOOR_MAX_KW_PER_RACK,
  type FacilityFigure,
} from './defaults';

/** From least to most capable: a site with one type can also do what the types before it do. */
export const COOLING_TYPES = ['air', 'rear-door', 'liquid'] as const;
export type CoolingType = (typeof COOLING_TYPES)[number];

export const COOLING_NAMES: Readonly<Record<CoolingType, string>> = {
  air: 'air cooling',
  'rear-door': 'rear-door heat exchangers',
  liquid: 'direct liquid cooling',
};

/** The most one rack can shed with each cooling type, kW. */
export const RACK_KW_CEILING: Readonly<Record<CoolingType, FacilityFigure>> = {
  air: AIR_MAX_KW_PER_RACK,
  'rear-door': REAR_DOOR_MAX_KW_PER_RACK,
  liquid: DIRECT_LIQUID_MAX_KW_PER_RACK,
};

export const TYPICAL_PUE: Readonly<Record<CoolingType, FacilityFigure>> = {
  air: PUE_AIR,
  'rear-door': PUE_REAR_DOOR,
  liquid: PUE_LIQUID,
};

export const coolingRank = (c: CoolingType): number => COOLING_TYPES.indexOf(c);

export const moreCapable = (a: CoolingType, b: CoolingType): CoolingType => (coolingRank(a) >= coolingRank(b) ? a : b);

/**
 * The least cooling that sheds `rackKW` from one rack: air up to 30 kW, a rear door up to 50 kW,
 * direct liquid above (up to 120 kW; beyond that nothing here does, and the plan says so).
 */
export function coolingFor(rackKW: number): CoolingType {
  for (const c of COOLING_TYPES) if (rackKW <= RACK_KW_CEILING[c].value + 1e-9) return c;
  return 'liquid';
}
