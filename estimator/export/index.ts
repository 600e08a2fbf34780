/**
 * The exports of a comparison (issue 7): the xlsx workbook with live formulas and the CSV of the
 * grid. Pure: bytes and text in memory; the caller saves them. `npm run -s compare -- … --xlsx
 * --csv` uses this module; the renderer imports `./csv` directly and `./xlsx` lazily.
 */
import type { ExportInput } from './types';

export { exportCsv, BOM } from './csv';
export { gridColumns, columnHeader, type GridColumn, type GridValue } from './columns';
export { exportDate } from './date';
export type { CatalogStamp, ExportInput, ExportLanguage } from './types';

/** The xlsx bytes; exceljs is loaded on first use, so importing this module stays light. */
export async function exportXlsx(input: ExportInput): Promise<Uint8Array> {
  const { exportXlsx: write } = await import('./xlsx');
  return write(input);
}
