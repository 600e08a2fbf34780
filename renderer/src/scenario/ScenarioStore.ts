import { compareShallow, makeAutoObservable, observableRef, reaction, runInAction, type IReactionDisposer } from 'mobx';
import type { ModelPreset } from '../../../catalog/models';
import { uniqueId, type Comparison, type Suggestion } from '../../../estimator/compare';
import { serializeScenario, type ScenarioOption } from '../../../estimator/scenario';
import type { CatalogStore } from '../catalog/CatalogStore';
import type { PlannerDatabase } from '../db/database';
import type { CompareSnapshot, SensitivityResult } from '../worker/api';
import type { Job, PlannerClient } from '../worker/client';
import { JobCancelled } from '../worker/jobs';
import type { CalibrationSource } from '../calibration/CalibrationStore';
import { compareSnapshot } from './catalog';
import { History } from './history';
import { fieldKey, getIn, setIn, type Path, type RawScenario } from './raw';
import {
  copyName,
  exampleRecord,
  makeRecord,
  scenarioName,
  starterScenario,
  uniqueName,
  type FileLink,
  type StoredScenario,
} from './records';
import { checkScenario, errorsOf, type FieldErrors, type ScenarioCheck } from './validation';

/** `meta` entries: the scenario open last, and the comparison grid's hidden columns. */
export const OPEN_SCENARIO_KEY = 'scenario.open';
export const HIDDEN_COLUMNS_KEY = 'scenario.hiddenColumns';

export interface ScenarioStoreOptions {
  /** Quiet time after an edit before the comparison is recomputed (ms). */
  compareDelayMs?: number;
  /** Quiet time after an edit before it is written to IndexedDB (ms): what a crash can lose at most. */
  saveDelayMs?: number;
  /** The calibrations switched on (renderer/src/calibration): the comparison recomputes when one is toggled. */
  calibrations?: CalibrationSource;
}

export type SuggestState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; suggestions: readonly Suggestion[] }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

const byName = (a: StoredScenario, b: StoredScenario) =>
  scenarioName(a.raw).localeCompare(scenarioName(b.raw)) || a.createdAt.localeCompare(b.createdAt);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The scenario screens' state: the user's scenarios (IndexedDB, written a moment after every edit),
 * the one open, undo and redo for its edits, and its comparison, sensitivity and suggestions, computed
 * in the worker with the same domain code as `npm run -s compare` against the user's catalog rows.
 */
export class ScenarioStore {
  records: StoredScenario[] = [];
  openId: string | null = null;
  /** The comparison of `comparedRaw` (kept on screen, marked out of date, while the form is being fixed). */
  comparison: Comparison | null = null;
  comparedRaw: RawScenario | null = null;
  /** What compare refused in `comparedRaw` (a system not in the catalog, a missing fx rate), by field. */
  compareErrors: FieldErrors = {};
  computing = false;
  /** Something went wrong that is not the scenario's fault: IndexedDB refused a write, the worker failed. */
  failure: { kind: 'save' | 'compute'; message: string } | null = null;
  sensitivity: SensitivityResult | null = null;
  sensitivityRaw: RawScenario | null = null;
  selectedOptionId: string | null = null;
  /** The scenario deleted last, until it is restored or another is deleted. */
  deleted: StoredScenario | null = null;
  suggestState: SuggestState = { status: 'idle' };
  hiddenColumns: readonly string[] = [];
  /** What opening a file said (an older version migrated), by scenario id, while the app runs. */
  fileNotes: Readonly<Record<string, readonly string[]>> = {};
  /** Bumped when an undo stack changes, so `canUndo` and `canRedo` are observed. */
  private historyVersion = 0;

  /** Called after an edit of a scenario linked to a file (the File menu marks it unsaved). */
  onLinkedEdit: (() => void) | null = null;

  private readonly histories = new Map<string, History<RawScenario>>();
  private readonly disposers: IReactionDisposer[] = [];
  private compareTimer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsaved = new Set<string>();
  private ticket = 0;
  private running: Promise<void> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();
  private suggestJob: Job<unknown> | null = null;
  private suggestRun = 0;
  private readonly compareDelayMs: number;
  private readonly saveDelayMs: number;
  private readonly calibrations: CalibrationSource | undefined;

