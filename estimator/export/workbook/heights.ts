import { columnLetters, type SheetModel } from './model';

/**
 * Row heights for rows with wrapped text. Spreadsheets size a row to its wrapped text only when they
 * lay the row out themselves; a file written without heights opens (and prints, in LibreOffice) with
 * one-line rows whose text overlaps the next. So each row with a wrapped cell gets the height of its
 * longest cell: its text measured in character widths (CJK characters count two) over the column's
 * width, or the merged range's when the cell starts one.
 */
const LINE_POINTS = 15;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

const textWidth = (s: string): number => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

function lines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Width of a cell's column, or of the merged range it starts. */
function widthAt(sheet: SheetModel, row: number, column: number): number {
  const own = (c: number) => sheet.widths[c - 1] ?? 9;
  const merge = sheet.merges.find((m) => m.startsWith(`${columnLetters(column)}${row}:`));
  if (!merge) return own(column);
  const last = columnIndex(merge.split(':')[1]!.replace(/\d+$/, ''));
  let width = 0;
  for (let c = column; c <= last; c++) width += own(c);
  return width;
}

export function rowHeights(sheet: SheetModel): Map<number, number> {
  const out = new Map<number, number>();
  for (const [r, cells] of sheet.rows) {
    let most = 1;
    for (const [c, cell] of cells)
      if (cell.styles?.includes('wrap') && typeof cell.value === 'string')
        most = Math.max(most, lines(cell.value, widthAt(sheet, r, c)));
    if (most > 1) out.set(r, most * LINE_POINTS);
  }
  return out;
}
