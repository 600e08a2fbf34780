import { formatPath } from '../../../estimator/scenario';

/**
 * The scenario as the user edits it: the file's JSON, kept plain (IndexedDB and postMessage clone it)
 * and replaced on every edit, never mutated. A half-typed value stays in it as typed ("12a"), so the
 * domain's schema names the field and the allowed range beside it; an emptied field is left out, so
 * the schema's default (or "is required") applies.
 */
export type RawScenario = Readonly<Record<string, unknown>>;
export type Path = readonly (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

export function getIn(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (isRecord(v) ? (v as Record<string | number, unknown>)[k] : undefined), value);
}

/** A copy of `value` with `path` set to `next`; `undefined` removes the key (or the array item). */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return next as T;
  if (Array.isArray(value) && typeof key === 'number') {
    const copy = value.slice();
    if (rest.length === 0 && next === undefined) copy.splice(key, 1);
    else copy[key] = setIn(copy[key], rest, next);
    return copy as T;
  }
  const record: Record<string | number, unknown> = isRecord(value) ? { ...(value as object) } : {};
  const child = rest.length === 0 ? next : setIn(record[key], rest, next);
  if (child === undefined) delete record[key];
  else record[key] = child;
  return record as T;
}

/** The key a field's message is filed under: the domain's own path text, `options[2].count`. */
export const fieldKey = (path: Path): string => formatPath(path);
