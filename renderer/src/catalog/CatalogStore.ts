import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import { loadShippedCatalog, type ShippedCatalog } from '../../../catalog';
import { friendlyIssues } from '../../../catalog/issues';
import {
  exportCatalogJson,
  exportTableCsv,
  exportTableJson,
  importCatalogJson,
  importPastedRows,
  importTable,
  type ImportFormat,
} from '../../../catalog/io';
import { getPath, isPlainObject } from '../../../catalog/paths';
import { DEFAULT_STALE_MONTHS } from '../../../catalog/staleness';
import { plainRow, type StoredRow } from '../../../catalog/stored';
import { TABLE_KINDS, TABLES, type CatalogTables, type RowOf, type TableKind } from '../../../catalog/tables';
import {
  editCell,
  resolveConflict,
  revertCell,
  revertRow,
  type Conflict,
  type ConflictDecision,
} from '../../../catalog/update';
import { deepEqual } from '../../../catalog/values';
import type { PlannerDatabase, StoredGpu, Tombstone } from '../db/database';
import { BY_USER, byImport, BY_PASTE, userPrice, withRowValues } from './cells';
import { fieldOf } from './fields';
import { LAST_UPDATE_KEY, SHIPPED_VERSION_KEY, storedVersion, type CatalogUpdate } from './sync';
import { catalogTable, catalogTables, type AnyRow, type AnyStoredRow } from './tables';

/** The age in months past which a price is flagged stale (`meta`). */
export const STALE_MONTHS_KEY = 'catalog.staleMonths';
export const MAX_STALE_MONTHS = 600;
/** The grid's remembered choices per tab: hidden columns and the column rows are grouped by (`meta`). */
export const VIEW_KEY = 'catalog.view';

export interface CatalogView {
  hiddenColumns: Partial<Record<TableKind, string[]>>;
  groupBy: Partial<Record<TableKind, string>>;
}

/** Problems that kept a change from being saved, each naming its field; empty when it was saved. */
export type Problems = string[];

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}
export type ImportOutcome = { ok: true; counts: ImportCounts } | { ok: false; errors: string[] };

/** Where imported text came from: a file (its name; CSV or JSON by extension) or the paste box. */
export type ImportSource = { file: string } | { pasted: true };

type Tables = Record<TableKind, AnyStoredRow[]>;

const emptyTables = (): Tables => Object.fromEntries(TABLE_KINDS.map((kind) => [kind, []])) as unknown as Tables;

const byName = (a: AnyStoredRow, b: AnyStoredRow) =>
  String(a.name ?? a.id).localeCompare(String(b.name ?? b.id)) || a.id.localeCompare(b.id);

const nowIso = () => new Date().toISOString();

function readView(value: unknown): CatalogView {
  const view: CatalogView = { hiddenColumns: {}, groupBy: {} };
  if (!isPlainObject(value)) return view;
  const hidden = isPlainObject(value.hiddenColumns) ? value.hiddenColumns : {};
  const groupBy = isPlainObject(value.groupBy) ? value.groupBy : {};
  for (const kind of TABLE_KINDS) {
    const columns = hidden[kind];
    if (Array.isArray(columns)) view.hiddenColumns[kind] = columns.filter((c): c is string => typeof c === 'string');
    const group = groupBy[kind];
    if (typeof group === 'string') view.groupBy[kind] = group;
  }
  return view;
}

function importFormat(fileName: string): ImportFormat | null {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return null;
}

/**
 * The catalog as the user sees it: the shipped rows and the user's own rows and edits, from
 * IndexedDB. Every change is validated with the kind's schema first and written in one Dexie
 * transaction; the in-memory rows are then read back, so the screen shows what is stored.
 */
export class CatalogStore {
  tables: Tables = emptyTables();
  conflicts: Conflict[] = [];
  tombstones: Tombstone[] = [];
  staleMonths = DEFAULT_STALE_MONTHS;
  view: CatalogView = { hiddenColumns: {}, groupBy: {} };
  lastUpdate: CatalogUpdate | null = null;
  /** The shipped catalog version the stored tables were last merged with. */
  version: { version: string; asOf: string } | null = null;

