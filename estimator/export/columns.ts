import type { Comparison, ComparisonRow } from '../compare/types';
import { fill, type Messages } from './messages';

/**
 * The comparison grid's columns, in the grid's order: contracts/scenario.md's row fields (every one
 * of them), the ranking and money fields compare adds, and the site columns when the scenario has a
 * site. The CSV writes exactly these; the renderer's grid can take the same list.
 */
export type ColumnKey = keyof Messages['column'];

/** A cell as the grid holds it: text, a number in the unit the header names, yes/no, or empty. */
export type GridValue = string | number | boolean | null;

export interface GridColumn {
  readonly key: ColumnKey;
  readonly value: (row: ComparisonRow, m: Messages) => GridValue;
}

/** The row's own field of the same name (numbers and booleans as compare gives them). */
const own =
  (key: ColumnKey) =>
  (row: ComparisonRow): GridValue =>
    (row as unknown as Record<string, GridValue | undefined>)[key] ?? null;

const column = (key: ColumnKey, value: GridColumn['value'] = own(key)): GridColumn => ({ key, value });

const BASE: readonly GridColumn[] = [
  column('rank'),
  column('optionId'),
  column('label'),
  column('kind', (r, m) => m.kind[r.kind]),
  column('pricing', (r, m) => (r.pricing ? m.pricing[r.pricing] : null)),
  column('gpu'),
  column('gpus'),
  column('nodes'),
  column('fits'),
  column('feasible'),
  column('meetsSchedule'),
  column('meetsDeadline'),
  column('hoursPerRun'),
  column('totalHours'),
  column('capex'),
  column('opexTotal'),
  column('residualValue'),
  column('totalCost'),
  column('costPerRun'),
  column('npvCost'),
  column('energyKWh'),
  column('facilityEnergyKWh'),
  column('powerKW'),
  column('coolingBTUh'),
  column('coolingTons'),
  column('utilization'),
  column('breakEvenMonths'),
  column('breakEvenAgainst'),
];

const SITE: readonly GridColumn[] = [
  column('racks', (r) => r.racks ?? null),
  column('rackKWMax', (r) => r.rackKWMax ?? null),
  column('coolingRequired', (r, m) => (r.coolingRequired ? m.cooling[r.coolingRequired] : null)),
  column('fitsSite', (r) => r.fitsSite ?? null),
  column('facilityCapex', (r) => r.facilityCapex ?? null),
];

const NOTES: GridColumn = column('notes', (r) => r.notes.join('\n'));

/** The columns for a comparison: the site columns only when some row has a site plan. */
export function gridColumns(comparison: Comparison): readonly GridColumn[] {
  const site = comparison.rows.some((r) => r.fitsSite !== undefined);
  return [...BASE, ...(site ? SITE : []), NOTES];
}

/** A column's header in the language of `m`, money columns naming the currency. */
export const columnHeader = (key: ColumnKey, m: Messages, currency: string): string =>
  fill(m.column[key], { currency });
