import { deepClone, deepEqual } from './values';
import { friendlyIssues } from './issues';
import { getPath, setPathIn, splitPath } from './paths';
import { plainRow, type CellEdit, type StoredRow } from './stored';
import { TABLE_KINDS, TABLES, type CatalogTables, type RowOf, type TableKind } from './tables';

type Row = { id: string };

/** A cell the user changed whose shipped value changed too: the user decides which to keep. */
export interface Conflict {
  table: TableKind;
  id: string;
  /** Dotted field path, as in `edits`. */
  field: string;
  userValue: unknown;
  /** What the catalog said when the user edited the cell. */
  oldShipped: unknown;
  /** What the newer catalog says. */
  newShipped: unknown;
}

export interface TableMergeSummary {
  /** Shipped rows new in this catalog. */
  added: number;
  /** Shipped rows whose shipped values changed (user cells kept). */
  updated: number;
  unchanged: number;
  /** Shipped rows gone upstream that the user never edited: dropped. */
  removed: number;
  /** Shipped rows gone upstream that the user edited: kept, now the user's (origin 'user'). */
  keptRemovedUpstream: string[];
  /** Rows the user made, untouched. */
  userRows: number;
  /** New shipped ids a user row already uses: the user's row wins, the shipped row is not added. */
  shadowedByUser: string[];
  /** Edited cells that now equal the new shipped value: the edit is dropped, nothing to decide. */
  editsMatchingUpstream: number;
  /** Merged rows that no longer pass the table's checks (named as in an import error). */
  invalid: string[];
}

export interface TableMerge<T extends Row> {
  rows: StoredRow<T>[];
  conflicts: Conflict[];
  summary: TableMergeSummary;
}

export interface MergeOptions {
  /** Shipped rows the user deleted: not brought back by an update. */
  deletedShippedIds?: ReadonlySet<string>;
}

function clone<T>(value: T): T {
  return deepClone(value);
}

/**
 * Merges a newer shipped table into the rows the app stores. Shipped rows take the new values;
 * cells the user edited keep the user's value, and where the shipped value under such a cell
 * changed upstream a Conflict is reported (the user's value stays until `resolveConflict`).
 * User rows are untouched. Shipped rows removed upstream go away unless the user edited them.
 */
export function mergeShippedTable<T extends Row>(
  table: TableKind,
  stored: readonly StoredRow<T>[],
  shipped: readonly T[],
  options: MergeOptions = {},
): TableMerge<T> {
  const summary: TableMergeSummary = {
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    keptRemovedUpstream: [],
    userRows: 0,
    shadowedByUser: [],
    editsMatchingUpstream: 0,
    invalid: [],
  };
  const conflicts: Conflict[] = [];
  const byId = new Map(stored.map((r) => [r.id, r]));
  const shippedIds = new Set(shipped.map((r) => r.id));
  const rows: StoredRow<T>[] = [];

  for (const next of shipped) {
    const current = byId.get(next.id);
    if (!current) {
      if (options.deletedShippedIds?.has(next.id)) continue;
      rows.push({ ...clone(next), origin: 'shipped', edits: {} } as StoredRow<T>);
      summary.added++;
      continue;
    }
    if (current.origin === 'user') {
      summary.shadowedByUser.push(next.id);
      continue;
    }
    const merged = clone(next) as unknown as Record<string, unknown>;
    const edits: Record<string, CellEdit> = {};
    for (const [field, edit] of Object.entries(current.edits)) {
      if (!splitPath(field)) continue;
      const userValue = getPath(current, field);
      const newShipped = getPath(next, field);
      if (deepEqual(userValue, newShipped)) {
        summary.editsMatchingUpstream++;
        continue;
      }
      keepUserCell(merged, current as unknown as Record<string, unknown>, field, userValue);
      edits[field] = { ...edit };
      if (!deepEqual(edit.shipped, newShipped))
        conflicts.push({ table, id: next.id, field, userValue, oldShipped: edit.shipped, newShipped });
    }
    const row = { ...merged, origin: 'shipped', edits } as unknown as StoredRow<T>;
    rows.push(row);
    if (deepEqual(plainRow(row), plainRow(current))) summary.unchanged++;
    else summary.updated++;
  }

  for (const current of stored) {
    if (current.origin === 'user') {
      rows.push(current);
      summary.userRows++;
    } else if (!shippedIds.has(current.id)) {
      if (Object.keys(current.edits).length === 0) summary.removed++;
      else {
        rows.push({ ...clone(current), origin: 'user' });
        summary.keptRemovedUpstream.push(current.id);
      }
    }
  }

  const schema = TABLES[table].schema;
  rows.forEach((row, i) => {
    const parsed = schema.safeParse(plainRow(row));
    if (!parsed.success)
      for (const issue of friendlyIssues(parsed.error.issues))
        summary.invalid.push(
          `row ${i + 1} (${row.id}), field ${issue.path.map(String).join('.') || '(row)'}: ${issue.message}`,
        );
  });
  return { rows, conflicts, summary };
}

