/**
 * The workbook as plain data: sheets of cells (values, formulas with their cached results, number
 * formats, styles), names, widths, frozen rows and print setup. The sheet builders fill it without
 * knowing exceljs; xlsx.ts writes it. Keeping the two apart keeps exceljs out of everything but the
 * writer, which the renderer loads only when the user exports.
 */

/** A formula (without "=") and the value the app computed for it, written as the cached result. */
export interface Formula {
  readonly formula: string;
  readonly result: number | string | boolean;
}

export type CellValue = string | number | boolean | Date | Formula | null;

export type CellStyle =
  /** The sheet's title. */
  | 'title'
  /** A column header: bold, shaded, bordered below. */
  | 'header'
  /** A section or block heading: bold. */
  | 'section'
  /** An input finance may change: yellow. */
  | 'input'
  /** A total: bold, ruled above. */
  | 'total'
  /** Grey explanatory text. */
  | 'note'
  /** Wraps long text inside the column width (the row is made tall enough: heights.ts). */
  | 'wrap'
  /** Left-aligned (a date or number shown as a fact, not in a column of figures). */
  | 'left';

export interface Cell {
  readonly value: CellValue;
  readonly numFmt?: string;
  readonly styles?: readonly CellStyle[];
}

export interface SheetModel {
  readonly name: string;
  /** Row -> column (1-based) -> cell. */
  readonly rows: Map<number, Map<number, Cell>>;
  /** Column widths in characters, column A first. */
  widths: number[];
  /** Rows frozen at the top (the header rows) and columns at the left. */
  freeze: { rows: number; columns: number };
  /** Rows repeated at the top of every printed page. */
  printTitleRows: { first: number; last: number } | null;
  /** Defined names on this sheet: name -> cell address (`C5`). */
  readonly names: Map<string, string>;
  /** Merged ranges (`A1:F1`). */
  readonly merges: string[];
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
  /** Creation and modification date written into the file: fixed by the input, never "now". */
  readonly date: Date;
  readonly title: string;
}

/** Column number (1-based) -> letters: 1 -> A, 27 -> AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const address = (column: number, row: number): string => `${columnLetters(column)}${row}`;

/** `'Cash flow'!C7`: a reference from another sheet (quoted when the name has a space). */
export const sheetRef = (sheet: string, cell: string): string =>
  `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;

/** Adds cells to a sheet row by row. */
export class SheetBuilder {
  readonly sheet: SheetModel;
  /** The last row used. */
  last = 0;

  constructor(name: string) {
    this.sheet = {
      name,
      rows: new Map(),
      widths: [],
      freeze: { rows: 0, columns: 0 },
      printTitleRows: null,
      names: new Map(),
      merges: [],
    };
  }

  /** The next row's number (and marks it used). */
  next(): number {
    this.last += 1;
    return this.last;
  }

  /** Leaves `n` rows empty. */
  skip(n = 1): void {
    this.last += n;
  }

  set(column: number, row: number, value: CellValue, numFmt?: string, ...styles: CellStyle[]): string {
    let r = this.sheet.rows.get(row);
    if (!r) this.sheet.rows.set(row, (r = new Map()));
    r.set(column, { value, ...(numFmt ? { numFmt } : {}), ...(styles.length ? { styles } : {}) });
    this.last = Math.max(this.last, row);
    return address(column, row);
  }

  /** Writes cells left to right from column A on a new row; returns the row number. */
  row(...cells: (CellValue | Cell)[]): number {
    const r = this.next();
    cells.forEach((c, i) => {
      if (isCell(c)) this.set(i + 1, r, c.value, c.numFmt, ...(c.styles ?? []));
      else if (c !== null) this.set(i + 1, r, c);
    });
    return r;
  }

  name(name: string, cell: string): void {
    this.sheet.names.set(name, cell);
  }
}

function isCell(c: CellValue | Cell): c is Cell {
  return typeof c === 'object' && c !== null && !(c instanceof Date) && 'value' in c;
}

/** A styled cell for `SheetBuilder.row`. */
export const cell = (value: CellValue, numFmt?: string, ...styles: CellStyle[]): Cell => ({
  value,
  ...(numFmt ? { numFmt } : {}),
  ...(styles.length ? { styles } : {}),
});

export const formula = (f: string, result: number | string | boolean): Formula => ({ formula: f, result });
