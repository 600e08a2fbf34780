import type { Gpu } from '../../../catalog';
import type { ModelPreset } from '../../../catalog/models';
import { estimate, type Estimate, type EstimateError, type EstimateInput } from '../../../estimator/training';
import { cancelJob } from './jobs';

/**
 * The catalog as the user has it (IndexedDB rows, user edits included), as plain objects: it crosses
 * postMessage by structured clone, so no MobX proxies, no functions.
 */
export interface CatalogSnapshot {
  readonly gpus: readonly Gpu[];
  readonly models: readonly ModelPreset[];
}

/**
 * Everything heavy the app computes, as one object. The worker exposes it with comlink
 * (planner.worker.ts); where there is no Worker (unit tests) the client calls it in-thread. Arguments
 * and results must survive structured clone.
 *
 * Adding a computation (compare, suggest):
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
  estimate(input: EstimateInput, catalog: CatalogSnapshot): Estimate | EstimateError {
    return estimate(input, catalog);
  },

  /** Stops the long job with this id at its next checkpoint (see jobs.ts); unknown ids are ignored. */
  cancel(jobId: number): void {
    cancelJob(jobId);
  },
};

export type PlannerApi = typeof plannerApi;