  constructor(
    private readonly db: PlannerDatabase,
    readonly shipped: ShippedCatalog = loadShippedCatalog(),
  ) {
    // Rows stay plain objects (they go to IndexedDB and structuredClone); only the references are observed.
    makeAutoObservable<CatalogStore, 'db'>(this, {
      db: false,
      shipped: false,
      tables: observableRef,
      conflicts: observableRef,
      tombstones: observableRef,
      view: observableRef,
      lastUpdate: observableRef,
      version: observableRef,
    });
  }

  /** The GPUs (the estimator picks from them). */
  get gpus(): StoredGpu[] {
    return this.tables.gpus as unknown as StoredGpu[];
  }

  /** A tab's rows as stored: the catalog's fields, `origin` and the user's `edits`. */
  rows<K extends TableKind>(kind: K): (StoredRow<RowOf<K>> & AnyStoredRow)[] {
    return this.tables[kind] as (StoredRow<RowOf<K>> & AnyStoredRow)[];
  }

  row<K extends TableKind>(kind: K, id: string): (StoredRow<RowOf<K>> & AnyStoredRow) | undefined {
    return this.rows(kind).find((r) => r.id === id);
  }

  get gpuIds(): Set<string> {
    return new Set(this.tables.gpus.map((g) => g.id));
  }

  conflictsOf(kind: TableKind, id: string): Conflict[] {
    return this.conflicts.filter((c) => c.table === kind && c.id === id);
  }

  deletedShipped(kind: TableKind): Tombstone[] {
    return this.tombstones.filter((t) => t.kind === kind);
  }

  async load(): Promise<void> {
    const [tables, conflicts, tombstones, meta] = await Promise.all([
      Promise.all(TABLE_KINDS.map((kind) => catalogTable(this.db, kind).toArray())),
      this.db.conflicts.toArray(),
      this.db.tombstones.toArray(),
      this.db.meta.bulkGet([STALE_MONTHS_KEY, VIEW_KEY, LAST_UPDATE_KEY, SHIPPED_VERSION_KEY]),
    ]);
    const [stale, view, lastUpdate, version] = meta.map((m) => m?.value);
    runInAction(() => {
      const next = emptyTables();
      TABLE_KINDS.forEach((kind, i) => (next[kind] = (tables[i] ?? []).sort(byName)));
      this.tables = next;
      this.conflicts = conflicts;
      this.tombstones = tombstones;
      if (typeof stale === 'number' && Number.isInteger(stale) && stale >= 1 && stale <= MAX_STALE_MONTHS)
        this.staleMonths = stale;
      this.view = readView(view);
      this.lastUpdate = isPlainObject(lastUpdate) ? (lastUpdate as unknown as CatalogUpdate) : null;
      this.version = storedVersion(version);
    });
  }

  /**
   * Runs `work` in one read-write transaction over the catalog, then shows what is stored: the
   * tabs it changed are read back (the others keep their arrays, so nothing watching them reruns).
   */
  private async write<T>(kinds: readonly TableKind[], work: () => Promise<T>): Promise<T> {
    const result = await this.db.transaction('rw', catalogTables(this.db), work);
    const [tables, conflicts, tombstones] = await Promise.all([
      Promise.all(kinds.map((kind) => catalogTable(this.db, kind).toArray())),
      this.db.conflicts.toArray(),
      this.db.tombstones.toArray(),
    ]);
    runInAction(() => {
      const next = { ...this.tables };
      kinds.forEach((kind, i) => (next[kind] = (tables[i] ?? []).sort(byName)));
      this.tables = next;
      this.conflicts = conflicts;
      this.tombstones = tombstones;
    });
    return result;
  }

