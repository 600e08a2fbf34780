import type { ComparisonRow } from '../../compare/types';
import type { FacilityPlanResult } from '../../facility/types';
import { toMajor } from '../../scenario/money';
import { fill } from '../messages';
import type { Ctx } from './context';
import { rankOf, type SiteInputs } from './facility-inputs';
import { FMT } from './formats';
import { cell, formula, sheetRef, type CellValue, type SheetBuilder } from './model';
import { NAME, SITE } from './names';

export const FACILITY = 'Facility';

/** The tolerance estimator/facility compares limits with (plan.ts `fitting`, shortfalls.ts `over`, circuits.ts). */
const EPS = '1E-9';

/** The cost-line ids of the site plan (facility/costs.ts) -> the Facility cell the Options line reads. */
export type FacilityLineRefs = ReadonlyMap<string, string>;

/**
 * One owned or cluster option's site plan as formulas over the site inputs, step by step as
 * estimator/facility/plan.ts takes them: servers per rack under the rack's kW and U limits, racks
 * (servers spread evenly: some racks hold one more), the most loaded rack, IT and facility load,
 * cooling load, the cooling the racks need and the retrofit when the site's is not enough, circuits
 * and PDUs, the capex lines, colocation a month, each shortfall and the verdict. Every formula
 * caches the plan's own value.
 */
