import type { ExportInput } from './types';

/** The date an input without any date gets: the ZIP format's epoch, plainly not a real date. */
export const NO_DATE = '1980-01-01';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every `asOf` date in a JSON value (the scenario's fx, electricity, inline quotes…). */
function datesIn(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) datesIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      if (k === 'asOf' && typeof v === 'string' && ISO_DATE.test(v)) out.push(v);
      else datesIn(v, out);
  return out;
}

/**
 * The date an export carries (the workbook's creation date, the Summary's "figures as of"): the
 * newest of the catalog version's date and every `asOf` in the scenario, never the clock, so that
 * the same scenario and catalog give the same bytes in the app and on the command line, today and
 * next year. ISO `yyyy-mm-dd`.
 */
export function exportDate(input: Pick<ExportInput, 'scenario' | 'catalogVersion'>): string {
  const dates = datesIn(input.scenario, input.catalogVersion ? [input.catalogVersion.asOf] : []);
  return dates.reduce((a, b) => (b > a ? b : a), NO_DATE);
}
