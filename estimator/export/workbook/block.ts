import { address, sheetRef, type SheetBuilder } from './model';

/**
 * A block of rows whose formulas refer to each other by key ("q:nodes", "line:energy") rather than
 * by row number: rows are added section by section in any order, placed in the sections' order, and
 * only then rendered, so a cost line can name a quantity, and the tax line the equipment subtotal
 * placed after it, without counting rows by hand.
 */

/** The address of a keyed row's cell on this sheet: its value column (B) unless told otherwise. */
export type Ref = (key: string, column?: number) => string;

export const VALUE_COLUMN = 2;

interface Entry {
  readonly key: string | null;
  readonly render: (row: number, ref: Ref) => void;
}

export class Block<S extends string> {
  private readonly sections = new Map<S, Entry[]>();
  private readonly keys = new Set<string>();

  /** `order`: the sections as they appear; `heading` writes a section's title row when it has rows. */
  constructor(
    private readonly order: readonly S[],
    private readonly heading: (section: S, row: number) => void,
  ) {
    for (const s of order) this.sections.set(s, []);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Adds a row to a section; a key makes it referable (once). */
  add(section: S, key: string | null, render: (row: number, ref: Ref) => void): void {
    if (key !== null) {
      if (this.keys.has(key)) throw new Error(`export: row "${key}" added twice`);
      this.keys.add(key);
    }
    this.sections.get(section)!.push({ key, render });
  }

  /** Places the rows from the builder's next row on and renders them; returns each key's row. */
  place(b: SheetBuilder, untitled: readonly S[] = []): Map<string, number> {
    const rows = new Map<string, number>();
    const placed: { row: number; entry: Entry }[] = [];
    for (const s of this.order) {
      const entries = this.sections.get(s)!;
      if (!entries.length) continue;
      if (!untitled.includes(s)) this.heading(s, b.next());
      for (const entry of entries) {
        const row = b.next();
        if (entry.key !== null) rows.set(entry.key, row);
        placed.push({ row, entry });
      }
    }
    const ref: Ref = (key, column = VALUE_COLUMN) => {
      const row = rows.get(key);
      if (row === undefined) throw new Error(`export: no row "${key}" in this block`);
      return address(column, row);
    };
    for (const p of placed) p.entry.render(p.row, ref);
    return rows;
  }
}

/**
 * `SUM(B10:B14)` for contiguous rows of one column, `B10+B12` otherwise, `0` for none; `sheet` prefixes
 * each reference (`SUM(Options!B10:B14)`).
 */
export function sumOf(cells: readonly { column: number; row: number }[], sheet?: string): string {
  if (!cells.length) return '0';
  const at = (column: number, row: number) => (sheet ? sheetRef(sheet, address(column, row)) : address(column, row));
  const sorted = [...cells].sort((a, b) => a.row - b.row);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const sameColumn = sorted.every((c) => c.column === first.column);
  const contiguous = sorted.every((c, i) => i === 0 || c.row === sorted[i - 1]!.row + 1);
  if (sameColumn && contiguous && sorted.length > 1)
    return `SUM(${at(first.column, first.row)}:${address(last.column, last.row)})`;
  return sorted.map((c) => at(c.column, c.row)).join('+');
}