  /** `field: what is allowed` for everything wrong with a row, or nothing. */
  validate(kind: TableKind, row: object): Problems {
    const parsed = TABLES[kind].schema.safeParse(plainRow(row as AnyStoredRow));
    const problems = parsed.success
      ? []
      : friendlyIssues(parsed.error.issues).map((i) => `${i.path.map(String).join('.') || '(row)'}: ${i.message}`);
    const gpu = (row as { gpu?: unknown }).gpu;
    if ((kind === 'systems' || kind === 'cloudOffers') && typeof gpu === 'string' && !this.gpuIds.has(gpu))
      problems.push(`gpu: must be the id of a GPU in the catalog; there is no GPU "${gpu}"`);
    return problems;
  }

  /** Conflicts on a row follow its edits: gone when the edit is, showing the user's latest value. */
  private async reconcileConflicts(kind: TableKind, row: AnyStoredRow): Promise<void> {
    for (const conflict of await this.db.conflicts
      .where({ table: kind })
      .filter((c) => c.id === row.id)
      .toArray()) {
      const key: [TableKind, string, string] = [kind, row.id, conflict.field];
      if (!row.edits[conflict.field]) await this.db.conflicts.delete(key);
      else await this.db.conflicts.put({ ...conflict, userValue: getPath(row, conflict.field) });
    }
  }

  /** Validates and stores one changed row (edits on a shipped row are remembered by `editCell`). */
  private async putRow(kind: TableKind, id: string, change: (row: AnyStoredRow) => AnyStoredRow): Promise<Problems> {
    const current = this.row(kind, id);
    if (!current) return [`id: there is no ${TABLES[kind].row} "${id}"`];
    let next: AnyStoredRow;
    try {
      next = change(current);
    } catch (e) {
      return [String(e instanceof Error ? e.message : e)];
    }
    const problems = this.validate(kind, next);
    if (problems.length) return problems;
    await this.write([kind], async () => {
      await catalogTable(this.db, kind).put(next);
      await this.reconcileConflicts(kind, next);
    });
    return [];
  }

  /** The user changes one cell in the grid. `undefined` clears an optional cell. */
  editCell(kind: TableKind, id: string, path: string, value: unknown): Promise<Problems> {
    return this.putRow(kind, id, (row) => editCell(row, path, value, nowIso(), BY_USER));
  }

  /**
   * A price typed in the grid is the user's own quote as of today: the amount, today's date and
   * "entered by the user" as its source, in the currency the cell had. Null removes an optional price.
   */
  editPrice(kind: TableKind, id: string, path: string, amount: number | null): Promise<Problems> {
    const per = fieldOf(kind, path)?.per;
    return this.putRow(kind, id, (row) =>
      editCell(row, path, amount === null ? undefined : userPrice(getPath(row, path), amount, per), nowIso(), BY_USER),
    );
  }

  /** Saves a row from the row form: a new user row (`add`), or new values for an existing one. */
  async saveRow(kind: TableKind, values: AnyRow, mode: 'add' | 'edit'): Promise<Problems> {
    const id = values.id;
    if (mode === 'edit') return this.putRow(kind, id, (row) => withRowValues(row, values, nowIso(), BY_USER));
    if (typeof id === 'string' && this.row(kind, id))
      return [`id: "${id}" is taken by another row; ids must be unique`];
    const row: AnyStoredRow = { ...values, origin: 'user', edits: {} };
    const problems = this.validate(kind, row);
    if (problems.length) return problems;
    await this.write([kind], () => catalogTable(this.db, kind).put(row));
    return [];
  }

  /** An unused id for a copy of `id`: `h100-sxm5-80gb-copy`, then `-copy-2`… */
  copyId(kind: TableKind, id: string): string {
    const base = `${id.slice(0, 70)}-copy`;
    let candidate = base;
    for (let n = 2; this.row(kind, candidate); n++) candidate = `${base}-${n}`;
    return candidate;
  }

