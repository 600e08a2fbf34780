import { proxy, wrap, type Endpoint } from 'comlink';
import type { Comparison, Suggestion } from '../../../estimator/compare';
import type { Derivation, EstimateWithConfidence } from '../../../estimator/confidence';
import type { EstimateError, EstimateInput } from '../../../estimator/training';
import {
  plannerApi,
  type CatalogSnapshot,
  type CompareSnapshot,
  type PlannerApi,
  type ScenarioOutcome,
  type SensitivityResult,
} from './api';
import type { ProgressCallback } from './jobs';
import { latestWins, type Outcome } from './latest';

/** The API as the main thread sees it: every method answers with a promise (worker or not). */
export type AsyncPlannerApi = {
  [K in keyof PlannerApi]: (...args: Parameters<PlannerApi[K]>) => Promise<Awaited<ReturnType<PlannerApi[K]>>>;
};

export interface Job<R> {
  readonly jobId: number;
  readonly result: Promise<R>;
  cancel(): void;
}

export interface PlannerClient {
  /** Where the computations run: a Web Worker, or this thread where Worker is unavailable (unit tests). */
  readonly mode: 'worker' | 'in-thread';
  /** Latest request wins: a call made while another waits replaces it (`superseded`); see latest.ts. */
  estimate(input: EstimateInput, catalog: CatalogSnapshot): Promise<Outcome<EstimateWithConfidence | EstimateError>>;
  /** The derivation of every figure of the estimate (latest request wins): the CLI's `--explain`. */
  explain(input: EstimateInput, catalog: CatalogSnapshot): Promise<Outcome<Derivation[] | EstimateError>>;
  /** A scenario file's comparison (latest request wins): the numbers `npm run -s compare` prints. */
  compare(raw: unknown, catalog: CompareSnapshot): Promise<Outcome<ScenarioOutcome<Comparison>>>;
  /** The ranking with one price or rate moved ± 30% (latest request wins). */
  sensitivity(raw: unknown, catalog: CompareSnapshot): Promise<Outcome<ScenarioOutcome<SensitivityResult>>>;
  /** Sweeps the catalog for the best options: a cancellable job reporting progress. */
  suggest(
    raw: unknown,
    catalog: CompareSnapshot,
    onProgress?: ProgressCallback,
    limit?: number,
  ): Job<ScenarioOutcome<Suggestion[]>>;
  /**
   * Starts a long, cancellable computation (see api.ts, "Adding a computation"): `call` receives the API,
   * a fresh job id and the progress callback, ready to pass on, e.g.
   * `client.startJob((api, id, progress) => api.suggest(id, request, catalog, progress), onProgress)`.
   */
  startJob<R>(
    call: (api: AsyncPlannerApi, jobId: number, onProgress: ProgressCallback | undefined) => Promise<R>,
    onProgress?: ProgressCallback,
  ): Job<R>;
  dispose(): void;
}

export interface PlannerClientOptions {
  /**
   * `auto` (default): a Web Worker where the platform has one, else in-thread. `in-thread` forces the
   * fallback. An endpoint (a MessagePort whose other end runs `expose(plannerApi, port)`) is for tests.
   */
  backend?: 'auto' | 'in-thread' | Endpoint;
}

const inThreadApi: AsyncPlannerApi = {
  estimate: async (input, catalog) => plannerApi.estimate(input, catalog),
  explain: async (input, catalog) => plannerApi.explain(input, catalog),
  compare: (raw, catalog) => plannerApi.compare(raw, catalog),
  sensitivity: (raw, catalog) => plannerApi.sensitivity(raw, catalog),
  suggest: (jobId, raw, catalog, onProgress, limit) => plannerApi.suggest(jobId, raw, catalog, onProgress, limit),
  cancel: async (jobId) => plannerApi.cancel(jobId),
};

class WorkerFailed extends Error {}

function startWorker(): { endpoint: Endpoint; failed: Promise<never>; terminate: () => void } | null {
  if (typeof Worker === 'undefined') return null;
  try {
    // This exact form is what Vite recognises to bundle the worker as its own module.
    const worker = new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module' });
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => reject(new WorkerFailed(event.message || 'worker failed')));
    });
    failed.catch(() => undefined);
    return { endpoint: worker, failed, terminate: () => worker.terminate() };
  } catch {
    return null;
  }
}

export function createPlannerClient(options: PlannerClientOptions = {}): PlannerClient {
  const backend = options.backend ?? 'auto';
  const started =
    backend === 'in-thread'
      ? null
      : backend === 'auto'
        ? startWorker()
        : { endpoint: backend, failed: new Promise<never>(() => undefined), terminate: () => undefined };
  // comlink's Remote<PlannerApi> is this type for methods that take and return plain data.
  let remote: AsyncPlannerApi | null = started ? (wrap<PlannerApi>(started.endpoint) as AsyncPlannerApi) : null;

  /** Runs on the worker; if the worker could not start (a broken build, a CSP), falls back to this thread for good. */
  async function call<R>(fn: (api: AsyncPlannerApi) => Promise<R>): Promise<R> {
    if (!remote || !started) return fn(inThreadApi);
    try {
      return await Promise.race([fn(remote), started.failed]);
    } catch (error) {
      if (!(error instanceof WorkerFailed)) throw error;
      console.warn(`planner worker unavailable, computing in-thread: ${error.message}`);
      remote = null;
      started.terminate();
      return fn(inThreadApi);
    }
  }

  const estimate = latestWins((input: EstimateInput, catalog: CatalogSnapshot) =>
    call((api) => api.estimate(input, catalog)),
  );
  const explain = latestWins((input: EstimateInput, catalog: CatalogSnapshot) =>
    call((api) => api.explain(input, catalog)),
  );
  const compare = latestWins((raw: unknown, catalog: CompareSnapshot) => call((api) => api.compare(raw, catalog)));
  const sensitivity = latestWins((raw: unknown, catalog: CompareSnapshot) =>
    call((api) => api.sensitivity(raw, catalog)),
  );
  let nextJobId = 1;

  const startJob: PlannerClient['startJob'] = (run, onProgress) => {
    const jobId = nextJobId++;
    // comlink.proxy marks the callback to be called back across the worker boundary; in-thread it is the function itself.
    const progress = onProgress ? proxy(onProgress) : undefined;
    return {
      jobId,
      result: call((api) => run(api, jobId, progress)),
      cancel: () => void call((api) => api.cancel(jobId)).catch(() => undefined),
    };
  };

  return {
    get mode() {
      return remote ? 'worker' : 'in-thread';
    },
    estimate,
    explain,
    compare,
    sensitivity,
    suggest: (raw, catalog, onProgress, limit) =>
      startJob((api, jobId, progress) => api.suggest(jobId, raw, catalog, progress, limit), onProgress),
    startJob,
    dispose() {
      estimate.supersedeAll();
      explain.supersedeAll();
      compare.supersedeAll();
      sensitivity.supersedeAll();
      started?.terminate();
      remote = null;
    },
  };
}
