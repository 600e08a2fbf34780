import type { Measurement } from '../../../estimator/confidence';

/** Bytes in the GB the estimator shows memory in (10^9, as the validation table and the notes use). */
export const BYTES_PER_GB = 1e9;

/** The measured figures as typed: text, so a half-typed "12." stays in the box. */
export interface MeasuredForm {
  peakMemoryGB: string;
  tokensPerSecond: string;
  gpuWatts: string;
}

export type MeasuredField = keyof MeasuredForm;

export const EMPTY_MEASURED: MeasuredForm = { peakMemoryGB: '', tokensPerSecond: '', gpuWatts: '' };

/** Plain decimals with an optional grouping comma ("7,800", "52.5"); anything else is not a number. */
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

function parseNumber(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  if (!NUMBER.test(t) || !/\d/.test(t)) return 'invalid';
  return Number(t.replace(/,/g, ''));
}

/**
 * The form as the domain's Measurement (GB to bytes). Text that is not a number is named by field here;
 * whether a number is plausible (positive, within 10× of the physics) is the domain's to say (fitCalibration).
 */
export function measurementOf(form: MeasuredForm): { measured: Measurement; invalid: MeasuredField[] } {
  const measured: Measurement = {};
  const invalid: MeasuredField[] = [];
  const read = (field: MeasuredField, set: (v: number) => void) => {
    const v = parseNumber(form[field]);
    if (v === 'invalid') invalid.push(field);
    else if (v !== null) set(v);
  };
  read('peakMemoryGB', (v) => (measured.peakMemoryBytes = v * BYTES_PER_GB));
  read('tokensPerSecond', (v) => (measured.tokensPerSecond = v));
  read('gpuWatts', (v) => (measured.gpuWatts = v));
  return { measured, invalid };
}

/** A measurement (a parsed log line) as the form shows it: GB to one more decimal than the estimate shows. */
export function formOf(measured: Measurement): MeasuredForm {
  const text = (v: number | undefined, digits: number) => (v === undefined ? '' : String(Number(v.toFixed(digits))));
  return {
    peakMemoryGB: text(measured.peakMemoryBytes === undefined ? undefined : measured.peakMemoryBytes / BYTES_PER_GB, 3),
    tokensPerSecond: text(measured.tokensPerSecond, 1),
    gpuWatts: text(measured.gpuWatts, 1),
  };
}
