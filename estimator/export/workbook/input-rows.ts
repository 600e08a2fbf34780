import { cell, SheetBuilder, type CellValue } from './model';

/** The header of a sheet of named inputs (Assumptions, Facility): label, value, unit, cell name, source. */
export interface InputSheetText {
  readonly title: string;
  readonly howTo: string;
  readonly header: {
    readonly label: string;
    readonly value: string;
    readonly unit: string;
    readonly name: string;
    readonly source: string;
  };
}

/** A sheet of named inputs: title, how to use it, and a frozen header row repeated on every printed page. */
export function inputSheet(name: string, widths: number[], text: InputSheetText): SheetBuilder {
  const b = new SheetBuilder(name);
  b.sheet.widths = widths;
  b.row(cell(text.title, undefined, 'title'));
  b.row(cell(text.howTo, undefined, 'note'));
  b.skip();
  const h = text.header;
  const header = b.row(...[h.label, h.value, h.unit, h.name, h.source].map((t) => cell(t, undefined, 'header')));
  b.sheet.freeze = { rows: header, columns: 1 };
  b.sheet.printTitleRows = { first: header, last: header };
  return b;
}

/** A section title, after a blank row. */
export function sectionRow(b: SheetBuilder, title: string): void {
  b.skip();
  b.row(cell(title, undefined, 'section'));
}

/** label, value, number format, unit, source, defined name (or none), and whether it is a yellow input. */
type InputRowArgs = [
  label: string,
  value: CellValue,
  numFmt: string,
  unit: string,
  source: string,
  name: string | null,
  input?: boolean,
];

/**
 * One row: label, value, unit, name, source. `name` makes the value a defined name the other sheets' formulas read;
 * `input` paints it yellow (finance may change it).
 */
export function inputRow(
  b: SheetBuilder,
  ...[label, value, numFmt, unit, source, name, input = true]: InputRowArgs
): void {
  const r = b.next();
  const at = b.set(2, r, value, numFmt, ...(input ? (['input'] as const) : []));
  b.set(1, r, label);
  b.set(3, r, unit);
  if (name) {
    b.set(4, r, name);
    b.name(name, at);
  }
  b.set(5, r, source, undefined, 'wrap');
}

/** `section` and `item` bound to one sheet, as the Assumptions and Facility builders write them. */
export function inputRowsOn(b: SheetBuilder) {
  return {
    section: (title: string) => sectionRow(b, title),
    item: (...args: InputRowArgs) => inputRow(b, ...args),
  };
}
