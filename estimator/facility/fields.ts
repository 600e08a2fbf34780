import { z } from 'zod';

/** Field helpers: every message names the allowed range ("must be a number of kW above 0 and at most 1,000"). */

const fmt = (n: number) => n.toLocaleString('en-US');

/** A number in (0, max]: zero and negatives are refused. */
export const above0 = (max: number, unit: string) => {
  const msg = `must be a number of ${unit} above 0 and at most ${fmt(max)}`;
  return z.number({ error: msg }).finite(msg).positive(msg).max(max, msg);
};

export const between = (min: number, max: number, unit = '') => {
  const msg = `must be a number${unit ? ` of ${unit}` : ''} from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error: msg }).finite(msg).min(min, msg).max(max, msg);
};

export const whole = (min: number, max: number, unit: string) => {
  const msg = `must be a whole number of ${unit} from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error: msg }).int(msg).min(min, msg).max(max, msg);
};

/** `assumptions.site.powerKW: must be …`: the field's whole path, then what is wrong. */
export function formatIssue(issue: z.core.$ZodIssue, prefix = ''): string {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  if (issue.code === 'unrecognized_keys')
    return `${path ? `${path}.` : ''}${issue.keys[0] ?? '?'}: is not a known field`;
  return `${path || '(input)'}: ${issue.message}`;
}
