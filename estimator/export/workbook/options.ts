import type { Currency } from '../../../catalog/schema/common';
import type { ComparisonRow } from '../../compare/types';
import { spotHours } from '../../costing/cloud';
import type { CostLine, PaidAt } from '../../costing/types';
import { fill, lineLabel } from '../messages';
import { quotedPriceOf, type OptionRows } from '../rows-used';
import { Block, sumOf, VALUE_COLUMN, type Ref } from './block';
import type { CashflowLayout } from './cashflow-layout';
import type { Ctx } from './context';
import { FMT, priceFormat } from './formats';
import { EQUIPMENT, itKWh, lineExpr, lineKey, trainingHoursOf, type LineEnv, type QuantitySpec } from './line-formulas';
import { address, cell, formula, sheetRef, SheetBuilder, type Formula } from './model';
import { fxName, NAME } from './names';
import { shownLines } from './zero-lines';

export const OPTIONS = 'Options';

/** Columns of the Options sheet. */
const COL = { item: 1, value: 2, unit: 3, paid: 4, arithmetic: 5, source: 6, cents: 7, parts: 8, each: 9, plusOne: 10 };

type Section = 'head' | 'quantities' | 'capex' | 'equipment' | 'opex' | 'residual' | 'totals' | 'hours' | 'notes';
const SECTIONS: readonly Section[] = [
  'head',
  'quantities',
  'capex',
  'equipment',
  'opex',
  'residual',
  'totals',
  'hours',
  'notes',
];

/** A cost line's row, for the cash flow (which splits it into payments) and the totals. */
export interface PlacedLine {
  readonly line: CostLine;
  readonly row: number;
}

/** Where an option's block put things: cost lines and the cells other sheets show. */
export interface PlacedOption {
  readonly row: ComparisonRow;
  readonly lines: readonly PlacedLine[];
  /** `Options!B40` for a key of the block (`total`, `capex`, `billedHours`, …), or null when the block has none. */
  readonly ref: (key: string) => string | null;
}

/** The number of payments a line is split into (monthly: one a month), or null when paid at once. */
export function paymentsOf(paidAt: PaidAt, horizonMonths: number): number | null {
  if (paidAt === 'monthly') return horizonMonths;
  if (typeof paidAt === 'object') return paidAt.months.length;
  return null;
}

/**
 * The Options sheet: one block per option in rank order: what it is, its quantities and unit prices,
 * its capex and opex lines (each a formula, with the app's arithmetic and the source beside it),
 * totals, hours and energy, and the app's notes. Monthly lines carry their split into payments (in
 * minor units) for the Cash flow sheet.
 */
export function optionsSheet(
  ctx: Ctx,
  rowsById: ReadonlyMap<string, OptionRows>,
  layout: CashflowLayout,
): { builder: SheetBuilder; placed: PlacedOption[] } {
  const { m } = ctx;
  const O = m.options;
  const b = new SheetBuilder(OPTIONS);
  b.sheet.widths = [58, 22, 14, 14, 56, 60, 14, 10, 12, 14];
  b.row(cell(O.title, undefined, 'title'));
  b.row(cell(O.howTo, undefined, 'note'));
  b.skip();
  const minor = O.minor[ctx.digits] ?? O.minor[2]!;
  const header = b.next();
  const H = O.header;
  [H.item, H.value, H.unit, H.paid, H.arithmetic, H.source].forEach((h, i) =>
    b.set(i + 1, header, h, undefined, 'header'),
  );
  b.set(COL.cents, header - 1, fill(H.split, { minor }), undefined, 'section');
  [fill(H.cents, { minor }), H.payments, H.each, H.plusOne].forEach((h, i) =>
    b.set(COL.cents + i, header, h, undefined, 'header'),
  );
  b.sheet.freeze = { rows: header, columns: 1 };
  b.sheet.printTitleRows = { first: header, last: header };

  const placed = ctx.c.rows.map((row) => {
    b.skip();
    const rows = rowsById.get(row.optionId);
    return optionBlock(ctx, b, row, rows, layout);
  });
  return { builder: b, placed };
}