/**
 * Puts the user's cell into the merged row. When the new shipped row lacks the cell's parent
 * (an optional price the catalog dropped), the parent comes along from the stored row so the
 * cell is not left standing alone in a half-filled object.
 */
function keepUserCell(
  merged: Record<string, unknown>,
  stored: Record<string, unknown>,
  field: string,
  userValue: unknown,
) {
  const keys = splitPath(field) as string[];
  for (let depth = 1; depth < keys.length; depth++) {
    const parent = keys.slice(0, depth).join('.');
    if (getPath(merged, parent) === undefined) {
      setPathIn(merged, parent, clone(getPath(stored, parent)));
      return;
    }
  }
  setPathIn(merged, field, clone(userValue));
}

export type StoredTables = { [K in TableKind]?: StoredRow<RowOf<K>>[] };

export interface CatalogMerge {
  tables: { [K in TableKind]: StoredRow<RowOf<K>>[] };
  conflicts: Conflict[];
  summary: Record<TableKind, TableMergeSummary>;
}

/** `mergeShippedTable` for every table; a table the app has not stored yet is seeded from the catalog. */
export function mergeShippedCatalog(
  stored: StoredTables,
  shipped: CatalogTables,
  options: { [K in TableKind]?: MergeOptions } = {},
): CatalogMerge {
  const tables = {} as Record<TableKind, StoredRow<Row>[]>;
  const summary = {} as Record<TableKind, TableMergeSummary>;
  const conflicts: Conflict[] = [];
  for (const kind of TABLE_KINDS) {
    const result = mergeShippedTable<Row>(
      kind,
      (stored[kind] ?? []) as StoredRow<Row>[],
      shipped[kind] as Row[],
      options[kind],
    );
    tables[kind] = result.rows;
    summary[kind] = result.summary;
    conflicts.push(...result.conflicts);
  }
  return { tables: tables as CatalogMerge['tables'], conflicts, summary };
}

export type ConflictDecision = 'accept-shipped' | 'keep-mine';

/**
 * Settles one conflict on its row. Accepting takes the new shipped value and the cell stops being
 * the user's; keeping leaves the user's value and records the new shipped value under it, so the
 * next update only asks again if upstream changes it once more.
 */
export function resolveConflict<T extends Row>(
  row: StoredRow<T>,
  conflict: Conflict,
  decision: ConflictDecision,
): StoredRow<T> {
  const edit = row.edits[conflict.field];
  if (row.id !== conflict.id || !edit) return row;
  const next = clone(row);
  if (decision === 'accept-shipped') {
    setPathIn(next as unknown as Record<string, unknown>, conflict.field, clone(conflict.newShipped));
    delete next.edits[conflict.field];
  } else {
    next.edits[conflict.field] = { ...edit, shipped: clone(conflict.newShipped) };
  }
  return next;
}

/**
 * The user changes one cell. On a shipped row the first edit remembers the shipped value, so an
 * update keeps the cell and "revert" can restore it; typing the shipped value back ends the edit.
 */
export function editCell<T extends Row>(
  row: StoredRow<T>,
  field: string,
  value: unknown,
  at: string,
  by = 'user',
): StoredRow<T> {
  if (!splitPath(field) || field === 'id') throw new Error(`cannot edit field ${JSON.stringify(field)}`);
  const next = clone(row);
  setPathIn(next as unknown as Record<string, unknown>, field, clone(value));
  if (row.origin !== 'shipped') return next;
  const previous = row.edits[field];
  const shipped = previous ? previous.shipped : getPath(row, field);
  if (deepEqual(shipped, value)) delete next.edits[field];
  else next.edits[field] = { shipped: clone(shipped), at, by };
  return next;
}

/** Puts the shipped value back into one edited cell. */
export function revertCell<T extends Row>(row: StoredRow<T>, field: string): StoredRow<T> {
  const edit = row.edits[field];
  if (!edit) return row;
  const next = clone(row);
  setPathIn(next as unknown as Record<string, unknown>, field, clone(edit.shipped));
  delete next.edits[field];
  return next;
}

/** Puts the shipped value back into every edited cell of a row. */
export function revertRow<T extends Row>(row: StoredRow<T>): StoredRow<T> {
  return Object.keys(row.edits).reduce((r, field) => revertCell(r, field), row);
}
