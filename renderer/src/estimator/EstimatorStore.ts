import {
  compareStructural,
  makeAutoObservable,
  observableRef,
  reaction,
  runInAction,
  type IReactionDisposer,
} from 'mobx';
import type { ModelPreset } from '../../../catalog/models';
import type { Derivation, EstimateWithConfidence } from '../../../estimator/confidence';
import { isEstimateError, type EstimateInput } from '../../../estimator/training';
import type { CalibrationSource } from '../calibration/CalibrationStore';
import type { CatalogStore } from '../catalog/CatalogStore';
import type { PlannerDatabase } from '../db/database';
import type { CatalogSnapshot } from '../worker/api';
import type { PlannerClient } from '../worker/client';
import {
  architectureToForm,
  DEFAULT_FORM,
  errorPath,
  restoreForm,
  validateForm,
  type ArchitectureField,
  type ArchitectureForm,
  type EstimatorForm,
  type FieldErrors,
  type FormField,
  type Validation,
} from './form';
import { QUICK_PRESETS } from './presets';

/** The meta entry the form is kept in (the `meta` table of PlannerDatabase). */
export const ESTIMATOR_FORM_KEY = 'estimator.form';
const STORED_VERSION = 1;

export interface EstimatorStoreOptions {
  /** Quiet time after the last keystroke before the worker is asked (ms). */
  debounceMs?: number;
  /** The calibrations switched on (renderer/src/calibration): the estimate recomputes when one is toggled. */
  calibrations?: CalibrationSource;
}

/**
 * The estimator screen's state: the form as typed, validated on every change with the estimator's own
 * parser, recomputed in the worker (latest request wins), and kept in IndexedDB.
 */
export class EstimatorStore {
  form: EstimatorForm = DEFAULT_FORM;
  /** The estimate of the last valid input; kept on screen (marked out of date) while the form is invalid. */
  result: EstimateWithConfidence | null = null;
  /** What `estimate` refused ("gpu: ... is not in the catalog", an impossible expert layout). */
  estimateError: string | null = null;
  computing = false;

  private ticket = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  private readonly disposers: IReactionDisposer[] = [];
  private readonly debounceMs: number;
  private readonly calibrations: CalibrationSource | undefined;

  constructor(
    private readonly db: PlannerDatabase,
    private readonly catalog: CatalogStore,
    readonly models: readonly ModelPreset[],
    private readonly client: PlannerClient,
    options: EstimatorStoreOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 120;
    this.calibrations = options.calibrations;
    // Form and result stay plain objects (IndexedDB, structuredClone, postMessage): replaced, never mutated.
    makeAutoObservable<
      EstimatorStore,
      'db' | 'catalog' | 'client' | 'ticket' | 'timer' | 'running' | 'saving' | 'disposers' | 'calibrations'
    >(
      this,
      {
        db: false,
        calibrations: false,
        catalog: false,
        client: false,
        models: false,
        ticket: false,
        timer: false,
        running: false,
        saving: false,
        disposers: false,
        form: observableRef,
        result: observableRef,
      },
      { autoBind: true },
    );
  }

  /** Restores the stored form and starts recomputing on every change of the form or the catalog. */
  async load(): Promise<void> {
    const stored = await this.db.meta.get(ESTIMATOR_FORM_KEY);
    const value = stored?.value as { version?: number; form?: unknown } | undefined;
    runInAction(() => {
      this.form = value?.version === STORED_VERSION ? restoreForm(value.form) : DEFAULT_FORM;
    });
    this.disposers.push(
      reaction(
        () => [this.validation.input, this.catalogSnapshot] as const,
        () => this.schedule(),
        { equals: compareStructural },
      ),
    );
    this.schedule(0);
  }

  get validation(): Validation {
    return validateForm(this.form);
  }

  /** Messages by field path ("seqLen", "parallel.tp", "model.heads"), the estimator's refusal included. */
  get errors(): FieldErrors {
    const errors = this.validation.errors;
    if (this.estimateError && this.validation.input)
      return { ...errors, [errorPath(this.estimateError)]: this.estimateError };
    return errors;
  }

  /** True while what is on screen is not the estimate of what is in the form. */
  get outOfDate(): boolean {
    return this.computing || this.validation.input === null || this.estimateError !== null;
  }

  /** The user's catalog (IndexedDB rows, their edits included) and calibrations on, as plain data for the worker. */
  get catalogSnapshot(): CatalogSnapshot {
    return {
      gpus: this.catalog.gpus.map(({ origin: _o, edits: _e, ...gpu }) => gpu),
      models: this.models,
      calibrations: this.calibrations?.enabled ?? [],
    };
  }

