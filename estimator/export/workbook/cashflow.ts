import type { ComparisonRow } from '../../compare/types';
import { cashflow } from '../../costing/cashflow';
import { fill } from '../messages';
import { sumOf } from './block';
import { CASH_FLOW, CF_HEADER_ROW, CF_MONTH_COLUMN, CF_SUBHEADER_ROW, type CashflowLayout } from './cashflow-layout';
import type { Ctx } from './context';
import { FMT } from './formats';
import { address, formula, sheetRef, SheetBuilder } from './model';
import { NAME } from './names';
import { OPTIONS, paymentsOf, type PlacedOption } from './options';

/** Options sheet columns the split reads (options.ts COL). */
const VALUE = 2;
const EACH = 9;
const PLUS_ONE = 10;

/**
 * The Cash flow sheet: months 0..horizon down, each option's payments and cumulative cost across,
 * all formulas over the Options sheet's cost lines, with the app's figures cached:
 *
 *   paid(m)   = purchases at m = 0 + the residual value at the horizon's end
 *               + each split line's payments falling in month m, in minor units / 100
 *   cumulative(m) = cumulative(m − 1) + paid(m), kept to the cent
 *
 * A line split into N payments pays `each` minor units each, the first `plusOne` payments one more
 * (scenario/money.ts splitEvenly), so the months add up to the line exactly and match the app's.
 * Break-even (costing/cashflow.ts): the first month the owned option's cumulative cost is no more
 * than the cloud option's; each owned option has a check column, and the answer is its smallest month.
 * NPV discounts month m by (1 + r)^m at r = (1 + DiscountRatePerYear)^(1/12) − 1, rounded to the cent.
 */
export function cashflowSheet(ctx: Ctx, layout: CashflowLayout, placed: readonly PlacedOption[]): SheetBuilder {
  const { m } = ctx;
  const C = m.cashflow;
  const H = ctx.s.workload.horizonMonths;
  const scale = 10 ** ctx.digits;
  const b = new SheetBuilder(CASH_FLOW);
  b.sheet.widths = [16, ...layout.costed.flatMap(() => [17, 17]), ...layout.checked.map(() => 22)];
  b.set(1, 1, fill(C.title, { currency: ctx.currency }), undefined, 'title');
  b.set(1, 2, fill(C.howTo, { months: H }), undefined, 'note');
  b.set(CF_MONTH_COLUMN, CF_HEADER_ROW, C.month, undefined, 'header');
  b.set(CF_MONTH_COLUMN, CF_SUBHEADER_ROW, '', undefined, 'header');
  b.sheet.freeze = { rows: CF_SUBHEADER_ROW, columns: 1 };
  b.sheet.printTitleRows = { first: CF_HEADER_ROW, last: CF_SUBHEADER_ROW };

  const months = Array.from({ length: H + 1 }, (_, i) => i);
  for (const mo of months) b.set(CF_MONTH_COLUMN, layout.monthRow(mo), mo, FMT.integer);
  const monthRange = `$A$${layout.monthRow(0)}:$A$${layout.lastMonthRow}`;

  for (const row of layout.costed) {
    const option = placed.find((p) => p.row.optionId === row.optionId)!;
    const paidCol = layout.paidColumn(row.optionId);
    const cumCol = layout.cumulativeColumn(row.optionId);
    // One heading over the option's two columns: its name and id.
    b.set(paidCol, CF_HEADER_ROW, `${row.label} (${row.optionId})`, undefined, 'header', 'wrap');
    b.set(cumCol, CF_HEADER_ROW, '', undefined, 'header');
    b.sheet.merges.push(`${address(paidCol, CF_HEADER_ROW)}:${address(cumCol, CF_HEADER_ROW)}`);
    b.set(paidCol, CF_SUBHEADER_ROW, C.paid, undefined, 'header');
    b.set(cumCol, CF_SUBHEADER_ROW, C.cumulative, undefined, 'header');
    const flow = cashflow(row.lines, H);
    const cumulative = row.cumulativeCost ?? [];
    for (const mo of months) {
      const r = layout.monthRow(mo);
      b.set(paidCol, r, formula(paidFormula(option, mo, H, scale, r), (flow[mo] ?? 0) / scale), ctx.moneyFmt);
      const prev = mo === 0 ? '' : `${address(cumCol, r - 1)}+`;
      b.set(
        cumCol,
        r,
        formula(`ROUND(${prev}${address(paidCol, r)},${ctx.digits})`, cumulative[mo] ?? 0),
        ctx.moneyFmt,
      );
    }
    const paidRange = `${address(paidCol, layout.monthRow(0))}:${address(paidCol, layout.lastMonthRow)}`;
    b.set(
      paidCol,
      layout.npvRow,
      formula(
        `ROUND(SUMPRODUCT(${paidRange}*${scale}/(1+((1+${NAME.discountRatePerYear})^(1/12)-1))^${monthRange}),0)/${scale}`,
        (row.minor?.npv ?? 0) / scale,
      ),
      ctx.moneyFmt,
      'total',
    );
  }
  b.set(CF_MONTH_COLUMN, layout.npvRow, C.npv, undefined, 'total');

  if (layout.checked.length) b.set(CF_MONTH_COLUMN, layout.breakEvenRow, C.breakEven, undefined, 'total');
  for (const row of layout.checked) checkColumn(ctx, b, layout, row);
  return b;
}