function optionBlock(
  ctx: Ctx,
  b: SheetBuilder,
  row: ComparisonRow,
  rows: OptionRows | undefined,
  layout: CashflowLayout,
): PlacedOption {
  const { m } = ctx;
  const O = m.options;
  const U = O.unit;
  const scale = 10 ** ctx.digits;
  const major = (minor: number) => minor / scale;
  const titles: Record<Section, string> = {
    head: '',
    quantities: O.section.quantities,
    capex: O.section.capex,
    equipment: '',
    opex: O.section.opex,
    residual: O.section.residual,
    totals: O.section.totals,
    hours: O.section.hours,
    notes: O.section.notes,
  };
  const block = new Block<Section>(SECTIONS, (s, r) => b.set(COL.item, r, titles[s], undefined, 'section'));

  // ---- what the option is --------------------------------------------------------------------
  const kindText = row.pricing ? `${m.kind[row.kind]}, ${m.pricing[row.pricing]}` : m.kind[row.kind];
  block.add('head', null, (r) =>
    b.set(COL.item, r, fill(O.blockTitle, { rank: row.rank, label: row.label }), undefined, 'section'),
  );
  block.add('head', null, (r) => (b.set(COL.item, r, O.id), b.set(COL.value, r, row.optionId)));
  block.add('head', null, (r) => (b.set(COL.item, r, O.kindLine), b.set(COL.value, r, kindText)));
  block.add('head', null, (r) => (b.set(COL.item, r, O.status), b.set(COL.value, r, row.feasible ? m.yes : m.no)));

  const costed = layout.index(row.optionId) >= 0;
  const placedLines: { line: CostLine; key: string }[] = [];
  if (costed && rows) {
    // ---- quantities, then each line as a formula over them -----------------------------------
    const quantity = (key: string, spec: QuantitySpec): string => {
      if (block.has(key)) return key;
      block.add('quantities', key, (r, ref) => {
        const v = typeof spec.value === 'function' ? spec.value(ref) : spec.value;
        b.set(COL.item, r, spec.label);
        b.set(COL.value, r, v, spec.fmt);
        b.set(COL.unit, r, spec.unit);
        if (spec.source) b.set(COL.source, r, spec.source, undefined, 'wrap');
      });
      return key;
    };
    const env = (line: CostLine): LineEnv => ({
      ctx,
      row,
      rows,
      line,
      q: quantity,
      has: (key) => block.has(key),
      price: (key, label, amount, unit) => {
        if (block.has(key)) return key;
        const quoted = quotedPriceOf(line.id, rows);
        const unitIn = (currency: Currency) => fill(unit, { currency });
        if (quoted && quoted.currency !== ctx.currency) {
          const q = quantity(`${key}:quoted`, {
            label: fill(O.quantity.quoted, { what: label }),
            value: quoted.amount,
            unit: unitIn(quoted.currency),
            fmt: priceFormat(quoted.currency),
            source: line.source,
          });
          return quantity(key, {
            label,
            value: (ref) => formula(`${ref(q)}/${fxName(quoted.currency)}`, amount),
            unit: unitIn(ctx.currency),
            fmt: priceFormat(ctx.currency),
          });
        }
        return quantity(key, {
          label,
          value: amount,
          unit: unitIn(ctx.currency),
          fmt: priceFormat(ctx.currency),
          source: line.source,
        });
      },
    });
    // Hours and energy of one run first: every block starts with what the estimate says.
    const base = env(row.lines[0]!);
    quantity('trainingHours', {
      label: O.quantity.trainingHours,
      value: trainingHoursOf(row),
      unit: U.h,
      fmt: FMT.hours,
    });
    itKWh(base);

    const nameplateKnown = typeof rows.system?.row.powerWatts === 'number';
    const planned = ctx.facility?.has(row.optionId) ?? false;
    for (const { line, zero } of shownLines(row, nameplateKnown, planned)) {
      const key = lineKey(line.id);
      const spec = lineExpr(env(line));
      const section: Section = line.kind === 'capex' ? 'capex' : line.kind === 'opex' ? 'opex' : 'residual';
      placedLines.push({ line, key });
      block.add(section, key, (r, ref) => renderLine(ctx, b, r, ref, row, line, zero, spec));
    }

    if (row.kind !== 'cloud') {
      const equipment = row.lines.filter((l) => l.id === 'servers' || l.id.startsWith('network'));
      block.add('equipment', EQUIPMENT, (r, ref) => {
        b.set(COL.item, r, O.quantity.equipment);
        const cells = equipment.map((l) => ({ column: VALUE_COLUMN, row: rowOf(ref, lineKey(l.id)) }));
        b.set(
          COL.value,
          r,
          formula(sumOf(cells), major(equipment.reduce((a, l) => a + l.amountMinor, 0))),
          ctx.moneyFmt,
        );
      });
    }

    // ---- totals ---------------------------------------------------------------------------------
    const minorOf = row.minor!;
    const keysOf = (kind: CostLine['kind']) => placedLines.filter((p) => p.line.kind === kind).map((p) => p.key);
    const total = (key: string, label: string, f: (ref: Ref) => Formula, fmt = ctx.moneyFmt) =>
      block.add('totals', key, (r, ref) => {
        b.set(COL.item, r, label, undefined, 'total');
        b.set(COL.value, r, f(ref), fmt, 'total');
        b.set(COL.unit, r, fmt === ctx.moneyFmt ? '' : U.month);
      });
    const sumKeys = (ref: Ref, keys: string[]) =>
      sumOf(keys.map((k) => ({ column: VALUE_COLUMN, row: rowOf(ref, k) })));
    total('capex', O.total.capex, (ref) => formula(sumKeys(ref, keysOf('capex')), major(minorOf.capex)));
    total('opex', O.total.opex, (ref) => formula(sumKeys(ref, keysOf('opex')), major(minorOf.opex)));
    const residual = keysOf('residual');
    if (residual.length)
      total('residual', O.total.residual, (ref) => formula(`-(${sumKeys(ref, residual)})`, major(minorOf.residual)));
    total('total', O.total.total, (ref) =>
      formula(
        [ref('capex'), ref('opex'), ...(residual.length ? [`(${sumKeys(ref, residual)})`] : [])].join('+'),
        major(minorOf.total),
      ),
    );
    total('costPerRun', O.total.costPerRun, (ref) =>
      formula(`ROUND(${ref('total')}/${NAME.runs},2)`, row.costPerRun ?? 0),
    );
    total('npv', O.total.npv, () => formula(layout.npvRef(row.optionId), major(minorOf.npv)));
    if (layout.checked.some((r) => r.optionId === row.optionId))
      total(
        'breakEven',
        fill(O.total.breakEven, { against: row.breakEvenAgainst ?? '' }),
        () => formula(layout.breakEvenRef(row.optionId), row.breakEvenMonths ?? m.cashflow.breakEvenNone),
        FMT.integer,
      );

    // ---- hours and energy ---------------------------------------------------------------------
    hoursRows(ctx, b, block, row);
  } else if (!costed) {
    block.add('notes', null, (r) =>
      b.set(COL.item, r, fill(O.notFeasible, { why: row.notes[0] ?? '' }), undefined, 'note'),
    );
  }
  for (const note of row.notes) block.add('notes', null, (r) => b.set(COL.item, r, note, undefined, 'note'));

  const at = block.place(b, ['head', 'equipment']);
  return {
    row,
    lines: placedLines.map((p) => ({ line: p.line, row: at.get(p.key)! })),
    ref: (key) => {
      const r = at.get(key);
      return r === undefined ? null : sheetRef(OPTIONS, address(VALUE_COLUMN, r));
    },
  };
}

