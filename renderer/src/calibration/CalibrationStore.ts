import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import {
  exportCalibrations,
  fitCalibration,
  importCalibrations,
  type Calibration,
  type Measurement,
} from '../../../estimator/confidence';
import type { EstimateInput, EstimatorCatalog } from '../../../estimator/training';
import type { PlannerDatabase } from '../db/database';
import { fileInput } from './input';

/** What a fit or an import answers: done, or every reason it was refused (each names its field). */
export type CalibrationOutcome<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** What the estimator and scenario stores read: the calibrations switched on (plain objects for the worker). */
export interface CalibrationSource {
  readonly enabled: readonly Calibration[];
}

export interface CalibrationStoreOptions {
  /** The clock calibrations are dated by (tests fix it). */
  now?: () => Date;
}

/** Newest first; on the same day, the id (which carries the time of the fit) decides. */
const newestFirst = (a: Calibration, b: Calibration) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id);

/**
 * The user's calibrations (issue 9): fitted from what they measured on their own hardware, kept in
 * IndexedDB (`calibrations`), switched on and off, exported and imported as JSON. At most one is on
 * per GPU, so which factors an estimate on that GPU uses is never ambiguous.
 */
export class CalibrationStore implements CalibrationSource {
  list: Calibration[] = [];
  /** The calibration fitted last in this session: its before / after error is shown under the form. */
  lastFit: Calibration | null = null;

  private readonly now: () => Date;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: PlannerDatabase,
    options: CalibrationStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    // Rows stay plain objects (IndexedDB, postMessage to the worker): replaced, never mutated.
    makeAutoObservable<CalibrationStore, 'db' | 'now' | 'writing'>(
      this,
      { db: false, now: false, writing: false, list: observableRef, lastFit: observableRef },
      { autoBind: true },
    );
  }

  async load(): Promise<void> {
    const rows = await this.db.calibrations.toArray();
    runInAction(() => {
      this.list = rows.sort(newestFirst);
    });
  }

  get enabled(): Calibration[] {
    return this.list.filter((c) => c.enabled);
  }

  /** The calibration on for this GPU, if any. */
  activeFor(gpu: string): Calibration | undefined {
    return this.list.find((c) => c.enabled && c.gpu === gpu);
  }

  /**
   * Fits factors for the input's GPU from what was measured on it, keeps the calibration switched on
   * (and any other one for that GPU off), and returns it; an absurd measurement is refused with its reasons.
   */
  async fit(
    input: EstimateInput,
    measured: Measurement,
    catalog: EstimatorCatalog,
    label?: string,
  ): Promise<CalibrationOutcome<Calibration>> {
    const now = this.now().toISOString();
    // The domain dates a calibration by day (ISO yyyy-mm-dd); the id keeps the time, to tell fits of one day apart.
    const date = now.slice(0, 10);
    const id = this.freshId(input.gpu, now);
    const fitted = fitCalibration(fileInput(input), measured, catalog, { id, date, label });
    if (!fitted.ok) return { ok: false, errors: fitted.errors };
    const calibration = { ...fitted.calibration, enabled: true };
    const others = this.list.filter((c) => c.gpu === calibration.gpu && c.enabled);
    const switchedOff = others.map((c) => ({ ...c, enabled: false }));
    await this.write(() =>
      this.db.transaction('rw', this.db.calibrations, () =>
        this.db.calibrations.bulkPut([...switchedOff, calibration]),
      ),
    );
    runInAction(() => {
      this.list = this.replaced([...switchedOff, calibration]);
      this.lastFit = calibration;
    });
    return { ok: true, value: calibration };
  }

  /** Switches a calibration on (any other one for its GPU off) or off; estimates and scenarios follow. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const target = this.list.find((c) => c.id === id);
    if (!target || target.enabled === enabled) return;
    const changed = [
      { ...target, enabled },
      ...(enabled ? this.list.filter((c) => c.id !== id && c.gpu === target.gpu && c.enabled) : []).map((c) => ({
        ...c,
        enabled: false,
      })),
    ];
    runInAction(() => {
      this.list = this.replaced(changed);
    });
    await this.write(() => this.db.calibrations.bulkPut(changed));
  }

  async remove(id: string): Promise<void> {
    this.list = this.list.filter((c) => c.id !== id);
    if (this.lastFit?.id === id) this.lastFit = null;
    await this.write(() => this.db.calibrations.delete(id));
  }

  /** Every calibration as the JSON file `importJson` (and `importCalibrations` in the CLI) reads. */
  exportJson(): string {
    return exportCalibrations(this.list);
  }

  /**
   * Adds the calibrations of an exported file (one with the same id is replaced). A file with any bad
   * field changes nothing: the reasons come back, each naming its field.
   */
  async importJson(text: string, catalog: EstimatorCatalog): Promise<CalibrationOutcome<number>> {
    const parsed = importCalibrations(text, catalog);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    // An imported calibration that is on takes its GPU over from the one on here.
    // Stored as a fit stores it, so what was imported exports (and imports) again.
    const incoming = parsed.calibrations.map((c) => ({ ...c, input: fileInput(c.input) }));
    const onGpus = new Set(incoming.filter((c) => c.enabled).map((c) => c.gpu));
    const ids = new Set(incoming.map((c) => c.id));
    const switchedOff = this.list
      .filter((c) => !ids.has(c.id) && c.enabled && onGpus.has(c.gpu))
      .map((c) => ({ ...c, enabled: false }));
    await this.write(() =>
      this.db.transaction('rw', this.db.calibrations, () =>
        this.db.calibrations.bulkPut([...switchedOff, ...incoming]),
      ),
    );
    runInAction(() => {
      this.list = this.replaced([...switchedOff, ...incoming]);
    });
    return { ok: true, value: incoming.length };
  }

  /** Resolves once every write so far is done (tests). */
  async settled(): Promise<void> {
    await this.writing;
  }

  private replaced(rows: readonly Calibration[]): Calibration[] {
    const byId = new Map(this.list.map((c) => [c.id, c]));
    for (const row of rows) byId.set(row.id, row);
    return [...byId.values()].sort(newestFirst);
  }

  private freshId(gpu: string, date: string): string {
    const base = `${gpu}-${date.replace(/[^0-9]/g, '').slice(0, 14)}`;
    const taken = new Set(this.list.map((c) => c.id));
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    return id;
  }

  /** Writes go one after another, so the last one written is the last change made; a failure is thrown to the caller. */
  private write(work: () => Promise<unknown>): Promise<void> {
    const next = this.writing.then(work).then(() => undefined);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