  constructor(
    private readonly db: PlannerDatabase,
    private readonly catalog: CatalogStore,
    readonly models: readonly ModelPreset[],
    private readonly client: PlannerClient,
    options: ScenarioStoreOptions = {},
  ) {
    this.compareDelayMs = options.compareDelayMs ?? 150;
    this.saveDelayMs = options.saveDelayMs ?? 300;
    this.calibrations = options.calibrations;
    // Scenarios, comparisons and suggestions stay plain data (IndexedDB, postMessage): replaced, never mutated.
    makeAutoObservable<
      ScenarioStore,
      | 'db'
      | 'catalog'
      | 'client'
      | 'histories'
      | 'disposers'
      | 'compareTimer'
      | 'saveTimer'
      | 'unsaved'
      | 'ticket'
      | 'running'
      | 'writing'
      | 'suggestJob'
      | 'suggestRun'
      | 'calibrations'
    >(
      this,
      {
        db: false,
        calibrations: false,
        catalog: false,
        client: false,
        models: false,
        histories: false,
        disposers: false,
        compareTimer: false,
        saveTimer: false,
        unsaved: false,
        ticket: false,
        running: false,
        writing: false,
        suggestJob: false,
        suggestRun: false,
        onLinkedEdit: false,
        records: observableRef,
        comparison: observableRef,
        comparedRaw: observableRef,
        compareErrors: observableRef,
        sensitivity: observableRef,
        sensitivityRaw: observableRef,
        deleted: observableRef,
        suggestState: observableRef,
        hiddenColumns: observableRef,
        fileNotes: observableRef,
        failure: observableRef,
      },
      { autoBind: true },
    );
  }

  // ---- reading -----------------------------------------------------------------------------------

  async load(): Promise<void> {
    const [records, open, hidden] = await Promise.all([
      this.db.scenarios.toArray(),
      this.db.meta.get(OPEN_SCENARIO_KEY),
      this.db.meta.get(HIDDEN_COLUMNS_KEY),
    ]);
    runInAction(() => {
      this.records = records.sort(byName);
      const openId = open?.value;
      this.openId = records.some((r) => r.id === openId) ? (openId as string) : (this.records[0]?.id ?? null);
      if (Array.isArray(hidden?.value)) this.hiddenColumns = hidden.value.filter((c) => typeof c === 'string');
    });
    this.disposers.push(
      reaction(
        () => [this.raw, this.catalogSnapshot] as const,
        () => this.scheduleCompare(),
        { equals: compareShallow },
      ),
    );
    this.scheduleCompare(0);
  }

  get open(): StoredScenario | null {
    return this.records.find((r) => r.id === this.openId) ?? null;
  }

  get raw(): RawScenario | null {
    return this.open?.raw ?? null;
  }

  get check(): ScenarioCheck | null {
    return this.raw ? checkScenario(this.raw) : null;
  }

  /** Every message by field: the schema's, then compare's for what it read. */
  get errors(): FieldErrors {
    const own = this.check?.errors ?? {};
    return this.comparedRaw === this.raw ? { ...this.compareErrors, ...own } : own;
  }

  /** True while what is on screen is not the comparison of what is in the form. */
  get outOfDate(): boolean {
    return (
      this.computing || !this.check?.scenario || this.comparedRaw !== this.raw || Object.keys(this.errors).length > 0
    );
  }

  /** The catalog rows and the calibrations switched on, as plain data for the worker. */
  get catalogSnapshot(): CompareSnapshot {
    return { ...compareSnapshot(this.catalog, this.models), calibrations: this.calibrations?.enabled ?? [] };
  }

  get canUndo(): boolean {
    void this.historyVersion;
    return !!this.openId && !!this.histories.get(this.openId)?.canUndo;
  }

  get canRedo(): boolean {
    void this.historyVersion;
    return !!this.openId && !!this.histories.get(this.openId)?.canRedo;
  }

  /** The open scenario as it is written to a file: the current version with every default written out. */
  serialize(record: StoredScenario | null = this.open): string {
    if (!record) return '';
    const scenario = record === this.open ? this.check?.scenario : checkScenario(record.raw).scenario;
    // Work that is not valid yet is kept as typed (crash recovery takes it back exactly).
    return scenario ? serializeScenario(scenario) : `${JSON.stringify(record.raw, null, 2)}\n`;
  }

