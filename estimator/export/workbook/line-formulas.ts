import type { ComparisonRow } from '../../compare/types';
import { spotHours } from '../../costing/cloud';
import type { CostLine } from '../../costing/types';
import type { OptionRows } from '../rows-used';
import type { Ref } from './block';
import type { Ctx } from './context';
import { FMT } from './formats';
import { formula, type Formula } from './model';
import { NAME } from './names';
import { zeroRetrofit } from './zero-lines';

/**
 * Each cost line as a spreadsheet formula over its quantities and the named assumptions, mirroring
 * estimator/costing (owned.ts, cloud.ts) term for term and in the same order of operations, so that a
 * spreadsheet recomputing it gets the app's number: the line is then rounded to the cent with
 * ROUND(…, 2), as `line()` rounds it (half away from zero, like ROUND).
 *
 * Structure stays as the app decided it (how many switches, reserved terms, whether an option fits);
 * the rates and prices are live.
 */

export interface QuantitySpec {
  readonly label: string;
  /** A number the app used, or a formula with the app's value as its cached result. */
  readonly value: number | ((ref: Ref) => Formula);
  readonly unit: string;
  readonly fmt: string;
  readonly source?: string;
}

export interface LineEnv {
  readonly ctx: Ctx;
  readonly row: ComparisonRow;
  readonly rows: OptionRows;
  readonly line: CostLine;
  /** Adds a quantity row once (later calls with the same key reuse it); returns its key. */
  q(key: string, spec: QuantitySpec): string;
  /**
   * A unit price in the scenario's currency (`amount`, as the app used it): a formula over the quoted
   * price and FX_… when it was quoted in another currency. `unit` has a `{currency}` placeholder.
   */
  price(key: string, label: string, amount: number, unit: string): string;
  has(key: string): boolean;
}

