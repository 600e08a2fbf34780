import type { CellEdit, StoredRow } from '../../../catalog/stored';

/** Reads a dotted path (`priceNew.amount`) from a row. */
export function getPath(row: object, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], row);
}

/**
 * Returns a copy of `row` with `path` set to `value`, remembering the first shipped value so a
 * catalog update keeps the user's cell and the user can revert it.
 */
export function withEditedCell<T extends { id: string }>(
  row: StoredRow<T>,
  path: string,
  value: unknown,
  at: string,
  by = 'user',
): StoredRow<T> {
  const next = structuredClone(row) as StoredRow<T>;
  const keys = path.split('.');
  let target = next as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys[keys.length - 1] as string] = value;
  if (row.origin === 'shipped' && !(path in row.edits)) {
    const edit: CellEdit = { shipped: getPath(row, path), at, by };
    next.edits = { ...row.edits, [path]: edit };
  } else if (path in row.edits) {
    next.edits = { ...row.edits, [path]: { ...(row.edits[path] as CellEdit), at, by } };
  }
  return next;
}