  /**
   * Deletes a row. A shipped row is remembered as deleted so the next catalog update does not
   * bring it back; a GPU that systems or cloud offers still name is kept.
   */
  async deleteRow(kind: TableKind, id: string): Promise<Problems> {
    const row = this.row(kind, id);
    if (!row) return [];
    if (kind === 'gpus') {
      const users = [...this.tables.systems, ...this.tables.cloudOffers].filter((r) => r.gpu === id).map((r) => r.id);
      const named = users.slice(0, 5).join(', ') + (users.length > 5 ? ', …' : '');
      if (users.length) return [`id: ${users.length} rows name this GPU (${named})`];
    }
    await this.write([kind], async () => {
      await catalogTable(this.db, kind).delete(id);
      await this.db.conflicts
        .where({ table: kind })
        .filter((c) => c.id === id)
        .delete();
      if (row.origin === 'shipped') await this.db.tombstones.put({ kind, id, deletedAt: nowIso() });
    });
    return [];
  }

  /** Brings back the shipped rows of a tab the user deleted, as the current catalog ships them. */
  async restoreDeleted(kind: TableKind): Promise<number> {
    const shipped = this.shipped.tables[kind] as AnyRow[];
    return this.write([kind], async () => {
      let restored = 0;
      const table = catalogTable(this.db, kind);
      for (const { id } of await this.db.tombstones.where({ kind }).toArray()) {
        const row = shipped.find((r) => r.id === id);
        if (row && !(await table.get(id))) {
          await table.put({ ...structuredClone(row), origin: 'shipped', edits: {} });
          restored++;
        }
        await this.db.tombstones.delete([kind, id]);
      }
      return restored;
    });
  }

  revertCell(kind: TableKind, id: string, path: string): Promise<Problems> {
    return this.putRow(kind, id, (row) => revertCell(row, path));
  }

  revertRow(kind: TableKind, id: string): Promise<Problems> {
    return this.putRow(kind, id, (row) => revertRow(row));
  }

  /** Settles one conflict: take the newer shipped value, or keep the user's. */
  async resolveConflict(conflict: Conflict, decision: ConflictDecision): Promise<Problems> {
    const row = this.row(conflict.table, conflict.id);
    const problems = row ? this.validate(conflict.table, resolveConflict(row, conflict, decision)) : [];
    if (problems.length) return problems;
    await this.write([conflict.table], async () => {
      const table = catalogTable(this.db, conflict.table);
      const stored = await table.get(conflict.id);
      if (stored) await table.put(resolveConflict(stored, conflict, decision));
      await this.db.conflicts.delete([conflict.table, conflict.id, conflict.field]);
    });
    return [];
  }

  /** The same decision for every pending conflict, in one transaction. */
  async resolveAll(decision: ConflictDecision): Promise<Problems> {
    const rows = new Map<string, { kind: TableKind; row: AnyStoredRow }>();
    for (const c of this.conflicts) {
      const key = `${c.table}/${c.id}`;
      const row = rows.get(key)?.row ?? this.row(c.table, c.id);
      if (row) rows.set(key, { kind: c.table, row: resolveConflict(row, c, decision) });
    }
    const problems = [...rows.values()].flatMap(({ kind, row }) => this.validate(kind, row));
    if (problems.length) return problems;
    const kinds = [...new Set([...rows.values()].map((r) => r.kind))];
    await this.write(kinds, async () => {
      for (const { kind, row } of rows.values()) await catalogTable(this.db, kind).put(row);
      await this.db.conflicts.clear();
    });
    return [];
  }

  /** Rows checked whole by catalog/io, written in one transaction: new ids added, known ids updated. */
  private async applyImport(tables: Partial<Record<TableKind, AnyRow[]>>, by: string): Promise<ImportCounts> {
    const at = nowIso();
    const kinds = TABLE_KINDS.filter((kind) => tables[kind]?.length);
    return this.write(kinds, async () => {
      const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
      for (const kind of TABLE_KINDS) {
        const rows = tables[kind];
        if (!rows?.length) continue;
        const table = catalogTable(this.db, kind);
        const current = await table.bulkGet(rows.map((r) => r.id));
        const next = rows.map((row, i) => {
          const stored = current[i];
          if (!stored) {
            counts.added++;
            return { ...row, origin: 'user' as const, edits: {} };
          }
          const merged = withRowValues(stored, row, at, by);
          if (deepEqual(merged, stored)) counts.unchanged++;
          else counts.updated++;
          return merged;
        });
        await table.bulkPut(next);
        for (const row of next) await this.reconcileConflicts(kind, row);
      }
      return counts;
    });
  }

