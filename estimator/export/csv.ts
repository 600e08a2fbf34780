import { Papa } from '../../catalog/io/papaparse';
import type { Comparison } from '../compare/types';
import { columnHeader, gridColumns, type GridValue } from './columns';
import { messagesFor, type Messages } from './messages';
import type { ExportLanguage } from './types';

/**
 * The comparison grid as CSV: one header row of labels in the app's language (money columns name the
 * currency), then one line per option in rank order. Light on purpose (no exceljs): the renderer
 * imports this directly.
 *
 * - UTF-8 with a byte-order mark, so Excel opens Chinese labels and notes as UTF-8 instead of the
 *   system code page.
 * - Numbers as plain decimals with a dot (no thousands separators, no currency sign): they stay
 *   numbers in any spreadsheet; the header carries the unit.
 * - yes/no in the language; empty where the app has no value (an option that does not fit).
 * - Quoting and line ends (CRLF) by papaparse; a row's notes are one cell, one note per line.
 */

/** U+FEFF: the UTF-8 byte-order mark Excel looks for. */
export const BOM = '\uFEFF';

function cell(v: GridValue, m: Messages): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? m.yes : m.no;
  return String(v);
}

/** The CSV text, starting with the BOM; written as UTF-8 it is the file the app saves. */
export function exportCsv(input: { comparison: Comparison; language?: ExportLanguage }): string {
  const m = messagesFor(input.language);
  const c = input.comparison;
  const columns = gridColumns(c);
  const fields = columns.map((col) => columnHeader(col.key, m, c.currency));
  const data = c.rows.map((row) => columns.map((col) => cell(col.value(row, m), m)));
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n' });
}
