import type { NoteCode } from '../../../estimator/training';

/**
 * Estimator notes in the user's language. The estimate gives each note in English (`notes`) and, in the same order, as
 * a code with its parameters (`noteCodes`); the `estimator` namespace holds a template per code under `notes.codes`,
 * one per fit remedy under `notes.remedies`, and the words that join them. A note whose code (or one of whose
 * remedies) has no template is shown in English, as the estimator wrote it.
 */

/** The part of i18next's `t` this needs: a template filled with values, or `defaultValue` when the key is missing. */
export type Translate = (key: string, options: Record<string, unknown>) => string;

type Params = NoteCode['params'];

const PLAIN_CODE = /^[A-Za-z][A-Za-z0-9]*$/;

/** A fit remedy's own parameters out of its note's flattened ones: `remedy2Gb` -> `gb` for remedy 2. */
export function remedyParams(params: Params, index: number): Params {
  const prefix = `remedy${index}`;
  const out: Params = {};
  for (const [k, v] of Object.entries(params))
    if (k.startsWith(prefix) && k.length > prefix.length && !/^\d/.test(k.slice(prefix.length)))
      out[k.charAt(prefix.length).toLowerCase() + k.slice(prefix.length + 1)] = v;
  return out;
}

/** A template or null when the language has none for `key`. */
function template(t: Translate, key: string, values: Params): string | null {
  const s = t(key, { ...values, defaultValue: '' });
  return typeof s === 'string' && s !== '' ? s : null;
}

/** One note in the language of `t`: its template filled in, or `english` when there is no template for it. */
export function noteText(t: Translate, note: NoteCode | undefined, english: string): string {
  if (!note || !PLAIN_CODE.test(note.code)) return english;
  const p = note.params;
  const values: Params = { ...p };
  const count = Number(p.remedies ?? 0);
  if (count > 0) {
    const list: string[] = [];
    for (let i = 1; i <= count; i++) {
      const code = String(p[`remedy${i}`] ?? '');
      const text = PLAIN_CODE.test(code) ? template(t, `notes.remedies.${code}`, remedyParams(p, i)) : null;
      if (text === null) return english;
      list.push(text);
    }
    const or = template(t, 'notes.or', {}) ?? ' or ';
    // Remedies that fit on their own (`remedies`), and those that fit with recompute and micro-batch 1 (`combined`):
    // all of them in a combined note, those after the first `alone` in a note with both.
    const alone =
      note.code === 'doesNotFitCombined'
        ? 0
        : note.code === 'doesNotFitBoth'
          ? Math.min(count, Number(p.alone ?? count))
          : count;
    values.remedies = list.slice(0, alone).join(or);
    values.combined = list.slice(alone).join(or);
  }
  if (note.code === 'doesNotFitCombined' || note.code === 'doesNotFitBoth') {
    const parts: string[] = [];
    if (Number(p.withRecompute ?? 0) === 1) parts.push(template(t, 'notes.with.recompute', {}) ?? '');
    if (Number(p.withMicroBatch ?? 0) > 0)
      parts.push(
        template(t, 'notes.with.microBatch', {
          microBatch: p.withMicroBatch ?? '',
          gradAccum: p.withGradAccum ?? '',
        }) ?? '',
      );
    if (parts.some((x) => x === '')) return english;
    values.with = parts.join(template(t, 'notes.and', {}) ?? ' and ');
  }
  return template(t, `notes.codes.${note.code}`, values) ?? english;
}
