import type { Currency } from '../../catalog/schema/common';
import type { Pricing } from '../scenario/rows';
import type { ScenarioOption } from '../scenario/schema';
import type { ExportInput } from './types';

/**
 * The catalog rows (or inline quotes) behind each option, as the scenario names them: the Catalog
 * sheet lists them, and the Options sheet takes each price as it was quoted (amount and currency)
 * so that a price in another currency is converted by a formula over the FX rate.
 */

export interface QuotedPrice {
  readonly amount: number;
  readonly currency: Currency;
  readonly asOf?: string;
  readonly source?: string;
}

interface Used<T> {
  /** The catalog id, or null for an inline quote. */
  readonly id: string | null;
  readonly row: T;
}

export interface SystemUsed {
  readonly name: string;
  readonly gpu: string;
  readonly gpusPerNode: number;
  readonly price: QuotedPrice;
  readonly powerWatts?: number;
  readonly rackUnits?: number;
  readonly source?: string;
  readonly asOf?: string;
}

export interface NetworkUsed {
  readonly name: string;
  readonly interconnect?: string;
  readonly pricePerNode?: QuotedPrice;
  readonly switch?: { readonly model?: string; readonly ports: number; readonly price?: QuotedPrice };
  readonly nicPrice?: QuotedPrice;
  readonly cablePrice?: QuotedPrice;
  readonly source?: string;
  readonly asOf?: string;
}

export interface OfferUsed {
  readonly provider: string;
  readonly name: string;
  readonly region?: string;
  readonly gpu: string;
  readonly prices: Partial<Record<Pricing, QuotedPrice>>;
  readonly source?: string;
  readonly asOf?: string;
}

export interface OptionRows {
  readonly option: ScenarioOption;
  readonly system: Used<SystemUsed> | null;
  readonly network: Used<NetworkUsed> | null;
  readonly offer: Used<OfferUsed> | null;
}

function pick<T>(ref: string | object, rows: readonly { id: string }[]): Used<T> | null {
  if (typeof ref !== 'string') return { id: null, row: ref as T };
  const row = rows.find((r) => r.id === ref);
  return row ? { id: ref, row: row as unknown as T } : null;
}

export function rowsUsed(input: Pick<ExportInput, 'scenario' | 'catalog'>): Map<string, OptionRows> {
  const { scenario, catalog } = input;
  const out = new Map<string, OptionRows>();
  for (const o of scenario.options) {
    if (o.kind === 'cloud')
      out.set(o.id, { option: o, system: null, network: null, offer: pick<OfferUsed>(o.offer, catalog.offers) });
    else
      out.set(o.id, {
        option: o,
        system: pick<SystemUsed>(o.system, catalog.systems),
        network: o.kind === 'cluster' ? pick<NetworkUsed>(o.network, catalog.networks) : null,
        offer: null,
      });
  }
  return out;
}

/** The quoted price behind a cost line's unit price, when the line has one (facility lines do not). */
export function quotedPriceOf(lineId: string, rows: OptionRows): QuotedPrice | null {
  const o = rows.option;
  const net = rows.network?.row;
  switch (lineId) {
    case 'servers':
      return rows.system?.row.price ?? null;
    case 'network-switches':
      return net?.switch?.price ?? null;
    case 'network-nics':
      return net?.nicPrice ?? null;
    case 'network-cables':
      return net?.cablePrice ?? null;
    case 'network':
    case 'network-adapters':
      return net?.pricePerNode ?? null;
    case 'reserved-overflow':
      return rows.offer?.row.prices['on-demand'] ?? null;
    case 'cloud-hours':
    case 'spot-checkpoints':
    case 'spot-interruptions':
    case 'spot-overhead':
    case 'reserved-commitment':
      return o.kind === 'cloud' ? (rows.offer?.row.prices[o.pricing] ?? null) : null;
    default:
      return null;
  }
}