/** The formula of one option's payments in month `mo` (a `row` of the Cash flow sheet). */
function paidFormula(option: PlacedOption, mo: number, H: number, scale: number, row: number): string {
  const at = (column: number, r: number) => sheetRef(OPTIONS, address(column, r));
  const once: { column: number; row: number }[] = [];
  const split: string[] = [];
  for (const { line, row: r } of option.lines) {
    const p = line.paidAt;
    if (p === 'none') continue;
    if ((p === 'start' && mo === 0) || (p === 'end' && mo === H)) once.push({ column: VALUE, row: r });
    const parts = paymentsOf(p, H);
    if (parts === null) continue;
    if (p === 'monthly') {
      // payment i (0-based) falls in month i + 1 and is one more for i < plusOne: month m gets +1 when plusOne ≥ m
      if (mo >= 1) split.push(`${at(EACH, r)}+IF(${at(PLUS_ONE, r)}>=$A${row},1,0)`);
      continue;
    }
    // Instalments: payment i falls in month months[i] (clamped to 0..H, as cashflow.ts does).
    const due = (p as { months: readonly number[] }).months.map((x) => Math.min(Math.max(0, x), H));
    for (const [a, z] of runs(due.map((x, i) => (x === mo ? i : -1)).filter((i) => i >= 0))) {
      const k = z - a + 1;
      split.push(`${k === 1 ? '' : `${k}*`}${at(EACH, r)}+MAX(0,MIN(${z + 1},${at(PLUS_ONE, r)})-${a})`);
    }
  }
  const terms = [
    ...(once.length ? [sumOf(once, OPTIONS)] : []),
    ...(split.length ? [`(${split.join('+')})/${scale}`] : []),
  ];
  return terms.length ? terms.join('+') : '0';
}

/** Runs of consecutive indices: [0,1,2,5] -> [[0,2],[5,5]]. */
function runs(indices: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indices) {
    const last = out.at(-1);
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** An owned option's check column (its month where owned ≤ cloud, cumulatively) and its break-even cell. */
function checkColumn(ctx: Ctx, b: SheetBuilder, layout: CashflowLayout, row: ComparisonRow): void {
  const C = ctx.m.cashflow;
  const col = layout.checkColumn(row.optionId);
  const cloud = row.breakEvenAgainst!;
  const own = layout.cumulativeColumn(row.optionId);
  const other = layout.cumulativeColumn(cloud);
  const ownCum = row.cumulativeCost ?? [];
  const cloudCum = layout.costed[layout.index(cloud)]?.cumulativeCost ?? [];
  b.set(col, CF_HEADER_ROW, fill(C.check, { owned: row.optionId, cloud }), undefined, 'header', 'wrap');
  b.set(col, CF_SUBHEADER_ROW, C.month, undefined, 'header');
  const d = ctx.digits;
  for (let mo = 0; mo <= layout.horizonMonths; mo++) {
    const r = layout.monthRow(mo);
    // Compared to the cent, as the app compares minor units.
    const hit = Math.round((ownCum[mo] ?? 0) * 10 ** d) <= Math.round((cloudCum[mo] ?? 0) * 10 ** d);
    b.set(
      col,
      r,
      formula(`IF(ROUND(${address(own, r)},${d})<=ROUND(${address(other, r)},${d}),$A${r},"")`, hit ? mo : ''),
      FMT.integer,
    );
  }
  const range = `${address(col, layout.monthRow(0))}:${address(col, layout.lastMonthRow)}`;
  b.set(
    col,
    layout.breakEvenRow,
    formula(
      `IF(COUNT(${range})=0,"${C.breakEvenNone.replace(/"/g, '""')}",MIN(${range}))`,
      row.breakEvenMonths ?? C.breakEvenNone,
    ),
    FMT.integer,
    'total',
  );
  b.set(col, layout.breakEvenRow + 1, fill(C.against, { cloud }), undefined, 'note');
}
