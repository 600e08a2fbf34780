import { isPlainObject } from './paths';

/** Structural equality of JSON-like values (what catalog cells hold). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A deep copy of a JSON-like value (objects, arrays, primitives), so stored rows are never shared. */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => deepClone(v)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: an own "__proto__" key must stay data, never become the prototype.
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: deepClone(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}
