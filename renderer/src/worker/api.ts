import type { Gpu } from '../../../catalog';
import type { ModelPreset } from '../../../catalog/models';
import type { CloudOffer } from '../../../catalog/schema/cloud-offer';
import type { Network } from '../../../catalog/schema/network';
import type { System } from '../../../catalog/schema/system';
import {
  compareScenario,
  sensitivity,
  sitePlanner,
  suggest,
  trainingEstimator,
  type Comparison,
  type CompareDeps,
  type SensitivityPoint,
  type Suggestion,
} from '../../../estimator/compare';
import {
  estimateWithConfidence,
  explainEstimate,
  type Calibration,
  type Derivation,
  type EstimateWithConfidence,
} from '../../../estimator/confidence';
import { parseScenario, ScenarioError, type ScenarioIssue } from '../../../estimator/scenario';
import { isEstimateError, type EstimateError, type EstimateInput } from '../../../estimator/training';
import { cancelJob, JobCancelled, runJob, type ProgressCallback } from './jobs';

/**
 * The catalog as the user has it (IndexedDB rows, user edits included), as plain objects: it crosses
 * postMessage by structured clone, so no MobX proxies, no functions.
 */
export interface CatalogSnapshot {
  readonly gpus: readonly Gpu[];
  readonly models: readonly ModelPreset[];
  /**
   * The user's calibrations that are switched on (renderer/src/calibration): each applies to every
   * estimate and scenario on its GPU. Absent or empty: the estimator as shipped, what the CLI prints.
   */
  readonly calibrations?: readonly Calibration[];
}

/** The catalog compare reads (systems, cloud offers, networks besides GPUs and models), as plain rows. */
export interface CompareSnapshot extends CatalogSnapshot {
  readonly systems: readonly System[];
  readonly offers: readonly CloudOffer[];
  readonly networks: readonly Network[];
}

/** A scenario the domain refuses comes back as data (an Error's fields do not survive postMessage). */
export type ScenarioOutcome<T> = { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] };

export interface SensitivityResult {
  readonly base: SensitivityPoint;
  readonly points: readonly SensitivityPoint[];
}

/** The deps compareScenario uses, so sensitivity and suggest judge options exactly as the comparison does. */
const compareDeps = (catalog: CompareSnapshot): CompareDeps => ({
  estimate: trainingEstimator(catalog, catalog.calibrations ?? []),
  planFacility: sitePlanner,
});

/** Runs `work`, answering a ScenarioError (a field the domain refuses) as data. */
async function scenarioOutcome<T>(work: () => T | Promise<T>): Promise<ScenarioOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: [...error.issues] };
    throw error;
  }
}

/**
 * Everything heavy the app computes, as one object. The worker exposes it with comlink
 * (planner.worker.ts); where there is no Worker (unit tests) the client calls it in-thread. Arguments
 * and results must survive structured clone.
 *
 * Adding a computation (`compare` and `suggest` below are one of each):
 * - A quick one (`compare(scenario, catalog)`): a method here that calls the domain
 *   (estimator/compare) and returns plain data; a client method that goes through `latestWins`
 *   (client.ts) so edits never queue stale runs.
 * - A long, cancellable one (`suggest(jobId, request, catalog, onProgress)`): write it with `runJob`
 *   (jobs.ts): work in chunks and `await job.checkpoint(done, total)` between them. That reports progress
 *   through `onProgress` (the client passes `comlink.proxy(callback)`; in-thread it is the plain
 *   function) and yields to the worker's message loop, so a `cancel(jobId)` sent meanwhile is seen and
 *   the job rejects with `JobCancelled`; estimates asked for meanwhile are answered between chunks.
 *   On the client, `startJob` (client.ts) hands out the job id and returns `{ result, cancel }`.
 */
export const plannerApi = {
  /** The estimate with its accuracy bands and ranges, calibrated where a calibration for its GPU is on. */
  estimate(input: EstimateInput, catalog: CatalogSnapshot): EstimateWithConfidence | EstimateError {
    return estimateWithConfidence(input, catalog, catalog.calibrations ?? []);
  },

  /** Where each figure of that estimate comes from: what `npm run -s estimate -- --explain` prints. */
  explain(input: EstimateInput, catalog: CatalogSnapshot): Derivation[] | EstimateError {
    const estimate = estimateWithConfidence(input, catalog, catalog.calibrations ?? []);
    return isEstimateError(estimate) ? estimate : explainEstimate(input, catalog, estimate);
  },

  /** What `npm run -s compare -- file.json` prints for this scenario file's JSON and catalog. */
  compare(raw: unknown, catalog: CompareSnapshot): Promise<ScenarioOutcome<Comparison>> {
    return scenarioOutcome(
      () => compareScenario(raw, catalog, { calibrations: catalog.calibrations ?? [] }).comparison,
    );
  },

  /** How the ranking moves with electricity, owned utilization, spot price and hardware price ± 30%. */
  sensitivity(raw: unknown, catalog: CompareSnapshot): Promise<ScenarioOutcome<SensitivityResult>> {
    return scenarioOutcome(() => sensitivity(parseScenario(raw), catalog, compareDeps(catalog)));
  },

  /**
   * Sweeps the catalog for the options that answer the workload best (a long job: progress, cancel).
   * suggest() yields to the message loop itself; every few candidates a job checkpoint reports progress
   * and, once `cancel(jobId)` came in, flags the sweep to stop at its next candidate.
   */
  suggest(
    jobId: number,
    raw: unknown,
    catalog: CompareSnapshot,
    onProgress?: ProgressCallback,
    limit?: number,
  ): Promise<ScenarioOutcome<Suggestion[]>> {
    return runJob(jobId, onProgress, async (job) => {
      let cancelled = false;
      const signal = {
        get aborted() {
          return cancelled;
        },
        throwIfAborted() {
          if (cancelled) throw new JobCancelled(jobId);
        },
      };
      return scenarioOutcome(() =>
        suggest(parseScenario(raw), catalog, compareDeps(catalog), {
          limit,
          signal,
          onProgress: ({ done, total }) => {
            if (done % 16 === 0 || done === total)
              job.checkpoint(done, total).catch(() => {
                cancelled = true;
              });
          },
        }),
      );
    });
  },

  /** Stops the long job with this id at its next checkpoint (see jobs.ts); unknown ids are ignored. */
  cancel(jobId: number): void {
    cancelJob(jobId);
  },
};

export type PlannerApi = typeof plannerApi;
