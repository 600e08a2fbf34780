/**
 * Every assumption a scenario may leave out, with the value the planner then uses, its unit and
 * where it came from. A scenario that omits one gets this value, and the comparison lists it under
 * `assumptionsUsed` so the reader sees what was assumed rather than given.
 *
 * "Planner assumption" marks a value no source pins down; replace it with your own quote.
 * Facts cited as catalog-facts.md come from ../shared/reference/catalog-facts.md §5.
 */
export interface AssumptionDefault {
  /** The field path in `assumptions` (dots for nested fields). */
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly source: string;
}

const d = (name: string, value: number | string, unit: string, source: string): AssumptionDefault =>
  Object.freeze({ name, value, unit, source });

/** The hours in an average month: 8,760 h / 12. The convention cloud bills and reserved terms use. */
export const HOURS_PER_MONTH = d(
  'hoursPerMonth',
  730,
  'h/month',
  'AWS and Azure pricing convention (8,760 h a year / 12)',
);

export const ELECTRICITY = d(
  'electricity',
  0.0861,
  'USD/kWh',
  'EIA, US average industrial price 2025 (catalog/facilities.json elec-us-industrial-2025); converted with assumptions.fx for other currencies',
);

export const PUE = d(
  'pue',
  1.56,
  'facility W / IT W',
  'Uptime Institute global average PUE 2024 (catalog/facilities.json pue-air-industry-2024); new builds reach ≤ 1.3, small server rooms run higher',
);

export const SUPPORT_RATE_PER_YEAR = d(
  'supportRatePerYear',
  0.1,
  'of equipment price per year',
  'support contracts 10-15% of price a year, lower end (catalog/facilities.json support-rate-typical; DGX support runs ~20%)',
);

export const DEPRECIATION_YEARS = d(
  'depreciationYears',
  4,
  'years',
  'GPU lifetimes in cost models 3-5 years, midpoint (catalog/facilities.json depreciation-gpu); hyperscalers book servers 5-6 years',
);

export const RESIDUAL_VALUE_RATE = d(
  'residualValueRate',
  0.35,
  'of equipment price, at the end of depreciationYears',
  'resale value of a datacenter GPU after 4 years, H100 vintage curve (catalog/facilities.json residual-after-4-years); older and used parts fall much further (V100 32GB $200-450 vs $8,500 new, catalog-facts.md §2): set lower for them',
);

export const UTILIZATION_OWNED = d(
  'utilizationOwned',
  0.7,
  'share of calendar hours',
  'planner assumption: the share of the month an owned machine can give this workload (maintenance, failures, queueing, other users)',
);

export const SPOT_OVERHEAD = d(
  'spotOverhead',
  0.05,
  'extra billed hours, fraction',
  'planner assumption (v2): spot cost beyond the modelled checkpoints and interruptions (price drift above the quote, slower capacity); in v1 files it stands for the whole spot overhead',
);

export const SPOT_INTERRUPTIONS_PER_HOUR = d(
  'spot.interruptionsPerHour',
  0.02,
  'interruptions per instance-hour',
  'planner assumption (one per 50 instance-hours): more pessimistic than AWS Spot Instance Advisor\'s top band ("> 20%" of capacity reclaimed a month), where large GPU types usually sit',
);

export const SPOT_CHECKPOINT_INTERVAL_MINUTES = d(
  'spot.checkpointIntervalMinutes',
  30,
  'min',
  'planner assumption; compare with Young (1974) optimum √(2 × save time × mean time between interruptions), which the notes report',
);

export const SPOT_CHECKPOINT_SAVE_MINUTES = d(
  'spot.checkpointSaveMinutes',
  1,
  'min',
  'planner assumption: writing model and optimizer state to local NVMe / object storage; large full fine-tunes take longer',
);

export const SPOT_RESTART_MINUTES = d(
  'spot.restartMinutes',
  10,
  'min',
  'planner assumption: new instance, container start, checkpoint load and warm-up (billed time only; waiting for capacity is not billed)',
);

export const DISCOUNT_RATE_PER_YEAR = d(
  'discountRatePerYear',
  0.08,
  'per year',
  'planner assumption: a typical corporate cost of capital; finance should set its own hurdle rate',
);

export const IDLE_POWER_FRACTION = d(
  'idlePowerFraction',
  0,
  'of nameplate power, while not training',
  'planner assumption: owned machines are switched off or busy with other (separately paid) work when this workload does not use them; set ~0.2-0.3 for a server left idling',
);

export const TAX_RATE = d(
  'capex.taxRate',
  0,
  'of equipment + shipping',
  'planner assumption: quotes are taken net of sales tax / import VAT; set yours',
);

export const SHIPPING_RATE = d(
  'capex.shippingRate',
  0.01,
  'of equipment price',
  'planner assumption: freight and insurance for servers shipped domestically; replace with the quote',
);

export const INSTALL_PER_NODE = d(
  'capex.installPerNode',
  500,
  'USD per node',
  'planner assumption: rack-and-stack, cabling, burn-in by a technician (about a day); replace with the quote',
);

export const RACK_PRICE = d(
  'capex.rackPrice',
  1500,
  'USD per rack',
  'planner assumption: a 42U enclosure with two metered PDUs; replace with the quote',
);

export const RACK_UNITS = d('capex.rackUnits', 42, 'U per rack', 'the common full-height rack (EIA-310)');

export const RACK_KW = d(
  'capex.rackKW',
  25,
  'kW per rack',
  'air cooling limit ~25-30 kW per rack (catalog-facts.md §5), lower end',
);

export const RESERVED_PAYMENT = d(
  'reservedPayment',
  'monthly',
  'monthly | upfront',
  'AWS "No Upfront" reserved instances / savings plans: the commitment is billed monthly over the term',
);

export const COLOCATION_PER_KW_MONTH = d(
  'site.coloPerKWMonth',
  184.06,
  'USD per kW-month',
  'CBRE North America data centre report, H2 2024 asking rent, 250-500 kW deals (catalog-facts.md §5; catalog/facilities.json colo-na-2024h2)',
);

/** 1 W of IT load = 3.412142 BTU/h of heat (catalog-facts.md §5). */
export const BTU_PER_HOUR_PER_WATT = 3.412142;
/** 1 ton of refrigeration = 12,000 BTU/h (catalog-facts.md §5). */
export const BTU_PER_HOUR_PER_TON = 12_000;

/** Every default, in the order a reader meets them. */
export const ASSUMPTION_DEFAULTS: readonly AssumptionDefault[] = [
  ELECTRICITY,
  PUE,
  SUPPORT_RATE_PER_YEAR,
  DEPRECIATION_YEARS,
  RESIDUAL_VALUE_RATE,
  UTILIZATION_OWNED,
  SPOT_OVERHEAD,
  DISCOUNT_RATE_PER_YEAR,
  HOURS_PER_MONTH,
  SPOT_INTERRUPTIONS_PER_HOUR,
  SPOT_CHECKPOINT_INTERVAL_MINUTES,
  SPOT_CHECKPOINT_SAVE_MINUTES,
  SPOT_RESTART_MINUTES,
  RESERVED_PAYMENT,
  IDLE_POWER_FRACTION,
  TAX_RATE,
  SHIPPING_RATE,
  INSTALL_PER_NODE,
  RACK_PRICE,
  RACK_UNITS,
  RACK_KW,
  COLOCATION_PER_KW_MONTH,
];

export const defaultByName = (name: string): AssumptionDefault | undefined =>
  ASSUMPTION_DEFAULTS.find((a) => a.name === name);