/** The line's amount before rounding, as a formula; `negate` for money coming back (−ROUND(book value)). */
export interface LineExpr {
  readonly expr: (ref: Ref) => string;
  readonly negate?: boolean;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** Hours of one run as the estimate gives them (compare's `run.hoursPerRun`). */
export const trainingHoursOf = (row: ComparisonRow): number => (row.estimate?.time?.seconds ?? 0) / 3600;

/** Servers one run spans: the chosen layout's GPUs over GPUs per server. */
export const nodesPerRunOf = (row: ComparisonRow): number =>
  row.layout ? row.layout.gpus / row.layout.gpusPerNode : 1;

/** The equipment subtotal (servers and network): shipping, tax, support and residual value are rates of it. */
export const EQUIPMENT = 'equipment';
export const lineKey = (id: string): string => `line:${id}`;

export function lineExpr(env: LineEnv): LineExpr | null {
  const { ctx, line, row } = env;
  const i = line.inputs;
  const Q = ctx.m.options.quantity;
  const U = ctx.m.options.unit;
  const count = (key: string, label: string, value: number, unit: string) =>
    env.q(key, { label, value, unit, fmt: FMT.number });
  const nodes = () => count('nodes', Q.nodes, row.nodes, U.servers);
  const runs = NAME.runs;
  const instances = () => count('instances', Q.instances, num(i.instances) || row.nodes, U.instances);
  const hourPrice = () => env.price('hourPrice', Q.hourPrice, num(i.pricePerInstanceHour), U.perHour);
  const training = () =>
    env.q('trainingHours', { label: Q.trainingHours, value: trainingHoursOf(row), unit: U.h, fmt: FMT.hours });

  switch (line.id) {
    // ---- owned: capex (owned.ts) ----------------------------------------------------------
    case 'servers': {
      const n = nodes();
      count('gpusPerNode', Q.gpusPerNode, num(i.gpusPerServer), U.gpus);
      const p = env.price('serverPrice', Q.serverPrice, num(i.pricePerServer), U.money);
      return { expr: (ref) => `${ref(n)}*${ref(p)}` };
    }
    case 'network-switches': {
      const n = count('switches', Q.switches, num(i.switches), U.switches);
      count('portsPerNode', Q.portsPerNode, num(i.portsPerNode), U.ports);
      count('switchPorts', Q.switchPorts, num(i.switchPorts), U.ports);
      const p = env.price('switchPrice', Q.switchPrice, num(i.pricePerSwitch), U.money);
      return { expr: (ref) => `${ref(n)}*${ref(p)}` };
    }
    case 'network-nics': {
      const n = count('nicPorts', Q.nicPorts, num(i.ports), U.ports);
      const p = env.price('nicPrice', Q.nicPrice, num(i.pricePerPort), U.money);
      return { expr: (ref) => `${ref(n)}*${ref(p)}` };
    }
    case 'network-cables': {
      const n = count('cables', Q.cables, num(i.cables), U.cables);
      const p = env.price('cablePrice', Q.cablePrice, num(i.pricePerCable), U.money);
      return { expr: (ref) => `${ref(n)}*${ref(p)}` };
    }
    case 'network-adapters': {
      // nodes × max(0, pricePerNode − switch price × portsPerNode / switch ports)
      const n = nodes();
      const p = env.price('networkPerNode', Q.networkPerNode, num(i.pricePerNode), U.money);
      if (!env.has('switchPrice')) return null;
      return {
        expr: (ref) => `${ref(n)}*MAX(0,${ref(p)}-${ref('switchPrice')}*${ref('portsPerNode')}/${ref('switchPorts')})`,
      };
    }
    case 'network': {
      const n = nodes();
      const p = env.price('networkPerNode', Q.networkPerNode, num(i.pricePerNode), U.money);
      return { expr: (ref) => `${ref(n)}*${ref(p)}` };
    }
    case 'racks': {
      const r = rackCount(env);
      return { expr: (ref) => `${ref(r)}*${ctx.expr.rackPrice}` };
    }
    case 'install': {
      const n = nodes();
      return { expr: (ref) => `${ref(n)}*${ctx.expr.installPerNode}` };
    }
    case 'shipping':
      return { expr: (ref) => `${ref(EQUIPMENT)}*${NAME.shippingRate}` };
    case 'tax': {
      // (equipment + racks or facility + shipping) × rate; shipping unrounded, as owned.ts adds it
      const racks = rackLineKeys(env);
      return {
        expr: (ref) => {
          const r = racks.length
            ? `+${racks.length > 1 ? `(${racks.map((k) => ref(k)).join('+')})` : ref(racks[0]!)}`
            : '';
          return `(${ref(EQUIPMENT)}${r}+${ref(EQUIPMENT)}*${NAME.shippingRate})*${NAME.taxRate}`;
        },
      };
    }

    // ---- owned: opex ----------------------------------------------------------------------
    case 'energy': {
      const kwh = itKWh(env);
      return { expr: (ref) => `${runs}*${ref(kwh)}*${NAME.pue}*${ctx.expr.tariff}` };
    }
    case 'energy-idle': {
      // max(0, servers × h/month − runs/month × hours × servers per run) × months × W × idle share / 1000 × PUE × tariff
      const n = nodes();
      const h = training();
      const per = count('nodesPerRun', Q.nodesPerRun, nodesPerRunOf(row), U.servers);
      const w = count('nameplateWatts', Q.nameplateWatts, nameplateWattsOf(env), U.W);
      return {
        expr: (ref) =>
          `MAX(0,${ref(n)}*${NAME.hoursPerMonth}-${NAME.runsPerMonth}*${ref(h)}*${ref(per)})*${NAME.horizonMonths}*${ref(w)}*${NAME.idlePowerFraction}/1000*${NAME.pue}*${ctx.expr.tariff}`,
      };
    }
    case 'colocation': {
      if (!ctx.expr.coloPerKWMonth) return null;
      const colo = ctx.expr.coloPerKWMonth;
      const kw = env.q('coloKW', { label: Q.coloKW, value: num(i.kW), unit: U.kW, fmt: FMT.kw });
      return { expr: (ref) => `${ref(kw)}*${colo}*${NAME.horizonMonths}` };
    }
    case 'support':
      return { expr: (ref) => `${ref(EQUIPMENT)}*${NAME.supportRatePerYear}*(${NAME.horizonMonths}/12)` };
    case 'staff':
      return { expr: () => `${ctx.expr.staffCostPerMonth}*${NAME.horizonMonths}` };
    case 'depreciation':
      return {
        expr: (ref) => `(${ref(EQUIPMENT)}-${ref(EQUIPMENT)}*${NAME.residualValueRate})/${NAME.depreciationYears}`,
      };
    case 'residual':
      // −(equipment − depreciation a year × min(years, depreciation years))
      return {
        negate: true,
        expr: (ref) =>
          `${ref(EQUIPMENT)}-(${ref(EQUIPMENT)}-${ref(EQUIPMENT)}*${NAME.residualValueRate})/${NAME.depreciationYears}*MIN(${NAME.horizonMonths}/12,${NAME.depreciationYears})`,
      };

    // ---- cloud (cloud.ts) -----------------------------------------------------------------
    case 'cloud-hours': {
      const h = training();
      const n = instances();
      const p = hourPrice();
      return { expr: (ref) => `${runs}*${ref(h)}*${ref(n)}*${ref(p)}` };
    }
    case 'spot-checkpoints':
    case 'spot-interruptions':
    case 'spot-overhead': {
      spotQuantities(env);
      const n = instances();
      const p = hourPrice();
      const hours: Record<string, (ref: Ref) => string> = {
        'spot-checkpoints': (ref) => `(${ref('withSaves')}-${ref('trainingHours')})`,
        'spot-interruptions': (ref) => `(${ref('wallHours')}-${ref('withSaves')})`,
        'spot-overhead': (ref) => ref('overheadHours'),
      };
      const h = hours[line.id]!;
      return { expr: (ref) => `${runs}*${h(ref)}*${ref(n)}*${ref(p)}` };
    }
    case 'reserved-commitment': {
      // reserved instances × (terms × months a term) × h/month × price
      const r = count('reservedInstances', Q.reservedInstances, num(i.reservedInstances), U.instances);
      const t = count('terms', Q.terms, num(i.terms), U.terms);
      const tm = count('termMonths', Q.termMonths, num(i.termMonths), U.months);
      const p = hourPrice();
      return { expr: (ref) => `${ref(r)}*(${ref(t)}*${ref(tm)})*${NAME.hoursPerMonth}*${ref(p)}` };
    }
    case 'reserved-overflow': {
      // (runs/month × h × instances − min(runs/month × h × min(instances, reserved), reserved × h/month)) × months × on-demand price
      const h = training();
      const n = instances();
      if (!env.has('reservedInstances')) return null;
      const od = env.price('onDemandPrice', Q.onDemandPrice, num(i.pricePerInstanceHour), U.perHour);
      return {
        expr: (ref) => {
          const rpm = NAME.runsPerMonth;
          const res = ref('reservedInstances');
          return `(${rpm}*${ref(h)}*${ref(n)}-MIN(${rpm}*${ref(h)}*MIN(${ref(n)},${res}),${res}*${NAME.hoursPerMonth}))*${NAME.horizonMonths}*${ref(od)}`;
        },
      };
    }
    // ---- the site plan (facility/costs.ts): its capex cells on the Facility sheet ------------------
    case 'facility-racks':
    case 'facility-pdus':
    case 'facility-cooling-retrofit': {
      const at = ctx.facility?.get(row.optionId)?.get(line.id);
      return at ? { expr: () => at } : null;
    }
    default:
      // An unitemized site plan (`facility`) and anything newer than this file: the app's amount as it is.
      return null;
  }
}

/** IT kWh of one run: the energy line's (clamped to the nameplate when the estimate is above it), else the estimate's. */
export function itKWh(env: Pick<LineEnv, 'ctx' | 'row' | 'q'>): string {
  const energy = env.row.lines.find((l) => l.id === 'energy');
  const value = energy ? num(energy.inputs.itKWhPerRun) : (env.row.estimate?.energy?.kWh ?? 0);
  return env.q('itKWhPerRun', {
    label: env.ctx.m.options.quantity.itKWhPerRun,
    value,
    unit: env.ctx.m.options.unit.kWh,
    fmt: FMT.kwh,
  });
}

/** Nameplate W of one server: the system row's rating. */
function nameplateWattsOf(env: LineEnv): number {
  const w = env.rows.system?.row.powerWatts;
  if (typeof w === 'number') return w;
  return env.row.nameplateKW !== null ? (env.row.nameplateKW * 1000) / env.row.nodes : 0;
}

/** The rack count: the option's own, or the larger of rack units and rack power over the rack's (owned.ts). */
function rackCount(env: LineEnv): string {
  const { ctx, line, rows } = env;
  const Q = ctx.m.options.quantity;
  const U = ctx.m.options.unit;
  const i = line.inputs;
  const given = rows.option.kind !== 'cloud' && rows.option.racks !== undefined;
  if (given) return env.q('racks', { label: Q.racksGiven, value: num(i.racks), unit: U.racks, fmt: FMT.integer });
  const ru =
    typeof i.rackUnitsNeeded === 'number'
      ? env.q('rackUnitsNeeded', {
          label: Q.rackUnitsNeeded,
          value: i.rackUnitsNeeded,
          unit: U.rackUnits,
          fmt: FMT.number,
        })
      : null;
  const kw = env.q('rackKWNeeded', { label: Q.rackKWNeeded, value: num(i.kW), unit: U.kW, fmt: FMT.kw });
  return env.q('racks', {
    label: Q.racks,
    unit: U.racks,
    fmt: FMT.integer,
    value: (ref) =>
      formula(
        `MAX(1,${ru ? `ROUNDUP(${ref(ru)}/${NAME.rackUnits},0),` : ''}ROUNDUP(${ref(kw)}/${NAME.rackKW},0))`,
        num(i.racks),
      ),
  });
}

/** The lines tax counts as racks: the racks line, or the site plan's lines (owned.ts), with a retrofit worth 0 when shown. */
function rackLineKeys(env: LineEnv): string[] {
  const keys = env.row.lines.filter((l) => l.id === 'racks' || l.id.startsWith('facility')).map((l) => lineKey(l.id));
  if (zeroRetrofit(env.row, env.ctx.facility?.has(env.row.optionId) ?? false))
    keys.push(lineKey('facility-cooling-retrofit'));
  return keys;
}

/** Spot's hours, each from the one before (cloud.ts `spotHours`), with the app's values cached. */
function spotQuantities(env: LineEnv): void {
  const { ctx, row } = env;
  const Q = ctx.m.options.quantity;
  const U = ctx.m.options.unit;
  const h = env.q('trainingHours', { label: Q.trainingHours, value: trainingHoursOf(row), unit: U.h, fmt: FMT.hours });
  const n = env.q('instances', { label: Q.instances, value: row.nodes, unit: U.instances, fmt: FMT.number });
  const sh = spotHours(trainingHoursOf(row), row.nodes, ctx.finance);
  const hours = (
    key: string,
    label: string,
    f: (ref: Ref) => string,
    result: number,
    unit = U.h,
    fmt: string = FMT.hours,
  ) => env.q(key, { label, unit, fmt, value: (ref) => formula(f(ref), result) });
  hours(
    'withSaves',
    Q.withSaves,
    (ref) => `${ref(h)}*(1+(${NAME.spotSave}/60)/(${NAME.spotInterval}/60))`,
    sh.base + sh.checkpointSaves,
  );
  hours(
    'lossShare',
    Q.lossShare,
    (ref) => `${NAME.spotInterruptions}*${ref(n)}*(${NAME.spotInterval}/60/2+${NAME.spotRestart}/60)`,
    sh.lossShare,
    U.share,
    FMT.share,
  );
  hours(
    'wallHours',
    Q.wallHours,
    (ref) => `${ref('withSaves')}/(1-${ref('lossShare')})`,
    sh.base + sh.checkpointSaves + sh.interruptions,
  );
  hours('overheadHours', Q.overheadHours, (ref) => `${ref('wallHours')}*${NAME.spotOverhead}`, sh.overhead);
}
