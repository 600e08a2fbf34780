import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import { SHIPPED_SCENARIOS } from '../../../catalog/scenarios';
import { compareScenario } from '../../../estimator/compare';
import { plannerApi, type CompareSnapshot } from './api';
import { createPlannerClient, type PlannerClient } from './client';

const tables = loadShippedCatalog().tables;
const catalog: CompareSnapshot = {
  gpus: tables.gpus,
  models: loadShippedModels(),
  systems: tables.systems,
  offers: tables.cloudOffers,
  networks: tables.networks,
};
const lora = SHIPPED_SCENARIOS.find((s) => s.file === 'lora-deepseek-7b.scenario.json')!.raw;

const clients: PlannerClient[] = [];
const ports: MessagePort[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.dispose());
  ports.splice(0).forEach((p) => p.close());
});

/** A client whose worker side is the real API behind a MessageChannel: everything is structured-cloned. */
function overMessageChannel(): PlannerClient {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(plannerApi, port1);
  const client = createPlannerClient({ backend: port2 });
  clients.push(client);
  return client;
}

describe('compare, sensitivity and suggest through the worker boundary', () => {
  it('compares a scenario file exactly as compareScenario does', async () => {
    const outcome = await overMessageChannel().compare(lora, catalog);
    if (outcome.status !== 'done' || !outcome.value.ok) throw new Error('expected a comparison');
    expect(outcome.value.value).toEqual(JSON.parse(JSON.stringify(compareScenario(lora, catalog).comparison)));
  });

  it('answers a refused scenario with the issues, each naming its field', async () => {
    const outcome = await overMessageChannel().compare({ ...(lora as object), currency: 'XYZ' }, catalog);
    expect(outcome).toMatchObject({ status: 'done', value: { ok: false, issues: [{ path: ['currency'] }] } });
  });

  it('gives the ranking at ± 30% of each factor', async () => {
    const outcome = await overMessageChannel().sensitivity(lora, catalog);
    if (outcome.status !== 'done' || !outcome.value.ok) throw new Error('expected a sensitivity');
    expect(outcome.value.value.points.map((p) => `${p.factor} ${p.multiplier}`)).toEqual([
      'electricity 0.7',
      'electricity 1.3',
      'utilizationOwned 0.7',
      'utilizationOwned 1.3',
      'spotPrice 0.7',
      'spotPrice 1.3',
      'hardwarePrice 0.7',
      'hardwarePrice 1.3',
    ]);
  });

  it('runs suggest as a job: progress comes back over the channel, and a cancel stops it', async () => {
    const client = overMessageChannel();
    const seen: number[] = [];
    let job: ReturnType<PlannerClient['suggest']> | null = null;
    job = client.suggest(lora, catalog, (done) => {
      seen.push(done);
      if (done >= 32) job?.cancel();
    });
    await expect(job.result).rejects.toMatchObject({ name: 'JobCancelled' });
    expect(seen[0]).toBe(0);
    expect(Math.max(...seen)).toBeLessThan(200);
  });
});
