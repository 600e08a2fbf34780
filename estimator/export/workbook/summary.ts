import type { ComparisonRow } from '../../compare/types';
import { formatDecimal, formatQuantity } from '../../scenario/money';
import { columnHeader, type ColumnKey } from '../columns';
import { fill } from '../messages';
import type { Ctx } from './context';
import { FMT } from './formats';
import { address, cell, columnLetters, formula, SheetBuilder, type CellValue } from './model';
import type { PlacedOption } from './options';

export const SUMMARY = 'Summary';

/** The Summary table's columns: the grid's headline columns (columns.ts labels), then the live rank. */
const TABLE: readonly (ColumnKey | 'liveRank')[] = [
  'rank',
  'label',
  'optionId',
  'kind',
  'pricing',
  'gpus',
  'feasible',
  'hoursPerRun',
  'totalHours',
  'capex',
  'opexTotal',
  'residualValue',
  'totalCost',
  'costPerRun',
  'npvCost',
  'energyKWh',
  'breakEvenMonths',
  'breakEvenAgainst',
  'liveRank',
];
const col = (key: (typeof TABLE)[number]): number => TABLE.indexOf(key) + 1;

/** Rank among the feasible options by total cost (ties share a rank): what the live-rank formula computes. */
export function liveRanks(rows: readonly ComparisonRow[]): Map<string, number> {
  const feasible = rows.filter((r) => r.feasible && r.totalCost !== null);
  return new Map(
    feasible.map((r) => [r.optionId, 1 + feasible.filter((o) => (o.totalCost ?? 0) < (r.totalCost ?? 0)).length]),
  );
}

/**
 * The Summary sheet: what was compared (scenario, date, currency, catalog version, workload), the
 * recommendation, and the options ranked, each figure a formula pointing at the Options and Cash
 * flow sheets so it follows the assumptions. "Rank at these assumptions" re-ranks the feasible
 * options by their recomputed totals; the recommendation is its first.
 */
