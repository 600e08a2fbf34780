import type { ComparisonRow } from '../../compare/types';
import { address, sheetRef } from './model';

/**
 * Where things are on the Cash flow sheet, known before anything is written, so that the Options
 * sheet can point at an option's NPV and break-even cells and the Cash flow sheet at the Options
 * sheet's cost lines. Rows are months 0..horizon; each costed option has two columns (paid that
 * month, cumulative) in rank order; owned options then get one check column each (owned ≤ cloud).
 */
export const CASH_FLOW = 'Cash flow';

export const CF_HEADER_ROW = 4;
export const CF_SUBHEADER_ROW = 5;
export const CF_FIRST_MONTH_ROW = 6;
export const CF_MONTH_COLUMN = 1;

export class CashflowLayout {
  /** Rows with a cost, in rank order: the ones that have columns. */
  readonly costed: readonly ComparisonRow[];
  /** Owned rows with a cloud option to break even against: the ones that have a check column. */
  readonly checked: readonly ComparisonRow[];

  constructor(
    rows: readonly ComparisonRow[],
    readonly horizonMonths: number,
  ) {
    this.costed = rows.filter((r) => r.minor !== null && r.lines.length > 0);
    this.checked = this.costed.filter(
      (r) => r.kind !== 'cloud' && r.breakEvenAgainst !== null && this.index(r.breakEvenAgainst) >= 0,
    );
  }

  index(optionId: string): number {
    return this.costed.findIndex((r) => r.optionId === optionId);
  }

  monthRow = (m: number): number => CF_FIRST_MONTH_ROW + m;
  get lastMonthRow(): number {
    return this.monthRow(this.horizonMonths);
  }
  get npvRow(): number {
    return this.lastMonthRow + 2;
  }
  get breakEvenRow(): number {
    return this.lastMonthRow + 3;
  }

  paidColumn = (optionId: string): number => 2 + 2 * this.index(optionId);
  cumulativeColumn = (optionId: string): number => 3 + 2 * this.index(optionId);
  checkColumn = (optionId: string): number =>
    2 + 2 * this.costed.length + this.checked.findIndex((r) => r.optionId === optionId);
  get lastColumn(): number {
    return 1 + 2 * this.costed.length + this.checked.length;
  }

  /** `'Cash flow'!C44`: the option's NPV, from another sheet. */
  npvRef = (optionId: string): string => sheetRef(CASH_FLOW, address(this.paidColumn(optionId), this.npvRow));
  /** The owned option's break-even month (or "not within the horizon"), from another sheet. */
  breakEvenRef = (optionId: string): string =>
    sheetRef(CASH_FLOW, address(this.checkColumn(optionId), this.breakEvenRow));
}