  // ---- the list ------------------------------------------------------------------------------------

  openScenario(id: string): void {
    if (!this.records.some((r) => r.id === id) || id === this.openId) return;
    this.flush();
    this.openId = id;
    this.selectedOptionId = null;
    this.comparison = null;
    this.sensitivity = null;
    // A sweep for the scenario left is stopped, and whatever it answers is dropped.
    this.cancelSuggest();
    this.suggestRun++;
    this.suggestJob = null;
    this.suggestState = { status: 'idle' };
    void this.db.meta.put({ key: OPEN_SCENARIO_KEY, value: id });
  }

  get names(): string[] {
    return this.records.map((r) => scenarioName(r.raw));
  }

  /** A new scenario from the starter (see records.ts), opened; `name` gets a number when it is taken. */
  create(name: string): StoredScenario {
    return this.add(makeRecord(starterScenario(uniqueName(name, this.names, (n) => `${name} ${n}`))));
  }

  /** A copy of a shipped example that the user owns, opened. */
  openExample(file: string): StoredScenario | null {
    const record = exampleRecord(file);
    return record ? this.add(record) : null;
  }

  /** A copy, named "<name> (<copyWord>)", opened. */
  duplicate(id: string, copyWord: string): StoredScenario | null {
    const source = this.records.find((r) => r.id === id);
    if (!source) return null;
    const name = copyName(scenarioName(source.raw), this.names, copyWord);
    return this.add(makeRecord({ ...source.raw, name }, { example: source.example }));
  }

  /** A scenario read from a file (already checked), linked to it, opened. */
  addFromFile(raw: RawScenario, link: FileLink | null, notes: readonly string[] = []): StoredScenario {
    const record = this.add(makeRecord(raw, { file: link }));
    if (notes.length) this.fileNotes = { ...this.fileNotes, [record.id]: notes };
    return record;
  }

  rename(id: string, name: string): void {
    if (id === this.openId) return this.edit(['name'], name);
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    this.replaceRecord({ ...record, raw: { ...record.raw, name }, updatedAt: new Date().toISOString() });
    this.queueSave(id);
  }

  /** Deletes a scenario; `restoreDeleted` brings it back (until the next delete). */
  remove(id: string): void {
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    this.unsaved.delete(id);
    this.records = this.records.filter((r) => r.id !== id);
    this.deleted = record;
    if (this.openId === id) {
      this.openId = null;
      const next = this.records[0];
      if (next) this.openScenario(next.id);
    }
    this.write(() => this.db.scenarios.delete(id));
  }

  restoreDeleted(): void {
    const record = this.deleted;
    if (!record) return;
    this.deleted = null;
    this.add(record);
  }

  dismissDeleted(): void {
    this.deleted = null;
  }

  // ---- editing the open scenario ---------------------------------------------------------------------

  /** One field changed: `edit(['assumptions', 'pue'], 1.3)`; `undefined` removes it (the default applies). */
  edit(path: Path, value: unknown): void {
    const raw = this.raw;
    if (!raw || Object.is(getIn(raw, path), value)) return;
    this.commit(setIn(raw, path, value), fieldKey(path));
  }

  /**
   * A change of several fields at once (an option added, the site switched on): one undo step, joined
   * to the previous one when both carry the same `key` (typing a price that stamps its date and source).
   */
  change(update: (raw: RawScenario) => RawScenario, key: string | null = null): void {
    if (this.raw) this.commit(update(this.raw), key);
  }

  addOption(option: ScenarioOption | Record<string, unknown>): string {
    const taken = new Set(this.optionIds);
    const id = uniqueId(String(option.id ?? 'option'), taken);
    this.change((raw) => ({ ...raw, options: [...this.optionsOf(raw), { ...option, id }] }));
    return id;
  }

  removeOption(index: number): void {
    this.change((raw) => ({ ...raw, options: this.optionsOf(raw).filter((_, i) => i !== index) }));
  }

  undo(): void {
    this.travel('undo');
  }

  redo(): void {
    this.travel('redo');
  }

  selectOption(id: string | null): void {
    this.selectedOptionId = id;
  }

