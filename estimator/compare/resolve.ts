import type { Currency } from '../../catalog/schema/common';
import type { InterconnectId } from '../../catalog/schema/interconnect';
import type { FabricInput } from '../costing/owned';
import type { Finance, PriceRef } from '../costing/types';
import * as D from '../scenario/defaults';
import type { ScenarioIssue } from '../scenario/migrate';
import { convert, FxError, type FxTable } from '../scenario/money';
import type { Network } from '../../catalog/schema/network';
import type { NetworkFields, OfferFields, Pricing, SystemFields } from '../scenario/rows';
import type { MoneyInput, Scenario, ScenarioOption } from '../scenario/schema';
import type { CompareCatalog } from './types';

/**
 * Turns a scenario's options into hardware and prices in the scenario's currency: looks up catalog
 * ids, takes inline quotes as they are, converts every price with the scenario's fx (each conversion
 * noted), and reports every problem with the field it belongs to.
 */

export class Converter {
  readonly notes = new Set<string>();
  readonly issues: ScenarioIssue[] = [];
  readonly fx: FxTable;

  constructor(readonly scenario: Scenario) {
    const { asOf, ...rates } = scenario.assumptions.fx as { asOf?: string } & Record<string, number>;
    this.fx = { base: scenario.currency, rates: rates as FxTable['rates'], asOf: asOf ?? null };
  }

  /**
   * A price in the scenario's currency, or null (with an issue naming `assumptions.fx.<CUR>`) when
   * the scenario has no rate for it. `where` names the field the price came from.
   */
  price(amount: number, currency: Currency, source: string, where: string, unit = '', asOf?: string): PriceRef | null {
    try {
      const c = convert(amount, currency, this.scenario.currency, this.fx, unit);
      if (c.note) this.notes.add(c.note);
      return { amount: c.amount, source, fxNote: c.note, asOf: asOf ?? null };
    } catch (e) {
      if (!(e instanceof FxError)) throw e;
      this.issues.push({
        path: ['assumptions', 'fx', currency],
        message: `is required: ${where} is in ${currency} and the scenario counts in ${this.scenario.currency} (give how many ${currency} one ${this.scenario.currency} buys)`,
      });
      return null;
    }
  }

  money(m: MoneyInput, defaultSource: string, where: string, unit = ''): PriceRef | null {
    return this.price(m.amount, m.currency, m.source ?? defaultSource, where, unit, m.asOf);
  }
}

const ZERO: PriceRef = { amount: 0, source: 'not priced' };

/** The scenario's assumptions in its own currency; unconvertible prices leave issues on `conv`. */
export function financeOf(s: Scenario, conv: Converter): Finance {
  const a = s.assumptions;
  const electricity =
    conv.price(
      a.electricity.amount,
      a.electricity.currency,
      a.electricity.source ??
        (a.electricity.amount === D.ELECTRICITY.value && a.electricity.currency === 'USD'
          ? D.ELECTRICITY.source
          : 'assumptions.electricity'),
      'assumptions.electricity',
      '/kWh',
      a.electricity.asOf,
    ) ?? ZERO;
  const capexDefault = (m: MoneyInput, d: D.AssumptionDefault) =>
    m.source ?? (m.currency === 'USD' && m.amount === d.value ? d.source : `assumptions.${d.name}`);
  const site = a.site;
  let colo: PriceRef | null = null;
  if (site?.kind === 'colocation') {
    const given = site.coloPerKWMonth;
    colo = given
      ? conv.money(given, 'assumptions.site.coloPerKWMonth', 'assumptions.site.coloPerKWMonth', '/kW-month')
      : conv.price(
          D.COLOCATION_PER_KW_MONTH.value as number,
          'USD',
          D.COLOCATION_PER_KW_MONTH.source,
          'the default colocation price',
          '/kW-month',
        );
  }
  return {
    currency: s.currency,
    horizonMonths: s.workload.horizonMonths,
    runsPerMonth: s.workload.runsPerMonth,
    hoursPerMonth: a.hoursPerMonth,
    electricity,
    pue: a.pue,
    supportRatePerYear: a.supportRatePerYear,
    depreciationYears: a.depreciationYears,
    residualValueRate: a.residualValueRate,
    utilizationOwned: a.utilizationOwned,
    idlePowerFraction: a.idlePowerFraction,
    discountRatePerYear: a.discountRatePerYear,
    spotOverhead: a.spotOverhead,
    spot: a.spot,
    reservedPayment: a.reservedPayment,
    staffCostPerMonth: a.staffCostPerMonth
      ? conv.money(a.staffCostPerMonth, 'assumptions.staffCostPerMonth', 'assumptions.staffCostPerMonth', '/month')
      : null,
    taxRate: a.capex.taxRate,
    shippingRate: a.capex.shippingRate,
    installPerNode:
      conv.price(
        a.capex.installPerNode.amount,
        a.capex.installPerNode.currency,
        capexDefault(a.capex.installPerNode, D.INSTALL_PER_NODE),
        'assumptions.capex.installPerNode',
      ) ?? ZERO,
    rackPrice:
      conv.price(
        a.capex.rackPrice.amount,
        a.capex.rackPrice.currency,
        capexDefault(a.capex.rackPrice, D.RACK_PRICE),
        'assumptions.capex.rackPrice',
      ) ?? ZERO,
    rackUnits: a.capex.rackUnits,
    rackKW: a.capex.rackKW,
    colocationPerKWMonth: colo,
  };
}

