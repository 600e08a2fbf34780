import { formatDecimal, toMajor } from '../scenario/money';
import { cashflow } from './cashflow';
import { amountText, count, line, pct, priceSource, qty, totalOf } from './lines';
import type { CostLine, Finance, OptionCost, PriceRef, RunProfile } from './types';

/**
 * Owned hardware (a server, several servers, or a cluster with its fabric) over the horizon.
 *
 * Money:
 *   capex (month 0)  = servers + network + racks + installation + shipping + tax (+ facility, when planned)
 *   opex (monthly)   = energy + idle energy + colocation + support + staff
 *   residual (at the horizon's end) = the equipment's book value then (straight line to the salvage
 *                      value `residualValueRate` × price over `depreciationYears`); the hardware is sold.
 *   total            = capex + opex − residual          (contracts/scenario.md)
 *
 * Utilization (decided here, documented in the README of costing): the scenario's `utilizationOwned`
 * is the share of calendar hours the machine can give this workload (maintenance, failures, queueing,
 * other users). The workload needs hoursPerRun × runsPerMonth / concurrentRuns machine-hours a month;
 * if that exceeds hoursPerMonth × utilizationOwned the option cannot keep up (`feasible: false`, with
 * a note saying how many runs a month it can do). Energy is paid for the hours the workload runs
 * (training draw × PUE × tariff); idle hours cost `idlePowerFraction` × nameplate power (0 by default:
 * switched off or used by other, separately paid, work). Capex is charged to the workload in full.
 */

export interface FabricInput {
  readonly name: string;
  readonly interconnect: string;
  /** All-in per node; when given, the fabric is priced from it alone. */
  readonly pricePerNode?: PriceRef;
  /** Fabric ports per node. */
  readonly portsPerNode: number;
  readonly switch?: {
    readonly ports: number;
    readonly price: PriceRef;
    readonly powerWatts?: number;
    readonly rackUnits?: number;
  };
  /** Per port. */
  readonly nicPrice?: PriceRef;
  /** Per cable (node-to-leaf and leaf-to-spine alike). */
  readonly cablePrice?: PriceRef;
}

export interface OwnedHardware {
  readonly label: string;
  /** Servers bought. */
  readonly nodes: number;
  /** Price of one server. */
  readonly server: PriceRef;
  readonly gpusPerNode: number;
  /** Nameplate power of one server, W (null = unknown: the training draw is used instead). */
  readonly nameplateWattsPerNode: number | null;
  readonly rackUnitsPerNode: number | null;
  /** Racks the user says this needs (0 for a workstation); otherwise sized by rack units and rack kW. */
  readonly racksOverride?: number;
  readonly fabric?: FabricInput;
  /** Facility capex from the site plan (issue 10); when present it includes the racks. */
  readonly facility?: { readonly capex: PriceRef; readonly racks: number; readonly lines?: readonly CostLine[] };
}

export interface OwnedUsage extends RunProfile {
  /** Runs that can go side by side (servers without a fabric each run their own job). */
  readonly concurrentRuns: number;
  /** Servers one run occupies. */
  readonly nodesPerRun: number;
}

export interface FabricSize {
  readonly endpoints: number;
  readonly tiers: 0 | 1 | 2 | 3;
  readonly leaves: number;
  readonly spines: number;
  readonly cores: number;
  readonly switches: number;
  readonly cables: number;
}

/**
 * Non-blocking fat tree from switch radix P: one switch up to P ports; two tiers (leaves with P/2
 * ports down and P/2 up, spines) up to P²/2 ports; three tiers beyond, up to P³/4.
 * A single node needs no switch.
 */
export function sizeFabric(nodes: number, portsPerNode: number, switchPorts: number): FabricSize {
  const endpoints = nodes * portsPerNode;
  if (nodes <= 1) return { endpoints, tiers: 0, leaves: 0, spines: 0, cores: 0, switches: 0, cables: 0 };
  const half = Math.max(1, Math.floor(switchPorts / 2));
  if (endpoints <= switchPorts)
    return { endpoints, tiers: 1, leaves: 1, spines: 0, cores: 0, switches: 1, cables: endpoints };
  if (endpoints <= (switchPorts * switchPorts) / 2) {
    const leaves = Math.ceil(endpoints / half);
    const spines = Math.ceil((leaves * half) / switchPorts);
    return {
      endpoints,
      tiers: 2,
      leaves,
      spines,
      cores: 0,
      switches: leaves + spines,
      cables: endpoints + leaves * half,
    };
  }
  const leaves = Math.ceil(endpoints / half);
  const spines = leaves; // aggregation layer: as many as edge switches
  const cores = Math.ceil((spines * half) / switchPorts);
  return {
    endpoints,
    tiers: 3,
    leaves,
    spines,
    cores,
    switches: leaves + spines + cores,
    cables: endpoints + leaves * half + spines * half,
  };
}

