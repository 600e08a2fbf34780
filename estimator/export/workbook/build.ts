import { CashflowLayout } from './cashflow-layout';
import { exportDate } from '../date';
import { rowsUsed } from '../rows-used';
import type { ExportInput } from '../types';
import { assumptionsSheet } from './assumptions';
import { cashflowSheet } from './cashflow';
import { catalogSheet } from './catalog';
import { makeContext } from './context';
import { facilitySheet } from './facility';
import type { WorkbookModel } from './model';
import { optionsSheet } from './options';
import { summarySheet } from './summary';

/**
 * The whole workbook as data: Summary, Assumptions, Facility (with a site plan), Options, Cash flow,
 * Catalog. The Options and Cash flow sheets point at each other (cost lines <-> NPV and break-even),
 * so the Cash flow's layout is fixed first, then Options is placed, then the sheets that read it.
 * Facility reads only the assumptions, and the Options' site-plan lines read it, so it comes first.
 */
export function buildWorkbook(input: ExportInput): WorkbookModel {
  const base = makeContext(input);
  const facility = facilitySheet(base);
  const ctx = facility ? { ...base, facility: facility.refs } : base;
  const date = new Date(`${exportDate(input)}T00:00:00Z`);
  const rows = rowsUsed(input);
  const layout = new CashflowLayout(ctx.c.rows, ctx.s.workload.horizonMonths);
  const assumptions = assumptionsSheet(ctx);
  const options = optionsSheet(ctx, rows, layout);
  const cash = cashflowSheet(ctx, layout, options.placed);
  const summary = summarySheet(ctx, options.placed, date);
  const catalog = catalogSheet(ctx, rows);
  return {
    sheets: [
      summary.sheet,
      assumptions.sheet,
      ...(facility ? [facility.sheet.sheet] : []),
      options.builder.sheet,
      cash.sheet,
      catalog.sheet,
    ],
    date,
    title: ctx.s.name,
  };
}
