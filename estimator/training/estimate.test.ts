import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from './estimate';
import { parseEstimateInput } from './input';
import { catalog, est } from './testing';
import { isEstimateError, type Estimate } from './types';

const lora7b = {
  model: 'deepseek-llm-7b-base',
  method: 'lora',
  precision: 'bf16-mixed',
  seqLen: 2048,
  microBatch: 1,
  gpu: 'h100-sxm5-80gb',
};
const sum = (e: Estimate) => Object.values(e.memory.breakdown).reduce((a, b) => a + b, 0);

describe('estimate', () => {
  it('answers the contract example with every contract field', () => {
    const e = est({ ...lora7b, trainingTokens: 1e8 });
    expect(e.memory.peakBytesPerGpu).toBeGreaterThan(25e9);
    expect(e.memory.capacityBytes).toBe(80 * 2 ** 30);
    expect(e.memory.fitsConfidence).toBe('fits');
    expect(e.params.trainable).toBe(37478400);
    expect(e.throughput.mfu).toBeGreaterThan(0);
    expect(e.throughput.mfu).toBeLessThan(1);
    expect(e.time?.gpuHours).toBeCloseTo((e.time!.seconds * 1) / 3600, 6);
    expect(e.energy?.kWh).toBeCloseTo((e.power.clusterWatts * e.time!.seconds) / 3.6e6, 6);
    expect(e.power.nodeWatts).toBeGreaterThan(e.power.gpuWatts);
  });

  it('lists every constant it used with a value, unit and source, shared between estimates', () => {
    const a = est(lora7b);
    const b = est({ ...lora7b, seqLen: 4096 });
    expect(a.assumptions.length).toBeGreaterThan(20);
    for (const x of a.assumptions) {
      expect(x.name).toBeTruthy();
      expect(Number.isFinite(x.value)).toBe(true);
      expect(x.unit).toBeTruthy();
      expect(x.source.length).toBeGreaterThan(10);
    }
    expect(b.assumptions).toBe(a.assumptions);
  });

  it('returns an error naming the field for ids the catalog lacks and layouts that do not divide', () => {
    const p = parseEstimateInput({ ...lora7b, gpu: 'tpu-v5' });
    if (!p.ok) throw new Error(p.error);
    expect(estimate(p.input, catalog)).toMatchObject({
      error: expect.stringMatching(/^gpu: unknown GPU id "tpu-v5"; known: v100-sxm2-32gb/),
    });
    const q = parseEstimateInput({ ...lora7b, gpus: 8, parallel: { ep: 2 } });
    if (!q.ok) throw new Error(q.error);
    expect(estimate(q.input, catalog)).toMatchObject({ error: 'parallel.ep: must be 1 for a dense model (no moe)' });
  });

  it('says what to try when it does not fit: remedies re-estimated, each with the GB per GPU it needs', () => {
    const e = est({ ...lora7b, method: 'full', gpu: 'a100-sxm4-40gb' });
    expect(e.memory.fitsConfidence).toBe('does-not-fit');
    expect(e.notes.find((n) => n.startsWith('does not fit:'))).toMatch(
      /^does not fit: \d+\.\d GB needed, 42\.9 GB per GPU; try ZeRO-2 with the optimizer offloaded to the CPU \(\d+\.\d GB per GPU\) or ZeRO-3 over \d+ GPUs \(\d+\.\d GB per GPU\) or NVIDIA [^(]+ instead \(\d+\.\d GB of its \d+\.\d GB\)$/,
    );
  });

  it('gives H100 and H200 the same peak memory and the H200 more tokens/s', () => {
    const h100 = est({ ...lora7b });
    const h200 = est({ ...lora7b, gpu: 'h200-sxm-141gb' });
    expect(h200.memory.peakBytesPerGpu).toBe(h100.memory.peakBytesPerGpu);
    expect(h200.throughput.tokensPerSecond).toBeGreaterThan(h100.throughput.tokensPerSecond);
  });

  const arb = fc.record({
    model: fc.constantFrom(
      'deepseek-coder-1.3b-base',
      'deepseek-llm-7b-base',
      'deepseek-r1-distill-qwen-1.5b',
      'llama-3.1-8b',
      'deepseek-v2-lite',
      'deepseek-llm-67b-base',
    ),
    method: fc.constantFrom('full', 'lora', 'qlora'),
    precision: fc.constantFrom('bf16-mixed', 'fp16-mixed', 'bf16', 'fp32', 'fp8-mixed'),
    optimizer: fc.constantFrom('adamw', 'adamw-8bit', 'sgd', 'adafactor'),
    seqLen: fc.constantFrom(512, 2048, 8192),
    microBatch: fc.integer({ min: 1, max: 8 }),
    gradAccum: fc.integer({ min: 1, max: 8 }),
    recompute: fc.constantFrom('none', 'full', 'selective'),
    attention: fc.constantFrom('flash', 'eager'),
    gpu: fc.constantFrom('v100-sxm2-32gb', 'a100-sxm4-80gb', 'h100-sxm5-80gb', 'rtx-4090-24gb', 'l40s-48gb'),
    layout: fc.constantFrom(
      { gpus: 1, parallel: {} },
      { gpus: 8, parallel: { zero: 1 } },
      { gpus: 8, parallel: { zero: 3, offload: 'optimizer' } },
      { gpus: 16, parallel: { tp: 4, pp: 2, sp: true } },
    ),
  });

  it('breakdown components add up to the peak, and every output is finite and positive (property)', () => {
    fc.assert(
      fc.property(arb, ({ layout, ...rest }) => {
        const p = parseEstimateInput({ ...rest, ...layout });
        if (!p.ok) return;
        const e = estimate(p.input, catalog);
        if (isEstimateError(e)) return;
        expect(sum(e)).toBeCloseTo(e.memory.peakBytesPerGpu, -3);
        for (const v of Object.values(e.memory.breakdown)) expect(v).toBeGreaterThanOrEqual(0);
        expect(e.throughput.tokensPerSecond).toBeGreaterThan(0);
        expect(Number.isFinite(e.throughput.stepSeconds)).toBe(true);
        expect(e.throughput.mfu).toBeLessThan(1);
        const tdp = catalog.gpus.find((g) => g.id === rest.gpu)!.tdpWatts;
        expect(e.power.gpuWatts).toBeLessThanOrEqual(tdp + 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
