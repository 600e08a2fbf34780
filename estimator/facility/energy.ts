import { formatQuantity } from '../scenario/money';

/** One part of the day at one price, e.g. peak 08:00-20:00 = 12 h at 0.15 per kWh. */
export interface TariffPeriod {
  readonly name: string;
  readonly hoursPerDay: number;
  readonly pricePerKWh: number;
}

/** A flat price per kWh, or time-of-use periods covering the 24 hours of a day. */
export type Tariff = number | { readonly periods: readonly TariffPeriod[] };

/**
 * The price per kWh a load pays on average. Training draws about the same power around the clock,
 * so each period weighs by its hours: Σ hours × price / 24.
 */
export function blendedTariff(tariff: Tariff): number {
  if (typeof tariff === 'number') {
    if (!(tariff >= 0) || !Number.isFinite(tariff))
      throw new RangeError(`tariff: must be a price per kWh of 0 or more, got ${tariff}`);
    return tariff;
  }
  const hours = tariff.periods.reduce((a, p) => a + p.hoursPerDay, 0);
  if (Math.abs(hours - 24) > 1e-6)
    throw new RangeError(`tariff.periods: hoursPerDay must add up to 24, got ${formatQuantity(hours, 2)}`);
  for (const p of tariff.periods)
    if (!(p.pricePerKWh >= 0))
      throw new RangeError(`tariff.periods (${p.name}): pricePerKWh must be 0 or more, got ${p.pricePerKWh}`);
  return tariff.periods.reduce((a, p) => a + p.hoursPerDay * p.pricePerKWh, 0) / 24;
}

export interface FacilityEnergy {
  /** Energy at the servers, kWh. */
  readonly itKWh: number;
  /** With cooling and distribution losses: IT × PUE, kWh. */
  readonly facilityKWh: number;
  readonly pricePerKWh: number;
  /** Major units of the tariff's currency. */
  readonly cost: number;
  /** `32 kW × 26,280 h × PUE 1.5 × 0.1 /kWh`. */
  readonly formula: string;
}

/** What the facility pays for an IT load over some hours: itKW × hours × PUE × tariff. */
export function facilityEnergyCost(itKW: number, hours: number, pue: number, tariff: Tariff): FacilityEnergy {
  if (!(itKW >= 0) || !Number.isFinite(itKW))
    throw new RangeError(`itKW: must be a number of kW of 0 or more, got ${itKW}`);
  if (!(hours >= 0) || !Number.isFinite(hours))
    throw new RangeError(`hours: must be a number of hours of 0 or more, got ${hours}`);
  if (!(pue >= 1 && pue <= 3)) throw new RangeError(`pue: must be a number from 1 to 3, got ${pue}`);
  const pricePerKWh = blendedTariff(tariff);
  const itKWh = itKW * hours;
  const facilityKWh = itKWh * pue;
  return {
    itKWh,
    facilityKWh,
    pricePerKWh,
    cost: facilityKWh * pricePerKWh,
    formula: `${formatQuantity(itKW, 3)} kW × ${formatQuantity(hours, 2)} h × PUE ${formatQuantity(pue, 3)} × ${formatQuantity(pricePerKWh, 6)} /kWh${typeof tariff === 'number' ? '' : ' (time-of-use, hour-weighted)'}`,
  };
}
