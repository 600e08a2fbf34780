import { COLOCATION_PER_KW_MONTH } from '../scenario/defaults';

/**
 * Every number the site plan relies on: its value, unit and where it came from, with a typical range
 * where the sources give one and the date a price was read. "Planner assumption" marks a value no
 * source pins down: replace it with your own quote. catalog-facts.md is ../shared/reference/catalog-facts.md.
 */
export interface FacilityFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  /** The date a price was read (YYYY-MM-DD); null for physics, rules and design limits. */
  readonly asOf: string | null;
  /** Low and high ends of what the sources call typical; null when they give a single figure. */
  readonly typical: readonly [number, number] | null;
}

const figure = (
  name: string,
  value: number,
  unit: string,
  source: string,
  typical: readonly [number, number] | null = null,
  asOf: string | null = null,
): FacilityFigure => Object.freeze({ name, value, unit, source, asOf, typical });

/** The day the web pages quoted below were read. */
const READ_ON = '2026-11-23';

// ---- how much heat one rack can shed, by cooling type ------------------------------------------

/**
 * Above this a rack needs more than room air. The sources agree on 25-30 kW; the upper end is used
 * because the seed article's mistake was the opposite one (an air-cooled 6.5 kW DGX A100 called
 * liquid-cooled), and below 30 kW the planner should not push anyone to liquid.
 */
export const AIR_MAX_KW_PER_RACK = figure(
  'airMaxKWPerRack',
  30,
  'kW per rack',
  'catalog-facts.md §5 (air ~25-30 kW/rack max); ../shared/seeds/README.md (DGX A100 6.5 kW is air-cooled; liquid matters from ~30-40 kW per rack); Uptime Institute 2024 survey: most sites run no rack above 30 kW; Yobitel, "Direct-to-chip liquid cooling": air realistically tops out around 30 kW per rack',
  [25, 30],
);

/** A water-cooled rear door takes the rack's exhaust heat; the servers stay air-cooled inside. */
export const REAR_DOOR_MAX_KW_PER_RACK = figure(
  'rearDoorMaxKWPerRack',
  50,
  'kW per rack',
  'HPE / Motivair liquid-cooled door QuickSpecs: product bands 14-35, 35-55 and 55-75 kW (as cited by Coolnetpower, "Rear door heat exchanger capacity"); Yobitel, "Rear-door heat exchanger": passive doors up to ~35 kW, active up to ~60 kW, practical 40-60 kW',
  [30, 55],
);

/** Cold plates on the GPUs and CPUs, a coolant distribution unit (CDU) and facility water. */
export const DIRECT_LIQUID_MAX_KW_PER_RACK = figure(
  'directLiquidMaxKWPerRack',
  120,
  'kW per rack',
  'catalog-facts.md §5 (direct liquid 50-120 kW per rack); NVIDIA GB200 NVL72 racks run ~120 kW with direct liquid cooling',
  [50, 120],
);

// ---- the rack ------------------------------------------------------------------------------------

export const RACK_UNITS = figure('rackUnits', 42, 'U per rack', 'the common full-height rack (EIA-310)', [42, 48]);

// ---- PUE by cooling type (used only when neither the scenario nor the site gives one) ----------------

export const PUE_AIR = figure(
  'pue.air',
  1.58,
  'facility W / IT W',
  'Uptime Institute global average PUE 2023, mostly air-cooled rooms (catalog-facts.md §5); small server rooms run higher',
  [1.4, 2],
);

export const PUE_REAR_DOOR = figure(
  'pue.rearDoor',
  1.4,
  'facility W / IT W',
  'planner assumption between air (1.58, Uptime 2023 average) and direct liquid (≤ 1.3 in new AI builds): the door moves heat to water but the chillers stay',
  [1.3, 1.5],
);

export const PUE_LIQUID = figure(
  'pue.liquid',
  1.3,
  'facility W / IT W',
  'catalog-facts.md §5: new AI builds ≤ 1.3; Uptime Institute 2024: new large facilities reach 1.3 or better',
  [1.1, 1.3],
);

// ---- power circuits --------------------------------------------------------------------------------