const rowOf = (ref: Ref, key: string): number => Number(ref(key).replace(/^[A-Z]+/, ''));

function paidText(ctx: Ctx, paidAt: PaidAt): string {
  const P = ctx.m.options.paid;
  const months = ctx.s.workload.horizonMonths;
  if (paidAt === 'start') return P.start;
  if (paidAt === 'monthly') return fill(P.monthly, { months });
  if (paidAt === 'end') return fill(P.end, { months });
  if (paidAt === 'none') return P.none;
  return fill(P.installments, { count: paidAt.months.length });
}

/** One cost line: label, amount (a formula when the line has one), paid when, the app's arithmetic, source, split. */
function renderLine(
  ctx: Ctx,
  b: SheetBuilder,
  r: number,
  ref: Ref,
  row: ComparisonRow,
  line: CostLine,
  zero: boolean,
  spec: ReturnType<typeof lineExpr>,
): void {
  const O = ctx.m.options;
  const amount = line.amountMinor / 10 ** ctx.digits;
  const rounded = spec ? `ROUND(${spec.expr(ref)},${ctx.digits})` : null;
  const value = rounded ? formula(spec!.negate ? `-${rounded}` : rounded, amount) : amount;
  b.set(COL.item, r, lineLabel(ctx.m, row, line, ctx.s.workload.horizonMonths));
  b.set(COL.value, r, value, ctx.moneyFmt, ...(line.kind === 'info' ? (['note'] as const) : []));
  b.set(COL.paid, r, paidText(ctx, line.paidAt));
  b.set(
    COL.arithmetic,
    r,
    zero ? O.zeroLine : spec ? line.formula : `${line.formula} (${O.fromSitePlan})`,
    undefined,
    'wrap',
  );
  b.set(COL.source, r, line.source, undefined, 'wrap');
  const parts = paymentsOf(line.paidAt, ctx.s.workload.horizonMonths);
  if (parts === null) return;
  // The split the app makes (scenario/money.ts splitEvenly): `each` = ⌊minor / payments⌋ minor units
  // per payment, and the first `plusOne` payments one more, so the payments add up to the line.
  const each = Math.floor(line.amountMinor / parts);
  const cents = address(COL.cents, r);
  const partsAt = address(COL.parts, r);
  const eachAt = address(COL.each, r);
  b.set(COL.cents, r, formula(`ROUND(${address(COL.value, r)}*${10 ** ctx.digits},0)`, line.amountMinor), FMT.integer);
  b.set(COL.parts, r, parts, FMT.integer);
  b.set(COL.each, r, formula(`INT(${cents}/${partsAt})`, each), FMT.integer);
  b.set(COL.plusOne, r, formula(`${cents}-${eachAt}*${partsAt}`, line.amountMinor - each * parts), FMT.integer);
}