/** The hardware an option brings, looked up and priced. */
export interface ResolvedHardware {
  readonly option: ScenarioOption;
  readonly index: number;
  readonly label: string;
  readonly gpu: string;
  readonly gpusPerNode: number;
  /** Servers bought (owned, cluster) or instances one run rents (cloud). */
  readonly nodes: number;
  /** Servers one run spans. */
  readonly nodesPerRun: number;
  /** Runs that go side by side (several owned servers without a fabric). */
  readonly concurrentRuns: number;
  readonly interconnect: InterconnectId | null;
  readonly nameplateWattsPerNode: number | null;
  readonly rackUnitsPerNode: number | null;
  /** Racks the option needs when the rack rule does not apply: the option's `racks`, or 0 for a tower outside a colocation. */
  readonly racksOverride: number | undefined;
  readonly server: PriceRef | null;
  readonly fabric: FabricInput | null;
  readonly cloud: {
    readonly pricing: Pricing;
    readonly price: PriceRef;
    readonly onDemand: PriceRef | null;
  } | null;
  readonly notes: string[];
}

const known = (rows: readonly { id: string }[]) =>
  rows.length
    ? `known: ${rows
        .slice(0, 30)
        .map((r) => r.id)
        .join(', ')}${rows.length > 30 ? ', …' : ''}`
    : 'the catalog has none yet: give it inline';

function lookup<F extends object>(
  ref: string | F,
  rows: readonly (F & { id: string })[],
  path: (string | number)[],
  what: string,
  issues: ScenarioIssue[],
): { row: F & { id?: string }; inline: boolean } | null {
  if (typeof ref !== 'string') return { row: ref, inline: true };
  const row = rows.find((r) => r.id === ref);
  if (!row) {
    issues.push({ path, message: `"${ref}" is not a ${what} in the catalog (${known(rows)})` });
    return null;
  }
  return { row, inline: false };
}

const PORTS_PER_NODE_RAIL: readonly string[] = ['infiniband-hdr', 'infiniband-ndr', 'roce-400g', 'roce-200g'];