export function facilityBlock(
  ctx: Ctx,
  b: SheetBuilder,
  row: ComparisonRow,
  plan: FacilityPlanResult,
  site: SiteInputs,
): FacilityLineRefs {
  const F = ctx.m.facility;
  const R = F.row;
  const U = F.unit;
  const H = F.how;
  const at = new Map<string, string>();
  const ref = (key: string): string => {
    const a = at.get(key);
    if (!a) throw new Error(`export: no Facility row "${key}"`);
    return a;
  };
  const put = (key: string, label: string, value: CellValue, numFmt: string, unit: string, how = '', input = false) => {
    const r = b.next();
    b.set(1, r, label);
    at.set(key, b.set(2, r, value, numFmt, ...(input ? (['input'] as const) : [])));
    b.set(3, r, unit);
    if (how) b.set(4, r, how, undefined, 'wrap');
  };
  const f = (expr: (r: typeof ref) => string, cached: number | string) => formula(expr(ref), cached);
  /** The cooling a rack of `kw` needs, as a rank (cooling.ts `coolingFor`). */
  const coolingRank = (kw: string) =>
    `IF(${kw}<=${SITE.airLimit}+${EPS},0,IF(${kw}<=${SITE.rearDoorLimit}+${EPS},1,2))`;
  const usable = (amps: string) =>
    `IF(${SITE.circuitPhases}=3,SQRT(3),1)*${SITE.circuitVolts}*${amps}*${SITE.continuousLoad}*${SITE.powerFactor}/1000`;
  const perFeed = (kw: string) => `MAX(1,ROUNDUP(${kw}/${ref('kWPerCircuit')}-${EPS},0))`;
  const money = (expr: string) => `ROUND(${expr},${ctx.digits})`;
  /** A label as a string in a formula. */
  const text = (label: string) => `"${label.replace(/"/g, '""')}"`;

  b.skip();
  b.row(cell(fill(F.block, { rank: row.rank, label: row.label, id: row.optionId }), undefined, 'section'));

  const s = plan.servers;
  const base = Math.floor(s.count / plan.racks);
  const extra = s.count - base * plan.racks;
  put('servers', R.servers, s.count, FMT.integer, U.servers);
  put('kWEach', R.kWEach, s.kWEach, FMT.kw, U.kW, '', true);
  put('uEach', R.uEach, s.rackUnitsEach, FMT.integer, U.U, '', true);
  put(
    'rackKWLimit',
    R.rackKWLimit,
    formula(`MIN(IF(${SITE.rackKW}>0,${SITE.rackKW},${SITE.coolingLimit}),${SITE.coolingLimit})`, plan.rackKWLimit),
    FMT.kw,
    U.rackKW,
    H.rackKWLimit,
  );
  put(
    'byKW',
    R.byKW,
    f((r) => `INT(${r('rackKWLimit')}/${r('kWEach')}+${EPS})`, plan.serversPerRackByKW),
    FMT.integer,
    U.servers,
    H.byKW,
  );
  put(
    'byU',
    R.byU,
    f((r) => `INT(${SITE.rackUnits}/${r('uEach')}+${EPS})`, plan.serversPerRackByU),
    FMT.integer,
    U.servers,
    H.byU,
  );
  put(
    'perRack',
    R.perRack,
    f((r) => `MAX(1,MIN(${r('byKW')},${r('byU')}))`, plan.serversPerRack),
    FMT.integer,
    U.servers,
    H.perRack,
  );
  put(
    'racks',
    R.racks,
    f((r) => `ROUNDUP(${r('servers')}/${r('perRack')},0)`, plan.racks),
    FMT.integer,
    U.racks,
    H.racks,
  );
  put(
    'base',
    R.base,
    f((r) => `INT(${r('servers')}/${r('racks')})`, base),
    FMT.integer,
    U.servers,
  );
  put(
    'extra',
    R.extra,
    f((r) => `${r('servers')}-${r('base')}*${r('racks')}`, extra),
    FMT.integer,
    U.racks,
  );
  put(
    'lightKW',
    R.lightKW,
    f((r) => `${r('base')}*${r('kWEach')}`, base * s.kWEach),
    FMT.kw,
    U.kW,
  );
  put(
    'heavyKW',
    R.heavyKW,
    f((r) => `(${r('base')}+1)*${r('kWEach')}`, (base + 1) * s.kWEach),
    FMT.kw,
    U.kW,
  );
  put(
    'rackKWMax',
    R.rackKWMax,
    f((r) => `IF(${r('extra')}>0,${r('base')}+1,${r('base')})*${r('kWEach')}`, plan.rackKWMax),
    FMT.kw,
    U.kW,
    H.rackKWMax,
  );
  put(
    'itKW',
    R.itKW,
    f((r) => `${r('servers')}*${r('kWEach')}`, plan.itKW),
    FMT.kw,
    U.kW,
  );
  put(
    'facilityKW',
    R.facilityKW,
    f((r) => `${r('itKW')}*${NAME.pue}`, plan.facilityKW),
    FMT.kw,
    U.kW,
    H.facilityKW,
  );
  put(
    'coolingKW',
    R.coolingKW,
    f((r) => r('itKW'), plan.coolingLoad.kW),
    FMT.kw,
    U.kW,
  );
  put(
    'btuh',
    R.btuh,
    f((r) => `${r('itKW')}*1000*${SITE.btuPerWatt}`, plan.coolingLoad.btuPerHour),
    FMT.integer,
    U.btuh,
    H.btuh,
  );
  put(
    'tons',
    R.tons,
    f((r) => `${r('btuh')}/${SITE.btuPerTon}`, plan.coolingLoad.tons),
    FMT.ratio,
    U.tons,
    H.tons,
  );

  // ---- cooling: what the heaviest rack needs, and the retrofit when the site's cooling is not enough ----
  const needed = rankOf(plan.coolingRequired);
  const C = ctx.m.cooling;
  put(
    'coolingRank',
    R.coolingRank,
    f((r) => coolingRank(r('rackKWMax')), needed),
    FMT.integer,
    U.rank,
  );
  put(
    'coolingRequired',
    R.coolingRequired,
    f(
      (r) => `CHOOSE(${r('coolingRank')}+1,${text(C.air)},${text(C['rear-door'])},${text(C.liquid)})`,
      C[plan.coolingRequired],
    ),
    '',
    U.text,
  );
  put(
    'airEnough',
    R.airEnough,
    f((r) => `IF(${r('coolingRank')}=0,${text(ctx.m.yes)},${text(ctx.m.no)})`, plan.airIsEnough ? ctx.m.yes : ctx.m.no),
    '',
    U.text,
  );
  const needMore = (kw: string) => `${coolingRank(kw)}>${SITE.coolingRank}`;
  put(
    'retrofitRacks',
    R.retrofitRacks,
    f(
      (r) =>
        `IF(${needMore(r('heavyKW'))},${r('extra')},0)+IF(${needMore(r('lightKW'))},${r('racks')}-${r('extra')},0)`,
      plan.retrofit?.racks ?? 0,
    ),
    FMT.integer,
    U.racks,
  );
  put(
    'retrofitKW',
    R.retrofitKW,
    f(
      (r) =>
        `IF(${needMore(r('heavyKW'))},${r('extra')}*${r('heavyKW')},0)+IF(${needMore(r('lightKW'))},(${r('racks')}-${r('extra')})*${r('lightKW')},0)`,
      plan.retrofit?.kW ?? 0,
    ),
    FMT.kw,
    U.kW,
  );
  put(
    'retrofitPrice',
    R.retrofitPrice,
    f(
      (r) => `IF(${r('coolingRank')}=2,${site.price.liquidPerKW},${site.price.rearDoorPerKW})`,
      needed === 2 ? plan.prices.liquidPerKW.amount : plan.prices.rearDoorPerKW.amount,
    ),
    ctx.moneyFmt,
    fill(U.perKW, { currency: ctx.currency }),
  );

  // ---- power: circuits and PDUs (circuits.ts) ----------------------------------------------------------
  put(
    'amps',
    R.amps,
    site.circuitGiven
      ? formula(SITE.circuitAmps, plan.power.circuit.amps)
      : f(
          (r) =>
            `IF(${r('rackKWMax')}<=${usable(SITE.circuitAmps)}+${EPS},${SITE.circuitAmps},${SITE.circuitAmpsHeavy})`,
          plan.power.circuit.amps,
        ),
    FMT.number,
    U.amps,
  );
  put(
    'kWPerCircuit',
    R.kWPerCircuit,
    f((r) => usable(r('amps')), plan.power.kWPerCircuit),
    FMT.kw,
    U.kW,
    H.kWPerCircuit,
  );
  put(
    'circuitsPerFeed',
    R.circuitsPerFeed,
    f((r) => perFeed(r('rackKWMax')), plan.power.circuitsPerFeedMax),
    FMT.integer,
    U.circuits,
    H.circuitsPerFeed,
  );
  put(
    'pdus',
    R.pdus,
    f(
      (r) =>
        `${SITE.feeds}*(${r('extra')}*${perFeed(r('heavyKW'))}+(${r('racks')}-${r('extra')})*${perFeed(r('lightKW'))})`,
      plan.power.pdus,
    ),
    FMT.integer,
    U.pdus,
    H.pdus,
  );

  // ---- money (costs.ts): each line rounded to the cent, as `line()` rounds it ---------------------------
  const amountOf = (id: string) => {
    const l = plan.capexLines.find((x) => x.id === id);
    return l ? l.amountMinor / 10 ** ctx.digits : 0;
  };
  const money$ = (key: string, label: string, expr: (r: typeof ref) => string, id: string) =>
    put(
      key,
      label,
      f((r) => money(expr(r)), amountOf(id)),
      ctx.moneyFmt,
      '',
    );
  money$('capexRacks', R.capexRacks, (r) => `${r('racks')}*${site.price.rack}`, 'facility-racks');
  money$('capexPdus', R.capexPdus, (r) => `${r('pdus')}*${site.price.pdu}`, 'facility-pdus');
  money$(
    'capexRetrofit',
    R.capexRetrofit,
    (r) => `${r('retrofitKW')}*${r('retrofitPrice')}`,
    'facility-cooling-retrofit',
  );
  const r0 = b.last + 1;
  put(
    'capex',
    R.capex,
    f((r) => `${r('capexRacks')}+${r('capexPdus')}+${r('capexRetrofit')}`, toMajor(plan.facilityCapex)),
    ctx.moneyFmt,
    '',
  );
  b.set(1, r0, R.capex, undefined, 'total');
  if (ctx.expr.coloPerKWMonth)
    put(
      'monthly',
      R.monthly,
      f((r) => money(`${r('itKW')}*${ctx.expr.coloPerKWMonth}`), toMajor(plan.monthlyOpex)),
      ctx.moneyFmt,
      fill(U.perMonth, { currency: ctx.currency }),
      H.monthly,
    );

  // ---- does it fit? (shortfalls.ts): each shortfall in kW or U, 0 when there is none --------------------
  const short = (what: string) => plan.shortfalls.find((x) => x.what === what)?.short ?? 0;
  const over = (needed: string, available: string) =>
    `IF(AND(${available}>0,${needed}>${available}+${EPS}),${needed}-${available},0)`;
  put(
    'shortPower',
    R.shortPower,
    f((r) => over(r('itKW'), SITE.powerKW), short('power')),
    FMT.kw,
    U.kW,
  );
  put(
    'shortCooling',
    R.shortCooling,
    f((r) => over(r('itKW'), SITE.coolingCapacityKW), short('cooling')),
    FMT.kw,
    U.kW,
  );
  put(
    'shortRackPower',
    R.shortRackPower,
    f((r) => over(r('kWEach'), SITE.rackKW), short('rack-power')),
    FMT.kw,
    U.kW,
  );
  put(
    'shortRackSpace',
    R.shortRackSpace,
    f((r) => `MAX(0,${r('uEach')}-${SITE.rackUnits})`, short('rack-space')),
    FMT.integer,
    U.U,
  );
  put(
    'shortRackCooling',
    R.shortRackCooling,
    f((r) => over(r('rackKWMax'), SITE.liquidLimit), short('rack-cooling')),
    FMT.kw,
    U.kW,
  );
  const shortKeys = ['shortPower', 'shortCooling', 'shortRackPower', 'shortRackSpace', 'shortRackCooling'];
  const r1 = b.last + 1;
  put(
    'verdict',
    R.verdict,
    f(
      (r) => `IF(OR(${shortKeys.map((k) => `${r(k)}>0`).join(',')}),${text(F.doesNotFit)},${text(F.fits)})`,
      plan.fitsSite ? F.fits : F.doesNotFit,
    ),
    '',
    U.text,
    H.verdict,
  );
  b.set(1, r1, R.verdict, undefined, 'total');
  for (const n of plan.shortfalls) b.row(cell(n.message, undefined, 'note'));

  return new Map([
    ['facility-racks', sheetRef(FACILITY, ref('capexRacks'))],
    ['facility-pdus', sheetRef(FACILITY, ref('capexPdus'))],
    ['facility-cooling-retrofit', sheetRef(FACILITY, ref('capexRetrofit'))],
  ]);
}
