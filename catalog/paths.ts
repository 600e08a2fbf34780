/**
 * Dotted field paths (`price.amount`, `prices.on-demand.amount`): how a CSV column, a user-edited
 * cell and an import error name a field. Paths through `__proto__`, `constructor` or `prototype`
 * are refused so a crafted column or stored edit can never reach an object's prototype.
 */

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export function splitPath(path: string): string[] | null {
  if (!path) return null;
  const keys = path.split('.');
  return keys.every((k) => k.length > 0 && !FORBIDDEN.has(k)) ? keys : null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getPath(row: unknown, path: string): unknown {
  const keys = splitPath(path);
  if (!keys) return undefined;
  let value: unknown = row;
  for (const key of keys) {
    if (!isPlainObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Sets `path` in place, creating the objects on the way; `undefined` deletes the field instead. */
export function setPathIn(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) {
    deletePathIn(target, path);
    return;
  }
  const keys = splitPath(path);
  if (!keys) throw new Error(`not a field path: ${JSON.stringify(path)}`);
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (!isPlainObject(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** Deletes `path` in place and any objects the deletion leaves empty, so no `{}` is left behind. */
export function deletePathIn(target: Record<string, unknown>, path: string): void {
  const keys = splitPath(path);
  if (!keys) return;
  const chain: Record<string, unknown>[] = [target];
  for (const key of keys.slice(0, -1)) {
    const next = (chain[chain.length - 1] as Record<string, unknown>)[key];
    if (!isPlainObject(next)) return;
    chain.push(next);
  }
  for (let i = keys.length - 1; i >= 0; i--) {
    const node = chain[i] as Record<string, unknown>;
    delete node[keys[i] as string];
    if (i > 0 && Object.keys(node).length > 0) return;
  }
}

/** `{ price: { amount: 1 } }` -> `{ 'price.amount': 1 }`; arrays and null are leaves. */
export function flattenRow(
  row: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) flattenRow(value, path, out);
    else out[path] = value;
  }
  return out;
}

export function unflattenRow(cells: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(cells)) if (value !== undefined) setPathIn(row, path, value);
  return row;
}