  setColumnHidden(colId: string, hidden: boolean): void {
    const rest = this.hiddenColumns.filter((c) => c !== colId);
    this.hiddenColumns = hidden ? [...rest, colId] : rest;
    void this.db.meta.put({ key: HIDDEN_COLUMNS_KEY, value: [...this.hiddenColumns] });
  }

  /** Keeps the link to the open scenario's file (set by the File menu: saved, opened, recovered). */
  setFileLink(link: FileLink | null, dirty: boolean): void {
    const record = this.open;
    if (!record) return;
    const same = record.fileDirty === dirty && record.file?.name === link?.name && record.file?.token === link?.token;
    if (same) return;
    this.replaceRecord({ ...record, file: link, fileDirty: dirty });
    this.queueSave(record.id);
  }

  // ---- suggest ---------------------------------------------------------------------------------------

  get optionIds(): string[] {
    return this.optionsOf(this.raw).map((o) => String((o as { id?: unknown }).id ?? ''));
  }

  /** Sweeps the catalog in the worker for the options that answer the workload best. */
  async suggest(limit = 5): Promise<void> {
    const raw = this.raw;
    if (!raw || !this.check?.scenario || this.suggestState.status === 'running') return;
    this.suggestState = { status: 'running', done: 0, total: 0 };
    // Progress may be reported before client.suggest returns (in-thread): the run number tells whose it is.
    const run = ++this.suggestRun;
    const current = () => run === this.suggestRun;
    const job = this.client.suggest(
      raw,
      this.catalogSnapshot,
      (done, total) =>
        runInAction(() => {
          if (current()) this.suggestState = { status: 'running', done, total };
        }),
      limit,
    );
    this.suggestJob = job;
    try {
      const outcome = await job.result;
      runInAction(() => {
        if (!current()) return;
        this.suggestState = outcome.ok
          ? { status: 'done', suggestions: outcome.value }
          : { status: 'failed', message: Object.values(errorsOf(outcome.issues)).join('; ') };
      });
    } catch (error) {
      runInAction(() => {
        if (!current()) return;
        // Over comlink a cancellation arrives as a plain Error named JobCancelled.
        const cancelled = error instanceof JobCancelled || (error as Error | null)?.name === 'JobCancelled';
        this.suggestState = cancelled ? { status: 'cancelled' } : { status: 'failed', message: errorText(error) };
      });
    } finally {
      if (current()) this.suggestJob = null;
    }
  }

  /** Stops the sweep at its next candidate. */
  cancelSuggest(): void {
    this.suggestJob?.cancel();
  }

  /** Adds the chosen suggestions to the scenario (one undo step) and closes the list. */
  addSuggestions(optionIds: readonly string[]): void {
    const state = this.suggestState;
    if (state.status !== 'done') return;
    const chosen = state.suggestions.filter((s) => optionIds.includes(s.option.id)).map((s) => s.option);
    if (chosen.length) {
      const taken = new Set(this.optionIds);
      this.change((raw) => ({
        ...raw,
        options: [...this.optionsOf(raw), ...chosen.map((o) => ({ ...o, id: uniqueId(o.id, taken) }))],
      }));
    }
    this.suggestState = { status: 'idle' };
  }

  dismissSuggestions(): void {
    this.suggestState = { status: 'idle' };
  }

  // ---- for tests and the screenshot ------------------------------------------------------------------

  /** Resolves once the comparison of the open scenario (and every write) is done. */
  async settled(): Promise<void> {
    for (;;) {
      const running = this.running;
      this.flush();
      await Promise.all([running, this.writing]);
      if (running === this.running && this.compareTimer === null && this.unsaved.size === 0) return;
      if (this.compareTimer !== null) await new Promise((r) => setTimeout(r, this.compareDelayMs + 1));
    }
  }

  /** Writes every pending edit now (the page is being hidden or closed). */
  flush(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const ids = [...this.unsaved];
    this.unsaved.clear();
    const records = ids.map((id) => this.records.find((r) => r.id === id)).filter((r) => r !== undefined);
    if (records.length) this.write(() => this.db.scenarios.bulkPut(records));
  }

  dispose(): void {
    this.flush();
    this.disposers.splice(0).forEach((d) => d());
    if (this.compareTimer !== null) clearTimeout(this.compareTimer);
    this.compareTimer = null;
    this.suggestJob?.cancel();
  }