  /**
   * Imports one tab's rows from a file or the paste box. The text is validated whole first
   * (catalog/io: every bad row named, duplicate ids, unknown GPUs); if anything is wrong nothing
   * is written. Never throws.
   */
  async importRows(kind: TableKind, text: unknown, source: ImportSource): Promise<ImportOutcome> {
    try {
      const context = { gpuIds: this.gpuIds };
      let result;
      if ('pasted' in source) result = importPastedRows(kind, text, context);
      else {
        const format = importFormat(source.file);
        result = format ? importTable(kind, text, format, context) : importPastedRows(kind, text, context);
      }
      if (!result.ok) return result;
      const by = 'pasted' in source ? BY_PASTE : byImport(source.file);
      return { ok: true, counts: await this.applyImport({ [kind]: result.rows as AnyRow[] }, by) };
    } catch (e) {
      return { ok: false, errors: [`the rows could not be imported (${e instanceof Error ? e.message : String(e)})`] };
    }
  }

  /** Imports a whole-catalog JSON file (any of its tables), validated whole first. Never throws. */
  async importCatalog(text: unknown, file: string): Promise<ImportOutcome> {
    try {
      const result = importCatalogJson(text, { gpuIds: this.gpuIds });
      if (!result.ok) return result;
      const tables = result.tables as Partial<Record<TableKind, AnyRow[]>>;
      return { ok: true, counts: await this.applyImport(tables, byImport(file)) };
    } catch (e) {
      return {
        ok: false,
        errors: [`the catalog could not be imported (${e instanceof Error ? e.message : String(e)})`],
      };
    }
  }

  /** One tab as CSV or JSON: the catalog's own fields, without the app's bookkeeping. */
  exportTable(kind: TableKind, format: ImportFormat): string {
    const rows = this.tables[kind].map((r) => plainRow(r));
    return format === 'csv' ? exportTableCsv(kind, rows) : exportTableJson(kind, rows);
  }

  /** Every tab as one JSON file, naming the shipped catalog the rows started from. */
  exportCatalog(exportedAt = nowIso()): string {
    const tables = Object.fromEntries(
      TABLE_KINDS.map((kind) => [kind, this.tables[kind].map((r) => plainRow(r))]),
    ) as unknown as CatalogTables;
    const catalog = this.version ?? { version: this.shipped.version, asOf: this.shipped.asOf };
    return exportCatalogJson(tables, { catalog, exportedAt });
  }

  async setStaleMonths(months: number): Promise<Problems> {
    if (!Number.isInteger(months) || months < 1 || months > MAX_STALE_MONTHS)
      return [`staleMonths: must be a whole number of months from 1 to ${MAX_STALE_MONTHS}`];
    await this.db.meta.put({ key: STALE_MONTHS_KEY, value: months });
    runInAction(() => (this.staleMonths = months));
    return [];
  }

  private async saveView(view: CatalogView): Promise<void> {
    runInAction(() => (this.view = view));
    await this.db.meta.put({ key: VIEW_KEY, value: view });
  }

  setHiddenColumns(kind: TableKind, columns: string[]): Promise<void> {
    return this.saveView({ ...this.view, hiddenColumns: { ...this.view.hiddenColumns, [kind]: [...columns] } });
  }

  setGroupBy(kind: TableKind, path: string | null): Promise<void> {
    const groupBy = { ...this.view.groupBy };
    if (path) groupBy[kind] = path;
    else delete groupBy[kind];
    return this.saveView({ ...this.view, groupBy });
  }

  async dismissUpdate(): Promise<void> {
    if (!this.lastUpdate) return;
    const update = { ...this.lastUpdate, dismissed: true };
    runInAction(() => (this.lastUpdate = update));
    await this.db.meta.put({ key: LAST_UPDATE_KEY, value: update });
  }
}