/**
 * A branch circuit may carry 80% of its breaker rating continuously (3 h or more; training runs are).
 * Applied to IEC circuits too, as AS/NZS 3000 does and as PDU vendors rate their units.
 */
export const CONTINUOUS_LOAD_FACTOR = figure(
  'continuousLoadFactor',
  0.8,
  'of the breaker rating',
  'US National Electrical Code 210.19(A)/210.20(A) (continuous loads sized at 125%); Raritan and Tripp Lite rate 30 A PDUs at 24 A; datacentermd.com: 208 V × 30 A × √3 × 0.8 = 8,646 VA',
);

export const POWER_FACTOR = figure(
  'powerFactor',
  0.95,
  'W per VA',
  'planner assumption: server supplies with active power-factor correction approach 1 (APC Application Note 147); EC&M, "Power Shift" (2008): modern data-centre loads sit between 0.9 leading and 0.9 lagging',
  [0.9, 1],
);

// ---- prices (USD; replace with your quote) --------------------------------------------------------

export const RACK_ENCLOSURE_PRICE = figure(
  'rackPrice',
  1200,
  'USD per rack',
  'planner assumption: a 42U 600 × 1,200 mm enclosure with doors and side panels, without PDUs (the scenario’s capex.rackPrice of 1,500 USD includes two basic PDUs, which the site plan sizes and prices itself)',
  [800, 2500],
  READ_ON,
);

export const PDU_PRICE = figure(
  'pduPrice',
  1200,
  'USD per rack PDU',
  'planner assumption for a monitored 3-phase 30-60 A rack PDU: above the 400-900 USD of single-phase monitored units and within the 700-1,800 USD of switched ones (IP Security Depot, "Rack PDU buyer’s guide")',
  [700, 3000],
  READ_ON,
);

export const REAR_DOOR_RETROFIT_PER_KW = figure(
  'rearDoorPerKW',
  1000,
  'USD per kW of rack load',
  'planner assumption: doors, hoses and a chilled-water branch; below direct liquid (1,875-5,000 USD per kW, Yobitel) because the servers stay air-cooled; replace with your quote',
  [500, 1875],
  READ_ON,
);

export const DIRECT_LIQUID_RETROFIT_PER_KW = figure(
  'liquidPerKW',
  1875,
  'USD per kW of rack load',
  'Yobitel, "Direct-to-chip liquid cooling": 1,875-5,000 USD per installed kW (air: 1,000-2,500); low end, since the room already has air cooling and power. Servers with cold plates are priced by the vendor, not here',
  [1875, 5000],
  READ_ON,
);

export const COLOCATION_PRICE_PER_KW_MONTH = figure(
  'coloPerKWMonth',
  COLOCATION_PER_KW_MONTH.value as number,
  'USD per kW-month',
  `${COLOCATION_PER_KW_MONTH.source}; 137.86 (2022) and 163.44 (2023) before it`,
  [137.86, 184.06],
  '2024-12-31',
);

// ---- typical site figures, for the form's hints -----------------------------------------------------

/** What a rack in an ordinary enterprise room is built for (not AI racks). */
export const TYPICAL_ENTERPRISE_RACK_KW = figure(
  'rackKW',
  12,
  'kW per rack',
  'AFCOM State of the Data Center 2024: average ~12 kW per rack (Enconnex, "Data center rack density"); Uptime Institute 2024: average below 8-10 kW',
  [5, 15],
);

/** Every figure, in the order a reader meets them. */
export const FACILITY_FIGURES: readonly FacilityFigure[] = [
  AIR_MAX_KW_PER_RACK,
  REAR_DOOR_MAX_KW_PER_RACK,
  DIRECT_LIQUID_MAX_KW_PER_RACK,
  RACK_UNITS,
  PUE_AIR,
  PUE_REAR_DOOR,
  PUE_LIQUID,
  CONTINUOUS_LOAD_FACTOR,
  POWER_FACTOR,
  RACK_ENCLOSURE_PRICE,
  PDU_PRICE,
  REAR_DOOR_RETROFIT_PER_KW,
  DIRECT_LIQUID_RETROFIT_PER_KW,
  COLOCATION_PRICE_PER_KW_MONTH,
  TYPICAL_ENTERPRISE_RACK_KW,
];
