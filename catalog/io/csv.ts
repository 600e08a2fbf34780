import { flattenRow, unflattenRow } from '../paths';
import { TABLES, type TableKind } from '../tables';
import { fromCell, toCell } from './cells';
import { columnsOf, type Column } from './columns';
import { MAX_IMPORT_ROWS } from './limits';
import { Papa } from './papaparse';

export type RawRows = { ok: true; rows: unknown[]; firstRow: number } | { ok: false; errors: string[] };

/** The CSV columns of a table: every leaf field, nested ones as dotted paths (`price.amount`). */
export function csvColumns(kind: TableKind): Column[] {
  return columnsOf(TABLES[kind].schema);
}

/** One header row of dotted field paths, then one line per row; empty cells are absent (or null) fields. */
export function exportTableCsv(kind: TableKind, rows: readonly object[]): string {
  const columns = csvColumns(kind);
  const data = rows.map((row) => {
    const cells = flattenRow(row as Record<string, unknown>);
    return columns.map((c) => toCell(cells[c.path]));
  });
  return Papa.unparse({ fields: columns.map((c) => c.path), data });
}

/**
 * CSV (or tab-separated text pasted from a spreadsheet) into raw row objects for validation.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first row of data row 2.
 */
export function parseTableCsv(kind: TableKind, text: string): RawRows {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const errors = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => `row ${(e.row ?? 0) + 1}: ${e.message.toLowerCase()}`);
  const [header, ...lines] = parsed.data;
  if (!header) return { ok: false, errors: ['the file is empty: it needs a header row of field names'] };
  if (lines.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      errors: [`the file has ${lines.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`],
    };

  const byPath = new Map(csvColumns(kind).map((c) => [c.path, c]));
  const columns: Column[] = [];
  const seen = new Set<string>();
  header.forEach((raw, i) => {
    const name = String(raw).trim();
    const column = byPath.get(name);
    if (!name) errors.push(`row 1, column ${i + 1}: the header cell is empty`);
    else if (seen.has(name)) errors.push(`row 1, column ${name}: appears twice`);
    else if (!column) errors.push(`row 1, column ${name}: is not a field of a ${TABLES[kind].row} row`);
    seen.add(name);
    if (column) columns.push(column);
  });
  if (errors.length) return { ok: false, errors };

  const rows: unknown[] = [];
  lines.forEach((line, i) => {
    if (line.length !== columns.length) {
      errors.push(`row ${i + 2}: has ${line.length} cells but the header has ${columns.length}`);
      return;
    }
    const cells: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      cells[column.path] = fromCell(String(line[c] ?? ''), column);
    });
    rows.push(unflattenRow(cells));
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows, firstRow: 2 };
}