export function costOwned(hw: OwnedHardware, use: OwnedUsage, fin: Finance): OptionCost {
  const c = fin.currency;
  const H = fin.horizonMonths;
  const runs = fin.runsPerMonth * H;
  const years = H / 12;
  const lines: CostLine[] = [];
  const notes: string[] = [];

  // ---- capex ----------------------------------------------------------------------------------
  const servers = line({
    id: 'servers',
    label: `Servers: ${hw.label}`,
    kind: 'capex',
    amount: hw.nodes * hw.server.amount,
    currency: c,
    formula: `${qty(hw.nodes)} × ${amountText(hw.server.amount, c)}`,
    inputs: { servers: hw.nodes, pricePerServer: hw.server.amount, gpusPerServer: hw.gpusPerNode },
    source: priceSource(hw.server),
    paidAt: 'start',
  });
  lines.push(servers);

  const networkLines: CostLine[] = [];
  let switchWatts = 0;
  let switchRackUnits = 0;
  if (hw.fabric) {
    const f = hw.fabric;
    const sw = f.switch;
    if (sw) {
      // Switches sized from the node count; each node's adapters and cables priced per port, or, when
      // the row gives only an all-in pricePerNode, that price less the switch share it already holds.
      const size = sizeFabric(hw.nodes, f.portsPerNode, sw.ports);
      const tierText = ['no switch (one node)', 'one switch', 'two-tier leaf/spine', 'three-tier fat tree'][size.tiers];
      networkLines.push(
        line({
          id: 'network-switches',
          label: `Network switches: ${f.name} (${tierText})`,
          kind: 'capex',
          amount: size.switches * sw.price.amount,
          currency: c,
          formula:
            size.tiers <= 1
              ? `${qty(size.switches)} × ${amountText(sw.price.amount, c)} (${count(hw.nodes, 'node')} × ${qty(f.portsPerNode)} ports = ${qty(size.endpoints)}, ${size.tiers === 0 ? 'no fabric needed' : `≤ ${qty(sw.ports)} ports`})`
              : `(${qty(size.leaves)} leaf + ${qty(size.spines)} spine${size.cores ? ` + ${qty(size.cores)} core` : ''}) × ${amountText(sw.price.amount, c)} (${qty(size.endpoints)} node ports on ${qty(sw.ports)}-port switches)`,
          inputs: {
            nodes: hw.nodes,
            portsPerNode: f.portsPerNode,
            switchPorts: sw.ports,
            leaves: size.leaves,
            spines: size.spines,
            cores: size.cores,
            switches: size.switches,
            pricePerSwitch: sw.price.amount,
          },
          source: priceSource(sw.price),
          paidAt: 'start',
        }),
      );
      // A single node has no fabric to join: no adapters or cables either.
      if (size.tiers > 0 && (f.nicPrice || f.cablePrice)) {
        if (f.nicPrice)
          networkLines.push(
            line({
              id: 'network-nics',
              label: `Network adapters (${f.interconnect})`,
              kind: 'capex',
              amount: size.endpoints * f.nicPrice.amount,
              currency: c,
              formula: `${count(hw.nodes, 'node')} × ${qty(f.portsPerNode)} ports × ${amountText(f.nicPrice.amount, c)}`,
              inputs: { ports: size.endpoints, pricePerPort: f.nicPrice.amount },
              source: priceSource(f.nicPrice),
              paidAt: 'start',
            }),
          );
        if (f.cablePrice)
          networkLines.push(
            line({
              id: 'network-cables',
              label: 'Network cables and transceivers',
              kind: 'capex',
              amount: size.cables * f.cablePrice.amount,
              currency: c,
              formula: `${qty(size.cables)} cables × ${amountText(f.cablePrice.amount, c)}`,
              inputs: { cables: size.cables, pricePerCable: f.cablePrice.amount },
              source: priceSource(f.cablePrice),
              paidAt: 'start',
            }),
          );
      } else if (size.tiers > 0 && f.pricePerNode) {
        const share = (sw.price.amount * f.portsPerNode) / sw.ports;
        const perNode = Math.max(0, f.pricePerNode.amount - share);
        networkLines.push(
          line({
            id: 'network-adapters',
            label: `Network adapters, cables and optics: ${f.name}`,
            kind: 'capex',
            amount: hw.nodes * perNode,
            currency: c,
            formula: `${count(hw.nodes, 'node')} × (${amountText(f.pricePerNode.amount, c)} per node − switch share ${amountText(sw.price.amount, c)} × ${qty(f.portsPerNode)} / ${qty(sw.ports)} ports)`,
            inputs: { nodes: hw.nodes, pricePerNode: f.pricePerNode.amount, switchSharePerNode: share },
            source: priceSource(f.pricePerNode),
            paidAt: 'start',
          }),
        );
      }
      switchWatts = size.switches * (sw.powerWatts ?? 0);
      switchRackUnits = size.switches * (sw.rackUnits ?? 1);
    } else if (f.pricePerNode) {
      networkLines.push(
        line({
          id: 'network',
          label: `Network: ${f.name}`,
          kind: 'capex',
          amount: hw.nodes * f.pricePerNode.amount,
          currency: c,
          formula: `${count(hw.nodes, 'node')} × ${amountText(f.pricePerNode.amount, c)} per node`,
          inputs: { nodes: hw.nodes, pricePerNode: f.pricePerNode.amount, interconnect: f.interconnect },
          source: priceSource(f.pricePerNode),
          paidAt: 'start',
        }),
      );
    }
  }
  lines.push(...networkLines);

  const equipment = servers.amountMinor + networkLines.reduce((a, l) => a + l.amountMinor, 0);
  const equipmentMajor = toMajor({ amountMinor: equipment, currency: c });

  // Nameplate power (what PDUs, colocation contracts and cooling are sized for).
  const nameplateKW =
    hw.nameplateWattsPerNode !== null ? (hw.nodes * hw.nameplateWattsPerNode + switchWatts) / 1000 : null;

  // Racks: the facility plan's count (its capex includes them), the user's, or the larger of rack
  // units and rack power (a rack holds `rackUnits` U and `rackKW` kW of nameplate load).
  if (hw.facility?.lines?.length) {
    for (const l of hw.facility.lines) lines.push({ ...l, kind: 'capex', paidAt: 'start' });
  } else if (hw.facility) {
    lines.push(
      line({
        id: 'facility',
        label: 'Facility (site plan: racks, power, cooling)',
        kind: 'capex',
        amount: hw.facility.capex.amount,
        currency: c,
        formula: `site plan: ${amountText(hw.facility.capex.amount, c)} for ${qty(hw.facility.racks)} rack(s)`,
        inputs: { racks: hw.facility.racks },
        source: priceSource(hw.facility.capex),
        paidAt: 'start',
      }),
    );
  } else {
    const ru = hw.rackUnitsPerNode !== null ? hw.nodes * hw.rackUnitsPerNode + switchRackUnits : null;
    const kw = nameplateKW ?? (use.itKW * hw.nodes) / Math.max(1, use.nodesPerRun);
    const racks =
      hw.racksOverride ?? Math.max(1, ru !== null ? Math.ceil(ru / fin.rackUnits) : 0, Math.ceil(kw / fin.rackKW));
    const why =
      hw.racksOverride !== undefined
        ? 'racks set on the option'
        : `the larger of ${ru !== null ? `${qty(ru)} U / ${qty(fin.rackUnits)} U` : 'rack units unknown'} and ${qty(kw, '', 2)} kW / ${qty(fin.rackKW)} kW per rack`;
    if (racks > 0)
      lines.push(
        line({
          id: 'racks',
          label: 'Racks',
          kind: 'capex',
          amount: racks * fin.rackPrice.amount,
          currency: c,
          formula: `${qty(racks)} × ${amountText(fin.rackPrice.amount, c)} (${why})`,
          inputs: {
            racks,
            rackUnitsNeeded: ru,
            kW: kw,
            rackUnits: fin.rackUnits,
            rackKW: fin.rackKW,
            pricePerRack: fin.rackPrice.amount,
          },
          source: priceSource(fin.rackPrice),
          paidAt: 'start',
        }),
      );
  }

  if (fin.installPerNode.amount > 0)
    lines.push(
      line({
        id: 'install',
        label: 'Installation',
        kind: 'capex',
        amount: hw.nodes * fin.installPerNode.amount,
        currency: c,
        formula: `${count(hw.nodes, 'node')} × ${amountText(fin.installPerNode.amount, c)}`,
        inputs: { nodes: hw.nodes, perNode: fin.installPerNode.amount },
        source: priceSource(fin.installPerNode),
        paidAt: 'start',
      }),
    );

  const shipping = equipmentMajor * fin.shippingRate;
  if (fin.shippingRate > 0)
    lines.push(
      line({
        id: 'shipping',
        label: 'Shipping and insurance',
        kind: 'capex',
        amount: shipping,
        currency: c,
        formula: `${pct(fin.shippingRate)} × ${amountText(equipmentMajor, c)} equipment`,
        inputs: { rate: fin.shippingRate, equipment: equipmentMajor },
        source: 'assumptions.capex.shippingRate',
        paidAt: 'start',
      }),
    );
  if (fin.taxRate > 0) {
    const rackMajor = toMajor({
      amountMinor: lines
        .filter((l) => l.id === 'racks' || l.id.startsWith('facility'))
        .reduce((a, l) => a + l.amountMinor, 0),
      currency: c,
    });
    const base = equipmentMajor + rackMajor + shipping;
    lines.push(
      line({
        id: 'tax',
        label: 'Sales tax / import VAT',
        kind: 'capex',
        amount: base * fin.taxRate,
        currency: c,
        formula: `${pct(fin.taxRate)} × ${amountText(base, c)} (equipment, racks or facility, and shipping)`,
        inputs: { rate: fin.taxRate, base },
        source: 'assumptions.capex.taxRate',
        paidAt: 'start',
      }),
    );
  }

  // ---- opex -----------------------------------------------------------------------------------
  const tariff = fin.electricity.amount;
  const itKWh = runs * use.itKWhPerRun;
  lines.push(
    line({
      id: 'energy',
      label: 'Electricity while training (with cooling overhead)',
      kind: 'opex',
      amount: itKWh * fin.pue * tariff,
      currency: c,
      formula: `${qty(runs)} runs × ${qty(use.itKWhPerRun, 'kWh', 2)} × PUE ${qty(fin.pue)} × ${amountText(tariff, c, '/kWh')}`,
      inputs: { runs, itKWhPerRun: use.itKWhPerRun, pue: fin.pue, pricePerKWh: tariff },
      source: priceSource(fin.electricity),
      paidAt: 'monthly',
    }),
  );

  // Busy machine-hours a month: each run holds `nodesPerRun` servers for hoursPerRun.
  const busyNodeHoursPerMonth = fin.runsPerMonth * use.hoursPerRun * use.nodesPerRun;
  if (fin.idlePowerFraction > 0 && hw.nameplateWattsPerNode !== null) {
    const idleNodeHours = Math.max(0, hw.nodes * fin.hoursPerMonth - busyNodeHoursPerMonth) * H;
    const idleKWh = (idleNodeHours * hw.nameplateWattsPerNode * fin.idlePowerFraction) / 1000;
    lines.push(
      line({
        id: 'energy-idle',
        label: 'Electricity while idle',
        kind: 'opex',
        amount: idleKWh * fin.pue * tariff,
        currency: c,
        formula: `${qty(idleNodeHours, 'idle server-hours', 1)} × ${qty(hw.nameplateWattsPerNode)} W × ${pct(fin.idlePowerFraction)} × PUE ${qty(fin.pue)} × ${amountText(tariff, c, '/kWh')}`,
        inputs: {
          idleNodeHours,
          nameplateWatts: hw.nameplateWattsPerNode,
          idlePowerFraction: fin.idlePowerFraction,
          pue: fin.pue,
          pricePerKWh: tariff,
        },
        source: `${priceSource(fin.electricity)}; assumptions.idlePowerFraction`,
        paidAt: 'monthly',
      }),
    );
  }

  if (fin.colocationPerKWMonth) {
    const kw = nameplateKW ?? (use.itKW * hw.nodes) / Math.max(1, use.nodesPerRun);
    lines.push(
      line({
        id: 'colocation',
        label: 'Colocation (contracted power)',
        kind: 'opex',
        amount: kw * fin.colocationPerKWMonth.amount * H,
        currency: c,
        formula: `${qty(kw, 'kW', 2)} × ${amountText(fin.colocationPerKWMonth.amount, c, '/kW-month')} × ${qty(H)} months`,
        inputs: {
          kW: kw,
          nameplate: nameplateKW !== null,
          pricePerKWMonth: fin.colocationPerKWMonth.amount,
          months: H,
        },
        source: priceSource(fin.colocationPerKWMonth),
        paidAt: 'monthly',
      }),
    );
  }

  if (fin.supportRatePerYear > 0)
    lines.push(
      line({
        id: 'support',
        label: 'Support and maintenance',
        kind: 'opex',
        amount: equipmentMajor * fin.supportRatePerYear * years,
        currency: c,
        formula: `${amountText(equipmentMajor, c)} equipment × ${pct(fin.supportRatePerYear)}/year × ${qty(years, 'years', 4)}`,
        inputs: { equipment: equipmentMajor, ratePerYear: fin.supportRatePerYear, years },
        source: 'assumptions.supportRatePerYear',
        paidAt: 'monthly',
      }),
    );

  if (fin.staffCostPerMonth && fin.staffCostPerMonth.amount > 0)
    lines.push(
      line({
        id: 'staff',
        label: 'Staff (operations)',
        kind: 'opex',
        amount: fin.staffCostPerMonth.amount * H,
        currency: c,
        formula: `${amountText(fin.staffCostPerMonth.amount, c, '/month')} × ${qty(H)} months`,
        inputs: { perMonth: fin.staffCostPerMonth.amount, months: H },
        source: priceSource(fin.staffCostPerMonth),
        paidAt: 'monthly',
      }),
    );

  // ---- depreciation and residual value ------------------------------------------------------
  // Straight line from price to salvage (residualValueRate × price) over depreciationYears;
  // the hardware is sold at book value when the horizon ends.
  const salvage = equipmentMajor * fin.residualValueRate;
  const depPerYear = (equipmentMajor - salvage) / fin.depreciationYears;
  const depreciatedYears = Math.min(years, fin.depreciationYears);
  const bookValue = equipmentMajor - depPerYear * depreciatedYears;
  lines.push(
    line({
      id: 'depreciation',
      label: 'Depreciation per year (for information; the capex is already counted)',
      kind: 'info',
      amount: depPerYear,
      currency: c,
      formula: `(${amountText(equipmentMajor, c)} − ${pct(fin.residualValueRate)} salvage) / ${qty(fin.depreciationYears)} years`,
      inputs: {
        equipment: equipmentMajor,
        residualValueRate: fin.residualValueRate,
        depreciationYears: fin.depreciationYears,
      },
      source: 'assumptions.depreciationYears, assumptions.residualValueRate',
      paidAt: 'none',
    }),
  );
  lines.push(
    line({
      id: 'residual',
      label: `Residual value at month ${H} (sold at book value)`,
      kind: 'residual',
      amount: -bookValue,
      currency: c,
      formula: `−(${amountText(equipmentMajor, c)} − ${amountText(depPerYear, c)}/year × ${qty(depreciatedYears, 'years', 4)})`,
      inputs: { equipment: equipmentMajor, depreciationPerYear: depPerYear, years: depreciatedYears, bookValue },
      source: 'straight-line depreciation to residualValueRate × price over depreciationYears',
      paidAt: 'end',
    }),
  );

  // ---- schedule: can the machine keep up? -------------------------------------------------------
  const neededHoursPerMonth = (fin.runsPerMonth * use.hoursPerRun) / use.concurrentRuns;
  const availableHoursPerMonth = fin.hoursPerMonth * fin.utilizationOwned;
  const feasible = neededHoursPerMonth <= availableHoursPerMonth + 1e-9;
  const utilization = neededHoursPerMonth / fin.hoursPerMonth;
  notes.push(
    `busy ${formatDecimal(neededHoursPerMonth, 1, 1)} h a month for this workload (${pct(Math.round(utilization * 1000) / 1000)} of the month); up to ${formatDecimal(availableHoursPerMonth, 0, 0)} h available at utilizationOwned ${qty(fin.utilizationOwned)}`,
  );
  if (!feasible) {
    const canDo = (availableHoursPerMonth * use.concurrentRuns) / use.hoursPerRun;
    notes.push(
      `cannot keep up: ${qty(fin.runsPerMonth)} runs a month need ${formatDecimal(neededHoursPerMonth, 0, 0)} h but ${formatDecimal(availableHoursPerMonth, 0, 0)} h are available; it can do about ${formatDecimal(canDo, 1, 1)} runs a month`,
    );
  }

  const capex = totalOf(c, lines, 'capex');
  const opex = totalOf(c, lines, 'opex');
  const residualLine = totalOf(c, lines, 'residual');
  const totalMinor = capex.amountMinor + opex.amountMinor + residualLine.amountMinor;
  return {
    lines,
    capex,
    opex,
    residual: { amountMinor: -residualLine.amountMinor || 0, currency: c },
    total: { amountMinor: totalMinor, currency: c },
    cashflowMinor: cashflow(lines, H),
    hoursPerRun: use.hoursPerRun,
    totalHours: use.hoursPerRun * runs,
    feasible,
    notes,
    utilization,
    nameplateKW,
  };
}
