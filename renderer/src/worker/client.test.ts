import { expose, proxy, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedGpus } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import { estimateWithConfidence } from '../../../estimator/confidence';
import { isEstimateError, parseEstimateInput, type EstimateInput } from '../../../estimator/training';
import { plannerApi, type CatalogSnapshot } from './api';
import { createPlannerClient, type PlannerClient } from './client';
import { JobCancelled, runJob, type ProgressCallback } from './jobs';

const catalog: CatalogSnapshot = { gpus: loadShippedGpus(), models: loadShippedModels() };

function input(raw: Record<string, unknown>): EstimateInput {
  const parsed = parseEstimateInput({
    model: 'deepseek-llm-7b-base',
    method: 'lora',
    precision: 'fp16-mixed',
    seqLen: 2048,
    microBatch: 1,
    gpu: 'v100-sxm2-32gb',
    ...raw,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.input;
}

const clients: PlannerClient[] = [];
const ports: MessagePort[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.dispose());
  ports.splice(0).forEach((p) => p.close());
});

/** The worker's side of comlink over a real MessageChannel: every argument and result is structured-cloned. */
function overMessageChannel(api: object) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(api, port1);
  return port2;
}

describe('planner client', () => {
  it('computes in-thread where there is no Worker (Node, unit tests), with the same numbers as estimateWithConfidence()', async () => {
    const client = createPlannerClient();
    clients.push(client);
    expect(typeof Worker).toBe('undefined');
    expect(client.mode).toBe('in-thread');
    const outcome = await client.estimate(input({ trainingTokens: 1e8 }), catalog);
    expect(outcome).toEqual({ status: 'done', value: estimateWithConfidence(input({ trainingTokens: 1e8 }), catalog) });
  });

  it('gives the same estimate through comlink and structured clone as in-thread', async () => {
    const client = createPlannerClient({ backend: overMessageChannel(plannerApi) });
    clients.push(client);
    expect(client.mode).toBe('worker');
    const outcome = await client.estimate(input({ gpus: 8, method: 'full', parallel: { zero: 3 } }), catalog);
    if (outcome.status !== 'done' || isEstimateError(outcome.value)) throw new Error('expected an estimate');
    const local = estimateWithConfidence(input({ gpus: 8, method: 'full', parallel: { zero: 3 } }), catalog);
    expect(outcome.value).toEqual(JSON.parse(JSON.stringify(local)));
    expect(outcome.value.assumptions.length).toBeGreaterThan(10);
  });

  it("answers the estimator's refusal as data, naming the field", async () => {
    const client = createPlannerClient({ backend: overMessageChannel(plannerApi) });
    clients.push(client);
    const outcome = await client.estimate(input({ gpu: 'no-such-gpu' }), catalog);
    expect(outcome.status === 'done' && isEstimateError(outcome.value) && outcome.value.error).toMatch(/^gpu: /);
  });

  it('uses the catalog it is given: a GPU the user edited counts', async () => {
    const client = createPlannerClient({ backend: overMessageChannel(plannerApi) });
    clients.push(client);
    const edited: CatalogSnapshot = {
      ...catalog,
      gpus: catalog.gpus.map((g) => (g.id === 'v100-sxm2-32gb' ? { ...g, memoryGB: 16 } : g)),
    };
    const outcome = await client.estimate(input({}), edited);
    if (outcome.status !== 'done' || isEstimateError(outcome.value)) throw new Error('expected an estimate');
    expect(outcome.value.memory.capacityBytes).toBe(16 * 2 ** 30);
  });
});

describe('long jobs: progress and cancellation (the pattern suggest() will use)', () => {
  // A stand-in for suggest(): counts to `total` in chunks, reporting progress at each checkpoint.
  const jobApi = {
    count(jobId: number, total: number, onProgress?: ProgressCallback) {
      return runJob(jobId, onProgress, async (job) => {
        for (let done = 0; done < total; done += 10) await job.checkpoint(done, total);
        return total;
      });
    },
    cancel: plannerApi.cancel,
  };

  it('reports progress through a comlink proxy and finishes', async () => {
    const remote = wrap<typeof jobApi>(overMessageChannel(jobApi));
    const seen: number[] = [];
    await expect(
      remote.count(
        1,
        50,
        proxy((done: number) => void seen.push(done)),
      ),
    ).resolves.toBe(50);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([0, 10, 20, 30, 40]);
  });

  it('stops at the next checkpoint once cancelled, from the other side of the channel', async () => {
    const remote = wrap<typeof jobApi>(overMessageChannel(jobApi));
    let cancelled = false;
    const result = remote.count(
      7,
      1_000_000,
      proxy((done: number) => {
        if (done >= 30 && !cancelled) {
          cancelled = true;
          void remote.cancel(7);
        }
      }),
    );
    await expect(result).rejects.toThrow('job 7 was cancelled');
  });

  it('cancels in-thread as well, through the client', async () => {
    const client = createPlannerClient({ backend: 'in-thread' });
    clients.push(client);
    const job = client.startJob((_api, jobId, onProgress) => jobApi.count(jobId, 1_000_000, onProgress));
    setTimeout(() => job.cancel(), 5);
    await expect(job.result).rejects.toBeInstanceOf(JobCancelled);
  });
});