export function summarySheet(ctx: Ctx, placed: readonly PlacedOption[], date: Date): SheetBuilder {
  const { m, s, c } = ctx;
  const S = m.summary;
  const b = new SheetBuilder(SUMMARY);
  b.sheet.widths = [8, 44, 24, 16, 16, 8, 10, 12, 14, 18, 18, 18, 18, 16, 18, 14, 20, 22, 12];

  b.row(cell(fill(S.title, { name: s.name }), undefined, 'title'));
  b.row(cell(S.howTo, undefined, 'note'));
  b.skip();
  const meta = (label: string, value: CellValue, numFmt?: string, note?: string) => {
    const r = b.row(cell(label, undefined, 'section'));
    b.set(3, r, value, numFmt, 'left');
    if (note) b.set(4, r, note, undefined, 'note');
    b.sheet.merges.push(`A${r}:B${r}`);
    return r;
  };
  meta(S.scenario, s.name);
  if (s.description) {
    // Long: wrapped across the table's width.
    const r = meta(S.description, s.description);
    b.set(3, r, s.description, undefined, 'wrap');
    b.sheet.merges.push(`C${r}:${columnLetters(TABLE.length)}${r}`);
  }
  meta(S.asOf, date, FMT.date, S.asOfWhy);
  meta(S.currency, c.currency);
  const v = ctx.input.catalogVersion;
  meta(S.catalogVersion, v ? fill(S.catalogVersionValue, { version: v.version, asOf: v.asOf }) : S.catalogVersionNone);
  const t = s.workload.training as { model?: unknown; method?: unknown };
  const model =
    typeof t.model === 'string' ? (ctx.input.catalog.models.find((x) => x.id === t.model)?.name ?? t.model) : '—';
  meta(
    S.workload,
    fill(S.workloadValue, {
      model,
      method: String(t.method ?? ''),
      tokens: formatDecimal(c.workload.tokensPerRun, 0, 0),
    }),
  );
  meta(
    S.runs,
    fill(S.runsValue, {
      perMonth: formatQuantity(c.workload.runsPerMonth),
      months: c.workload.horizonMonths,
      runs: formatQuantity(c.workload.runs),
    }),
  );
  const recommendation = b.row(cell(S.recommendation, undefined, 'section'));
  b.sheet.merges.push(`A${recommendation}:B${recommendation}`);
  b.skip();

  const header = b.next();
  TABLE.forEach((key, i) =>
    b.set(
      i + 1,
      header,
      key === 'liveRank' ? S.liveRank : columnHeader(key, m, c.currency),
      undefined,
      'header',
      'wrap',
    ),
  );
  b.sheet.freeze = { rows: header, columns: 2 };
  b.sheet.printTitleRows = { first: header, last: header };

  const first = header + 1;
  const last = header + c.rows.length;
  /** `$M$14:$M$18`: a Summary column over the option rows, fixed so every row's formula reads the same range. */
  const range = (key: (typeof TABLE)[number]) => {
    const letters = columnLetters(col(key));
    return `$${letters}$${first}:$${letters}$${last}`;
  };
  const ranks = liveRanks(c.rows);
  for (const row of c.rows) {
    const r = b.next();
    const p = placed.find((x) => x.row.optionId === row.optionId);
    const ref = (key: string) => p?.ref(key) ?? null;
    const put = (key: (typeof TABLE)[number], value: CellValue, fmt?: string) => b.set(col(key), r, value, fmt);
    const live = (
      key: (typeof TABLE)[number],
      optionsKey: string,
      result: number | string | null,
      fmt: string,
      wrap?: (x: string) => string,
    ) => {
      const at = ref(optionsKey);
      if (at === null || result === null) return;
      put(key, formula(wrap ? wrap(at) : at, result), fmt);
    };
    put('rank', row.rank, FMT.integer);
    put('label', row.label);
    put('optionId', row.optionId);
    put('kind', m.kind[row.kind]);
    put('pricing', row.pricing ? m.pricing[row.pricing] : null);
    put('gpus', row.gpus, FMT.integer);
    put('feasible', row.feasible ? m.yes : m.no);
    live('hoursPerRun', 'billedHours', row.hoursPerRun, FMT.hours, (x) => `ROUND(${x},4)`);
    live('totalHours', 'totalHours', row.totalHours, FMT.hours);
    live('capex', 'capex', row.capex, ctx.moneyFmt);
    live('opexTotal', 'opex', row.opexTotal, ctx.moneyFmt);
    live('residualValue', 'residual', row.residualValue, ctx.moneyFmt);
    live('totalCost', 'total', row.totalCost, ctx.moneyFmt);
    live('costPerRun', 'costPerRun', row.costPerRun, ctx.moneyFmt);
    live('npvCost', 'npv', row.npvCost, ctx.moneyFmt);
    live('energyKWh', 'energyKWh', row.energyKWh, FMT.kwh);
    live('breakEvenMonths', 'breakEven', row.breakEvenMonths ?? m.cashflow.breakEvenNone, FMT.integer);
    put('breakEvenAgainst', row.breakEvenAgainst);
    const feasibleAt = address(col('feasible'), r);
    const yes = m.yes.replace(/"/g, '""');
    put(
      'liveRank',
      formula(
        `IF(${feasibleAt}="${yes}",SUMPRODUCT((${range('feasible')}="${yes}")*(${range('totalCost')}<${address(col('totalCost'), r)}))+1,"${m.none.replace(/"/g, '""')}")`,
        ranks.get(row.optionId) ?? m.none,
      ),
      FMT.integer,
    );
  }

  // The recommendation: the option ranked first at the workbook's assumptions.
  const best = c.rows.find((r) => ranks.get(r.optionId) === 1);
  b.set(
    3,
    recommendation,
    best
      ? formula(
          `IFERROR(INDEX(${range('label')},MATCH(1,${range('liveRank')},0)),"${S.noneFeasible.replace(/"/g, '""')}")`,
          best.label,
        )
      : S.noneFeasible,
  );
  b.set(4, recommendation, S.recommendationWhy, undefined, 'note');

  const notes = [...c.notes];
  if (notes.length) {
    b.skip();
    b.row(cell(S.notes, undefined, 'section'));
    for (const n of notes) b.row(null, cell(n, undefined, 'note'));
  }
  if (c.fx.length) {
    b.skip();
    b.row(cell(S.fx, undefined, 'section'));
    for (const n of c.fx) b.row(null, cell(n, undefined, 'note'));
  }
  return b;
}