  /**
   * Where every figure of the current form's estimate comes from (the derivation panel), computed in the
   * worker as `npm run -s estimate -- --explain` does; null while the form is invalid or a newer request won.
   */
  async explain(): Promise<Derivation[] | null> {
    const input = this.validation.input;
    if (!input) return null;
    const outcome = await this.client.explain(input, this.catalogSnapshot);
    if (outcome.status === 'superseded' || !Array.isArray(outcome.value)) return null;
    return outcome.value;
  }

  /** The quick preset the form is exactly at, if any. */
  get activePreset(): string | null {
    return QUICK_PRESETS.find((p) => compareStructural(p.form, this.form))?.id ?? null;
  }

  setField<K extends FormField>(field: K, value: EstimatorForm[K]): void {
    this.replaceForm({ ...this.form, [field]: value });
  }

  setArchitectureField<K extends ArchitectureField>(field: K, value: ArchitectureForm[K]): void {
    this.replaceForm({ ...this.form, custom: { ...this.form.custom, [field]: value } });
  }

  setMoeField(field: keyof ArchitectureForm['moe'], value: string | boolean): void {
    const custom = this.form.custom;
    this.replaceForm({ ...this.form, custom: { ...custom, moe: { ...custom.moe, [field]: value } } });
  }

  setMlaField(field: keyof ArchitectureForm['mla'], value: string | boolean): void {
    const custom = this.form.custom;
    this.replaceForm({ ...this.form, custom: { ...custom, mla: { ...custom.mla, [field]: value } } });
  }

  /** A preset model, or a custom architecture that starts as a copy of the preset chosen so far. */
  setModel(choice: { presetId: string } | 'custom'): void {
    if (choice !== 'custom')
      return this.replaceForm({ ...this.form, modelSource: 'preset', presetId: choice.presetId });
    const preset = this.models.find((m) => m.id === this.form.presetId);
    const custom =
      this.form.modelSource === 'preset' && preset ? architectureToForm(preset.architecture) : this.form.custom;
    this.replaceForm({ ...this.form, modelSource: 'custom', custom });
  }

  applyPreset(id: string): void {
    const preset = QUICK_PRESETS.find((p) => p.id === id);
    if (preset) this.replaceForm(preset.form);
  }

  /** Resolves once the estimate of the current form (and its saving) is done: for tests and the screenshot. */
  async settled(): Promise<void> {
    for (;;) {
      const running = this.running;
      await Promise.all([running, this.saving]);
      if (running === this.running && this.timer === null) return;
      if (this.timer !== null) await new Promise((r) => setTimeout(r, this.debounceMs + 1));
    }
  }

  dispose(): void {
    this.disposers.splice(0).forEach((d) => d());
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private replaceForm(form: EstimatorForm): void {
    this.form = form;
    const value = { version: STORED_VERSION, form };
    // Writes go in order, one per change: the last one written is the last one typed.
    this.saving = this.saving
      .then(() => this.db.meta.put({ key: ESTIMATOR_FORM_KEY, value }))
      .then(
        () => undefined,
        (error: unknown) => console.error('could not keep the estimator form', error),
      );
  }

  private schedule(delay = this.debounceMs): void {
    if (this.timer !== null) clearTimeout(this.timer);
    // A refusal was about the previous input; the next answer says whether it still holds.
    this.estimateError = null;
    const input = this.validation.input;
    if (!input) {
      // Nothing to compute; whatever is running is already stale.
      this.timer = null;
      this.ticket++;
      this.computing = false;
      return;
    }
    this.computing = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.run(input);
    }, delay);
  }

  private async run(input: EstimateInput): Promise<void> {
    const ticket = ++this.ticket;
    try {
      const outcome = await this.client.estimate(input, this.catalogSnapshot);
      if (outcome.status === 'superseded' || ticket !== this.ticket) return;
      const value = outcome.value;
      runInAction(() => {
        if (isEstimateError(value)) this.estimateError = value.error;
        else {
          this.result = value;
          this.estimateError = null;
        }
        this.computing = false;
      });
    } catch (error) {
      if (ticket !== this.ticket) return;
      runInAction(() => {
        this.estimateError = `(estimate): ${error instanceof Error ? error.message : String(error)}`;
        this.computing = false;
      });
    }
  }
}