  // ---- inside --------------------------------------------------------------------------------------

  private optionsOf(raw: RawScenario | null): Record<string, unknown>[] {
    const options = raw?.options;
    return Array.isArray(options) ? (options as Record<string, unknown>[]) : [];
  }

  private historyOf(id: string): History<RawScenario> {
    let history = this.histories.get(id);
    if (!history) this.histories.set(id, (history = new History<RawScenario>()));
    return history;
  }

  private commit(next: RawScenario, key: string | null): void {
    const record = this.open;
    if (!record) return;
    this.historyOf(record.id).record(record.raw, key);
    this.historyVersion++;
    this.apply(record, next);
  }

  private travel(direction: 'undo' | 'redo'): void {
    const record = this.open;
    if (!record) return;
    const history = this.historyOf(record.id);
    const next = direction === 'undo' ? history.undo(record.raw) : history.redo(record.raw);
    this.historyVersion++;
    if (next) this.apply(record, next);
  }

  private apply(record: StoredScenario, raw: RawScenario): void {
    const linked = record.file !== null;
    this.replaceRecord({ ...record, raw, updatedAt: new Date().toISOString(), fileDirty: record.fileDirty || linked });
    this.queueSave(record.id);
    if (linked) this.onLinkedEdit?.();
  }

  private add(record: StoredScenario): StoredScenario {
    this.records = [...this.records, record].sort(byName);
    this.queueSave(record.id);
    this.flush();
    this.openScenario(record.id);
    return record;
  }

  private replaceRecord(record: StoredScenario): void {
    this.records = this.records.map((r) => (r.id === record.id ? record : r));
  }

  private queueSave(id: string): void {
    this.unsaved.add(id);
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), this.saveDelayMs);
  }

  /** Writes go in order, so the last one written is the last edit made. */
  private write(work: () => Promise<unknown>): void {
    this.writing = this.writing.then(work).then(
      () => undefined,
      (error: unknown) =>
        runInAction(() => {
          this.failure = { kind: 'save', message: errorText(error) };
        }),
    );
  }

  private scheduleCompare(delay = this.compareDelayMs): void {
    if (this.compareTimer !== null) clearTimeout(this.compareTimer);
    const raw = this.raw;
    if (!raw || !this.check?.scenario) {
      // Nothing to compute; whatever is running is already stale.
      this.compareTimer = null;
      this.ticket++;
      this.computing = false;
      return;
    }
    this.computing = true;
    this.compareTimer = setTimeout(() => {
      this.compareTimer = null;
      this.running = this.runCompare(raw, this.catalogSnapshot);
    }, delay);
  }

  private async runCompare(raw: RawScenario, catalog: CompareSnapshot): Promise<void> {
    const ticket = ++this.ticket;
    try {
      const outcome = await this.client.compare(raw, catalog);
      if (outcome.status === 'superseded' || ticket !== this.ticket) return;
      const result = outcome.value;
      runInAction(() => {
        this.comparedRaw = raw;
        if (this.failure?.kind === 'compute') this.failure = null;
        this.computing = false;
        if (!result.ok) {
          this.compareErrors = errorsOf(result.issues);
          return;
        }
        this.compareErrors = {};
        this.comparison = result.value;
        const ids = result.value.rows.map((r) => r.optionId);
        if (!this.selectedOptionId || !ids.includes(this.selectedOptionId))
          this.selectedOptionId = result.value.cheapestOptionId ?? ids[0] ?? null;
      });
      if (result.ok) await this.runSensitivity(raw, catalog, ticket);
    } catch (error) {
      if (ticket !== this.ticket) return;
      runInAction(() => {
        this.failure = { kind: 'compute', message: errorText(error) };
        this.computing = false;
      });
    }
  }

  private async runSensitivity(raw: RawScenario, catalog: CompareSnapshot, ticket: number): Promise<void> {
    const outcome = await this.client.sensitivity(raw, catalog);
    if (outcome.status === 'superseded' || ticket !== this.ticket || !outcome.value.ok) return;
    const value = outcome.value.value;
    runInAction(() => {
      this.sensitivity = value;
      this.sensitivityRaw = raw;
    });
  }
}
