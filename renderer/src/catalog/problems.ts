import type { TFunction } from 'i18next';
import { TABLE_KINDS, TABLES, isTableKind } from '../../../catalog/tables';

/**
 * The catalog's checks (catalog/) word their problems in English, for files and command lines:
 * `row 12 (h100-x), field price.amount: must be ≥ 0`. On screen they are shown in the user's
 * language: the row and field frame and the common messages are translated, the field paths stay
 * as the file names them, and a message not known here is shown as the catalog wrote it.
 */
type Rule = [RegExp, (m: RegExpExecArray, t: TFunction) => string];

const msg = (key: string) => `catalog:problems.messages.${key}`;
const rowName = (english: string, t: TFunction) => {
  const kind = TABLE_KINDS.find((k) => TABLES[k].row === english);
  return kind ? t(`catalog:rowNames.${kind}`) : english;
};

const MESSAGES: Rule[] = [
  [/^must be ≥ 0$/, (_, t) => t(msg('nonNegative'))],
  [/^must be > 0$/, (_, t) => t(msg('positive'))],
  [/^must be ≤ ([\d,.]+)$/, (m, t) => t(msg('atMost'), { n: m[1] })],
  [/^must be at least (\d+)\b.*$/, (m, t) => t(msg('atLeastN'), { n: m[1] })],
  [/^must be at most (\d+)\b.*$/, (m, t) => t(msg('atMostN'), { n: m[1] })],
  [/^must be a whole number\b.*$/, (_, t) => t(msg('wholeNumber'))],
  [/^is required$/, (_, t) => t(msg('required'))],
  [/^must be a number$/, (_, t) => t(msg('number'))],
  [/^must be text$/, (_, t) => t(msg('text'))],
  [/^must be true or false$/, (_, t) => t(msg('boolean'))],
  [/^must be a date written YYYY-MM-DD$/, (_, t) => t(msg('date'))],
  [/^must be a real calendar date$/, (_, t) => t(msg('realDate'))],
  [/^must not be in the future$/, (_, t) => t(msg('future'))],
  [/^must name where the figure came from$/, (_, t) => t(msg('source'))],
  [/^must not be empty$/, (_, t) => t(msg('notEmpty'))],
  [/^must be lower-case letters, digits/, (_, t) => t(msg('idChars'))],
  [/^is not a field of this table$/, (_, t) => t(msg('notAField'))],
  [/^is not a field of an? (.+) row$/, (m, t) => t(msg('notAColumn'), { row: rowName(m[1] ?? '', t) })],
  [/^duplicates row (\d+); ids must be unique$/, (m, t) => t(msg('duplicateRow'), { row: m[1] })],
  [/^"(.*)" is taken by another row; ids must be unique$/, (m, t) => t(msg('idTaken'), { id: m[1] })],
  [/^must be the id of a GPU in the catalog; there is no GPU "(.*)"$/, (m, t) => t(msg('unknownGpu'), { gpu: m[1] })],
  [/^must be one of (.+)$/, (m, t) => t(msg('oneOf'), { values: m[1] })],
  [/^must be (".*"|\d+)$/, (m, t) => t(msg('exactly'), { value: m[1] })],
  [/^appears twice$/, (_, t) => t(msg('appearsTwice'))],
  [/^(\d+) rows name this GPU \((.*)\)$/, (m, t) => t(msg('gpuInUse'), { count: Number(m[1]), ids: m[2] })],
  [/^must be a whole number of months from 1 to (\d+)$/, (m, t) => t(msg('staleMonths'), { max: m[1] })],
];

const FILE_PROBLEMS: Rule[] = [
  [/^the file is not valid JSON \((.*)\)$/s, (m, t) => t(msg('notJson'), { detail: m[1] })],
  [/^the file is empty: it needs a header row of field names$/, (_, t) => t(msg('emptyFile'))],
  [
    /^the file is ([\d,]+) characters; at most ([\d,]+) can be imported$/,
    (m, t) => t(msg('tooLong'), { size: m[1], max: m[2] }),
  ],
  [
    /^the file has (\d+) rows; at most (\d+) can be imported at once$/,
    (m, t) => t(msg('tooManyRows'), { rows: m[1], max: m[2] }),
  ],
  [/^the file could not be read as text$/, (_, t) => t(msg('notText'))],
  [/^this is a whole-catalog file: import it as a catalog, not as one table$/, (_, t) => t(msg('wholeCatalog'))],
  [/^… and (\d+) more problems$/, (m, t) => t('catalog:problems.more', { count: Number(m[1]) })],
];

export function localizeMessage(message: string, t: TFunction): string {
  for (const [pattern, render] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return render(m, t);
  }
  return message;
}

const FRAMES: Rule[] = [
  [
    /^row (\d+) \((.+?)\), field (.+?): (.*)$/s,
    (m, t) =>
      t('catalog:problems.rowIdField', { row: m[1], id: m[2], field: m[3], message: localizeMessage(m[4] ?? '', t) }),
  ],
  [
    /^row (\d+), field (.+?): (.*)$/s,
    (m, t) => t('catalog:problems.rowField', { row: m[1], field: m[2], message: localizeMessage(m[3] ?? '', t) }),
  ],
  [
    /^row (\d+), column (.+?): (.*)$/s,
    (m, t) => t('catalog:problems.rowColumn', { row: m[1], column: m[2], message: localizeMessage(m[3] ?? '', t) }),
  ],
  [
    /^row (\d+): has (\d+) cells but the header has (\d+)$/,
    (m, t) => t('catalog:problems.cellCount', { row: m[1], cells: m[2], header: m[3] }),
  ],
  ...FILE_PROBLEMS,
  [
    /^([A-Za-z0-9_.+-]+|\(row\)): (.*)$/s,
    (m, t) => t('catalog:problems.field', { field: m[1], message: localizeMessage(m[2] ?? '', t) }),
  ],
];

/** One problem from the catalog's checks, in the user's language (see above). */
export function localizeProblem(problem: string, t: TFunction): string {
  const table = /^(\w+): (.*)$/s.exec(problem);
  if (table && isTableKind(table[1]))
    return t('catalog:problems.inTable', {
      table: t(`catalog:tabs.${table[1]}`),
      problem: localizeProblem(table[2] ?? '', t),
    });
  for (const [pattern, render] of FRAMES) {
    const m = pattern.exec(problem);
    if (m) return render(m, t);
  }
  return problem;
}