export function resolveOption(
  s: Scenario,
  index: number,
  catalog: CompareCatalog,
  conv: Converter,
): ResolvedHardware | null {
  const o = s.options[index]!;
  const base = ['options', index] as (string | number)[];
  const issues = conv.issues;
  const before = issues.length;
  const gpuKnown = (gpu: string, path: (string | number)[]) => {
    if (!catalog.gpus.some((g) => g.id === gpu))
      issues.push({ path, message: `"${gpu}" is not a GPU in the catalog (${known(catalog.gpus)})` });
  };
  const notes: string[] = [];

  if (o.kind === 'owned' || o.kind === 'cluster') {
    const sys = lookup<SystemFields>(o.system, catalog.systems, [...base, 'system'], 'system', issues);
    if (!sys) return null;
    const row = sys.row;
    gpuKnown(row.gpu, sys.inline ? [...base, 'system', 'gpu'] : [...base, 'system']);
    const where = sys.inline ? `options[${index}].system.price` : `system "${String(sys.row.id)}" price`;
    const server = conv.price(row.price.amount, row.price.currency, row.price.source, where, '', row.price.asOf);
    let fabric: FabricInput | null = null;
    let interconnect: InterconnectId | null = null;
    let nodes = 1;
    let nodesPerRun = 1;
    let concurrentRuns = 1;
    if (o.kind === 'cluster') {
      nodes = o.nodes;
      nodesPerRun = o.nodes;
      const net = lookup<NetworkFields | Network>(o.network, catalog.networks, [...base, 'network'], 'network', issues);
      const n = net?.row;
      if (n && (n.layer === 'scale-up' || !n.interconnect)) {
        issues.push({
          path: [...base, 'network'],
          message: `"${String(n.id ?? n.name)}" links GPUs inside a node (scale-up); a cluster needs a scale-out network between nodes`,
        });
      } else if (n?.interconnect) {
        interconnect = n.interconnect;
        const at = net?.inline ? `options[${index}].network` : `network "${String(n.id)}"`;
        const p = (
          m: { amount: number; currency: Currency; source: string; asOf?: string } | undefined,
          field: string,
        ) => (m ? (conv.price(m.amount, m.currency, m.source, `${at} ${field}`, '', m.asOf) ?? undefined) : undefined);
        const sw = n.switch;
        const switchPrice = sw?.price ? p(sw.price, 'switch.price') : undefined;
        fabric = {
          name: n.name,
          interconnect: n.interconnect,
          portsPerNode: n.portsPerNode ?? (PORTS_PER_NODE_RAIL.includes(n.interconnect) ? row.gpusPerNode : 1),
          pricePerNode: p(n.pricePerNode, 'pricePerNode'),
          switch:
            sw && switchPrice
              ? { ports: sw.ports, price: switchPrice, powerWatts: sw.powerWatts, rackUnits: sw.rackUnits }
              : undefined,
          nicPrice: p(n.nicPrice, 'nicPrice'),
          cablePrice: p(n.cablePrice, 'cablePrice'),
        };
      }
    } else {
      nodes = o.count;
      if (o.count > 1 && row.interconnect) {
        nodesPerRun = o.count;
        interconnect = row.interconnect;
        notes.push(
          `one run spans all ${o.count} servers over their ${row.interconnect} adapters; the switches between them are not costed (a cluster option with a network costs them)`,
        );
      } else if (o.count > 1) {
        concurrentRuns = o.count;
        notes.push(
          `the ${o.count} servers have no fabric between them (system.interconnect): each run uses one, ${o.count} runs side by side`,
        );
      }
    }
    if (issues.length > before || !server) return null;
    const tower = row.form === 'tower' && s.assumptions.site?.kind !== 'colocation';
    if (tower && o.racks === undefined) notes.push('a tower: it stands on its own, no rack is costed');
    return {
      option: o,
      index,
      label: o.label ?? row.name,
      gpu: row.gpu,
      gpusPerNode: row.gpusPerNode,
      nodes,
      nodesPerRun,
      concurrentRuns,
      interconnect,
      nameplateWattsPerNode: row.powerWatts ?? null,
      rackUnitsPerNode: row.rackUnits ?? null,
      racksOverride: o.racks ?? (tower ? 0 : undefined),
      server,
      fabric,
      cloud: null,
      notes,
    };
  }

  const off = lookup<OfferFields>(o.offer, catalog.offers, [...base, 'offer'], 'cloud offer', issues);
  if (!off) return null;
  const row = off.row;
  gpuKnown(row.gpu, off.inline ? [...base, 'offer', 'gpu'] : [...base, 'offer']);
  const prices = row.prices as Partial<
    Record<Pricing, { amount: number; currency: Currency; source: string; asOf?: string }>
  >;
  const chosen = prices[o.pricing];
  if (!chosen) {
    const have = Object.keys(prices).filter((k) => prices[k as Pricing]);
    issues.push(
      off.inline
        ? {
            path: [...base, 'offer', 'prices', o.pricing],
            message: `is required for pricing "${o.pricing}" (the offer gives ${have.join(', ')})`,
          }
        : {
            path: [...base, 'pricing'],
            message: `offer "${String(row.id)}" has no ${o.pricing} price (it has ${have.join(', ')})`,
          },
    );
    return null;
  }
  const at = (field: string) =>
    off.inline ? `options[${index}].offer.prices.${field}` : `offer "${String(row.id)}" ${field} price`;
  const price = conv.price(chosen.amount, chosen.currency, chosen.source, at(o.pricing), '/h', chosen.asOf);
  const od = prices['on-demand'];
  const onDemand =
    od && o.pricing !== 'on-demand'
      ? conv.price(od.amount, od.currency, od.source, at('on-demand'), '/h', od.asOf)
      : null;
  if (issues.length > before || !price) return null;
  if (o.instances > 1 && !row.interconnect)
    notes.push(
      `the offer names no link between its instances: the estimate assumes the GPU's default network for ${o.instances} instances; check the provider offers one`,
    );
  return {
    option: o,
    index,
    label: o.label ?? `${row.provider} ${row.name}${row.region ? ` (${row.region})` : ''}`,
    gpu: row.gpu,
    gpusPerNode: row.gpusPerInstance,
    nodes: o.instances,
    nodesPerRun: o.instances,
    concurrentRuns: 1,
    interconnect: row.interconnect ?? null,
    nameplateWattsPerNode: null,
    rackUnitsPerNode: null,
    racksOverride: undefined,
    server: null,
    fabric: null,
    cloud: { pricing: o.pricing, price, onDemand: o.pricing === 'on-demand' ? price : onDemand },
    notes,
  };
}
