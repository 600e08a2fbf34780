import ExcelJS from 'exceljs';
import { buildWorkbook } from './workbook/build';
import type { CellStyle, SheetModel, WorkbookModel } from './workbook/model';
import type { ExportInput } from './types';
import { rowHeights } from './workbook/heights';
import { fixZipDates } from './zip-dates';

/**
 * The xlsx export: the workbook model (workbook/build.ts) written with exceljs. The only module
 * that imports exceljs (a large library): the renderer loads it with a dynamic import when the user
 * exports, and index.ts does the same.
 */

const GREY = 'FF595959';
const STYLE: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 } },
  header: {
    font: { bold: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
    border: { bottom: { style: 'thin' } },
    alignment: { vertical: 'top' },
  },
  section: { font: { bold: true }, alignment: { vertical: 'top' } },
  input: { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } },
  total: { font: { bold: true }, border: { top: { style: 'thin' } } },
  note: { font: { color: { argb: GREY }, italic: true } },
  wrap: { alignment: { wrapText: true, vertical: 'top' } },
  left: { alignment: { horizontal: 'left' } },
};

function writeSheet(wb: ExcelJS.Workbook, model: SheetModel): void {
  const { freeze, printTitleRows } = model;
  const ws = wb.addWorksheet(model.name, {
    views: [{ state: 'frozen', xSplit: freeze.columns, ySplit: freeze.rows }],
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // 0: as many pages down as it takes; only the width is fitted.
      fitToHeight: 0,
      ...(printTitleRows ? { printTitlesRow: `${printTitleRows.first}:${printTitleRows.last}` } : {}),
    },
  });
  model.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const [r, cells] of [...model.rows].sort((a, b) => a[0] - b[0]))
    for (const [c, cell] of [...cells].sort((a, b) => a[0] - b[0])) {
      const target = ws.getCell(r, c);
      target.value = cell.value as ExcelJS.CellValue;
      let style: Partial<ExcelJS.Style> = {};
      for (const s of cell.styles ?? []) style = merge(style, STYLE[s]);
      if (cell.numFmt) style.numFmt = cell.numFmt;
      if (Object.keys(style).length) target.style = style;
    }
  for (const [r, height] of rowHeights(model)) ws.getRow(r).height = height;
  for (const range of model.merges) ws.mergeCells(range);
  for (const [name, at] of model.names) ws.getCell(at).name = name;
}

const merge = (a: Partial<ExcelJS.Style>, b: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> => ({
  ...a,
  ...b,
  ...(a.font && b.font ? { font: { ...a.font, ...b.font } } : {}),
  ...(a.alignment && b.alignment ? { alignment: { ...a.alignment, ...b.alignment } } : {}),
});

/** The model as xlsx bytes, every ZIP entry stamped with the model's date. */
export async function writeXlsx(model: WorkbookModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'GPU Planner';
  wb.lastModifiedBy = 'GPU Planner';
  wb.created = model.date;
  wb.modified = model.date;
  wb.title = model.title;
  for (const sheet of model.sheets) writeSheet(wb, sheet);
  // exceljs returns a Node Buffer (or its browser stand-in); copy it into a plain Uint8Array.
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return fixZipDates(bytes, model.date);
}

/** The comparison as an xlsx workbook, bytes in memory. */
export async function exportXlsx(input: ExportInput): Promise<Uint8Array> {
  return writeXlsx(buildWorkbook(input));
}