function hoursRows(ctx: Ctx, b: SheetBuilder, block: Block<Section>, row: ComparisonRow): void {
  const O = ctx.m.options;
  const U = O.unit;
  const Hr = O.hours;
  const training = trainingHoursOf(row);
  const spot = row.pricing === 'spot' && block.has('wallHours');
  const billed = spot ? spotHours(training, row.nodes, ctx.finance).total : training;
  const line = (key: string | null, label: string, value: number | Formula | null, unit: string, fmt: string) => {
    if (value === null) return;
    block.add('hours', key, (r) => {
      b.set(COL.item, r, label);
      b.set(COL.value, r, value, fmt);
      b.set(COL.unit, r, unit);
    });
  };
  const lazy = (key: string, label: string, f: (ref: Ref) => Formula, unit: string, fmt: string) =>
    block.add('hours', key, (r, ref) => {
      b.set(COL.item, r, label);
      b.set(COL.value, r, f(ref), fmt);
      b.set(COL.unit, r, unit);
    });
  lazy(
    'billedHours',
    Hr.billedHours,
    (ref) => formula(spot ? `${ref('wallHours')}+${ref('overheadHours')}` : ref('trainingHours'), billed),
    U.h,
    FMT.hours,
  );
  lazy(
    'totalHours',
    Hr.totalHours,
    (ref) => formula(`ROUND(${ref('billedHours')}*${NAME.runs},3)`, row.totalHours ?? 0),
    U.h,
    FMT.hours,
  );
  // IT energy follows the hours the hardware runs (compare.ts: spot's re-done work burns power too).
  const energy = (ref: Ref) => `${ref('itKWhPerRun')}*${NAME.runs}*(${ref('billedHours')}/${ref('trainingHours')})`;
  if (row.energyKWh !== null && training > 0)
    lazy('energyKWh', Hr.energyKWh, (ref) => formula(`ROUND(${energy(ref)},1)`, row.energyKWh!), U.kWh, FMT.kwh);
  if (row.facilityEnergyKWh !== null && training > 0)
    lazy(
      'facilityEnergyKWh',
      Hr.facilityEnergyKWh,
      (ref) => formula(`ROUND(${energy(ref)}*${NAME.pue},1)`, row.facilityEnergyKWh!),
      U.kWh,
      FMT.kwh,
    );
  line('powerKW', Hr.powerKW, row.powerKW, U.kW, FMT.kw);
  line('coolingBTUh', Hr.coolingBTUh, row.coolingBTUh, U.btuh, FMT.integer);
  line('coolingTons', Hr.coolingTons, row.coolingTons, U.tons, FMT.ratio);
}
