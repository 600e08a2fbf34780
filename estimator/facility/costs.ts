import type { Currency } from '../../catalog/schema/common';
import { amountText, line, priceSource, qty } from '../costing/lines';
import type { CostLine, PriceRef } from '../costing/types';
import { money, type Money } from '../scenario/money';
import type { Circuit } from './circuits';
import { COOLING_NAMES } from './cooling';
import { plural } from './text';

/*
 * The site plan's money, in the shape of the costing's lines (estimator/costing/types.ts): one-off
 * capex paid at month 0 and monthly facility costs. Amounts are major units rounded once to the cent.
 */

export interface FacilityPrices {
  readonly rack: PriceRef;
  readonly pdu: PriceRef;
  readonly rearDoorPerKW: PriceRef;
  readonly liquidPerKW: PriceRef;
  /** Only for a colocation site. */
  readonly colocationPerKWMonth: PriceRef | null;
}

export interface CoolingRetrofit {
  readonly cooling: 'rear-door' | 'liquid';
  /** Load of the racks that need it, kW. */
  readonly kW: number;
  readonly racks: number;
}

export interface CapexInput {
  readonly racks: number;
  readonly rackUnits: number;
  readonly pdus: number;
  readonly circuit: Circuit;
  readonly feeds: 'A+B' | 'single';
  readonly retrofit: CoolingRetrofit | null;
  readonly prices: FacilityPrices;
  readonly currency: Currency;
}

export function facilityCapexLines(c: CapexInput): CostLine[] {
  const lines: CostLine[] = [
    line({
      id: 'facility-racks',
      label: `Racks (${c.rackUnits} U enclosures)`,
      kind: 'capex',
      amount: c.racks * c.prices.rack.amount,
      currency: c.currency,
      formula: `${qty(c.racks)} × ${amountText(c.prices.rack.amount, c.currency)}`,
      inputs: { racks: c.racks, pricePerRack: c.prices.rack.amount },
      source: priceSource(c.prices.rack),
      paidAt: 'start',
    }),
    line({
      id: 'facility-pdus',
      label: `Rack PDUs (${c.circuit.label}, ${c.feeds === 'A+B' ? 'A+B feeds' : 'single feed'})`,
      kind: 'capex',
      amount: c.pdus * c.prices.pdu.amount,
      currency: c.currency,
      formula: `${plural(c.pdus, 'PDU')} × ${amountText(c.prices.pdu.amount, c.currency)} (one per circuit, ${c.feeds === 'A+B' ? 'two feeds' : 'one feed'} per rack)`,
      inputs: { pdus: c.pdus, pricePerPdu: c.prices.pdu.amount, circuit: c.circuit.label, feeds: c.feeds },
      source: priceSource(c.prices.pdu),
      paidAt: 'start',
    }),
  ];
  const r = c.retrofit;
  if (r) {
    const price = r.cooling === 'liquid' ? c.prices.liquidPerKW : c.prices.rearDoorPerKW;
    lines.push(
      line({
        id: 'facility-cooling-retrofit',
        label:
          r.cooling === 'liquid'
            ? 'Direct liquid cooling retrofit (CDU, manifolds, facility water)'
            : 'Rear-door heat exchangers (doors, hoses, chilled-water branch)',
        kind: 'capex',
        amount: r.kW * price.amount,
        currency: c.currency,
        formula: `${qty(r.kW, 'kW', 2)} in ${plural(r.racks, 'rack')} × ${amountText(price.amount, c.currency, '/kW')}`,
        inputs: { kW: r.kW, racks: r.racks, pricePerKW: price.amount, cooling: COOLING_NAMES[r.cooling] },
        source: priceSource(price),
        paidAt: 'start',
      }),
    );
  }
  return lines;
}

/** A facility cost paid every month, per month (the costing spreads it over its horizon). */
export interface FacilityMonthlyCost {
  readonly id: string;
  readonly label: string;
  /** Major units per month. */
  readonly amountPerMonth: number;
  readonly currency: Currency;
  readonly formula: string;
  readonly inputs: Readonly<Record<string, number | string | boolean | null>>;
  readonly source: string;
}

/** Colocation is billed on the power contracted: the servers' nameplate kW (what the circuits are sized for). */
export function colocationMonthly(itKW: number, price: PriceRef, currency: Currency): FacilityMonthlyCost {
  return {
    id: 'facility-colocation',
    label: 'Colocation (contracted power)',
    amountPerMonth: itKW * price.amount,
    currency,
    formula: `${qty(itKW, 'kW', 2)} × ${amountText(price.amount, currency, '/kW-month')}`,
    inputs: { kW: itKW, pricePerKWMonth: price.amount },
    source: priceSource(price),
  };
}

/** The monthly costs as costing lines over `months` (what the horizon pays), paid monthly. */
export function facilityOpexLines(monthly: readonly FacilityMonthlyCost[], months: number): CostLine[] {
  return monthly.map((m) =>
    line({
      id: m.id,
      label: m.label,
      kind: 'opex',
      amount: m.amountPerMonth * months,
      currency: m.currency,
      formula: `${m.formula} × ${qty(months)} months`,
      inputs: { ...m.inputs, months },
      source: m.source,
      paidAt: 'monthly',
    }),
  );
}

/** Each month's costs rounded to the cent, then added: the same rule as the costing's totals. */
export const monthlyTotal = (currency: Currency, monthly: readonly FacilityMonthlyCost[]): Money => ({
  amountMinor: monthly.reduce((a, m) => a + money(m.amountPerMonth, currency).amountMinor, 0),
  currency,
});
