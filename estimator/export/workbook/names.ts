import type { Currency } from '../../../catalog/schema/common';

/**
 * The defined names of the Assumptions sheet's input cells: the formulas on every other sheet read
 * the assumptions through these, so "ElectricityPrice" in a formula is the tariff finance typed.
 * None looks like a cell address (PUE alone would be column PUE), and they stay English in both
 * languages: they are identifiers, like function names.
 */
export const NAME = {
  runsPerMonth: 'RunsPerMonth',
  horizonMonths: 'HorizonMonths',
  runs: 'RunsTotal',
  electricity: 'ElectricityPrice',
  pue: 'FacilityPUE',
  idlePowerFraction: 'IdlePowerFraction',
  supportRatePerYear: 'SupportRatePerYear',
  depreciationYears: 'DepreciationYears',
  residualValueRate: 'ResidualValueRate',
  utilizationOwned: 'UtilizationOwned',
  hoursPerMonth: 'HoursPerMonth',
  staffCostPerMonth: 'StaffCostPerMonth',
  taxRate: 'TaxRate',
  shippingRate: 'ShippingRate',
  installPerNode: 'InstallPerNode',
  rackPrice: 'RackPrice',
  rackUnits: 'RackUnitsPerRack',
  rackKW: 'RackKWPerRack',
  spotOverhead: 'SpotOverhead',
  spotInterruptions: 'SpotInterruptionsPerHour',
  spotInterval: 'SpotCheckpointIntervalMin',
  spotSave: 'SpotCheckpointSaveMin',
  spotRestart: 'SpotRestartMin',
  discountRatePerYear: 'DiscountRatePerYear',
  coloPerKWMonth: 'ColoPerKWMonth',
} as const;

/**
 * The Facility sheet's site inputs (the site plan's assumptions, estimator/facility). The site's own
 * rack limits are not `RackKWPerRack` / `RackUnitsPerRack`: those are `assumptions.capex`'s, which
 * price racks only when there is no site plan, and often differ (25 kW against a room's 15 kW).
 */
export const SITE = {
  powerKW: 'SitePowerKW',
  coolingKW: 'SiteCoolingKW',
  coolingTons: 'SiteCoolingTons',
  coolingCapacityKW: 'SiteCoolingCapacityKW',
  rackKW: 'SiteRackKW',
  rackUnits: 'SiteRackUnits',
  cooling: 'SiteCooling',
  coolingRank: 'SiteCoolingRank',
  coolingLimit: 'SiteCoolingLimitKWPerRack',
  airLimit: 'AirCoolingLimitKWPerRack',
  rearDoorLimit: 'RearDoorLimitKWPerRack',
  liquidLimit: 'LiquidLimitKWPerRack',
  circuitVolts: 'CircuitVolts',
  circuitAmps: 'CircuitAmps',
  circuitAmpsHeavy: 'CircuitAmpsHeavy',
  circuitPhases: 'CircuitPhases',
  continuousLoad: 'ContinuousLoadFactor',
  powerFactor: 'PowerFactor',
  feeds: 'FeedsPerRack',
  rackPrice: 'SiteRackPrice',
  pduPrice: 'PduPrice',
  rearDoorPerKW: 'RearDoorRetrofitPerKW',
  liquidPerKW: 'LiquidRetrofitPerKW',
  btuPerWatt: 'BtuPerHourPerWatt',
  btuPerTon: 'BtuPerHourPerTon',
} as const;

/** `FX_CNY`: how many CNY one unit of the scenario's currency buys (contracts/scenario.md). */
export const fxName = (c: Currency): string => `FX_${c}`;

/**
 * An amount quoted in `from` as the scenario's currency, the way compare converts it
 * (scenario/money.ts `convert`: amount / rate, and × 1 for the base): `(ElectricityPrice/FX_CNY)`.
 */
export const inScenarioCurrency = (expr: string, from: Currency, base: Currency): string =>
  from === base ? expr : `(${expr}/${fxName(from)})`;
