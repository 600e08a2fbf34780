import { describe, expect, it } from 'vitest';
import { estimate } from './estimate';
import { flopsPerToken } from './flops';
import { parseEstimateInput } from './input';
import { paramCounts } from './parameters';
import { shapeOf } from './shape';
import { catalog, est, states } from './testing';
import { peakFlops } from './time/efficiency';

/** The mistakes of the seed articles (../shared/seeds/README.md): the estimator must not make them. */
describe('seed article mistakes', () => {
  it('004: a 70B full fine-tune with mixed-precision AdamW holds ~1.1 TB of model states, not 320 GB', () => {
    // Act: one (imaginary) GPU large enough is not needed; the breakdown at the end of backward has every state.
    const e = est({
      model: 'deepseek-r1-distill-llama-70b',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 1,
      recompute: 'full',
      gpu: 'h100-sxm5-80gb',
    });
    // Assert: 16 bytes/param (fp32 master + fp32 grads + two fp32 moments).
    expect(states(e) / 1e12).toBeGreaterThan(1.1);
    expect(states(e) / (16 * e.params.total)).toBeCloseTo(1, 2);
    expect(e.memory.fits).toBe(false);
    expect(e.notes.some((n) => n.startsWith('does not fit:'))).toBe(true);
  });

  it('000: full fine-tuning a 7B model needs ~110 GB before activations, not 24 GB (measured 111.1 GB)', () => {
    const e = est({
      model: 'deepseek-llm-7b-base',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 1,
      recompute: 'full',
      gpu: 'h200-sxm-141gb',
    });
    expect(states(e) / 1e9).toBeGreaterThan(105);
    expect(e.memory.peakBytesPerGpu / 111.086e9).toBeCloseTo(1, 2);
  });

  it('003: Adam in fp32 holds 4x the parameter bytes (weights, gradients, two moments), not 3x', () => {
    const e = est({
      model: 'llama-3.1-8b',
      method: 'full',
      precision: 'fp32',
      seqLen: 512,
      microBatch: 1,
      gpu: 'h200-sxm-141gb',
    });
    expect(states(e) / (4 * e.params.total * 4)).toBeCloseTo(1, 2);
  });

  it('003: training FLOPs are ~6 x params x tokens (plus attention), and "DeepSeek-6B" is no model', () => {
    const p = parseEstimateInput({
      model: 'deepseek-llm-7b-base',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 1,
      gpu: 'h100-sxm5-80gb',
    });
    if (!p.ok) throw new Error(p.error);
    const s = shapeOf(catalog.models.find((m) => m.id === 'deepseek-llm-7b-base')!.architecture);
    const ratio = flopsPerToken(s, p.input).model / (6 * paramCounts(s).total);
    expect(ratio).toBeGreaterThan(0.98);
    expect(ratio).toBeLessThan(1.1);
    const bad = parseEstimateInput({
      ...p.input,
      model: 'deepseek-6b',
      lora: undefined,
      parallel: undefined,
      interconnect: undefined,
      trainingTokens: undefined,
    });
    expect(bad.ok && estimate(bad.input, catalog)).toMatchObject({
      error: expect.stringMatching(/^model: unknown preset id "deepseek-6b"/),
    });
  });

  it('000: H100 dense bf16 is 989 TFLOP/s (1979 is with 2:4 sparsity)', () => {
    const h100 = catalog.gpus.find((g) => g.id === 'h100-sxm5-80gb')!;
    expect(peakFlops(h100, 'bf16-mixed') / 1e12).toBeCloseTo(989.4, 0);
  });

  it('V100 has no bf16: the estimate says so and assumes fp16-mixed', () => {
    const e = est({
      model: 'deepseek-llm-7b-base',
      method: 'lora',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 1,
      gpu: 'v100-sxm2-32gb',
    });
    expect(e.precision).toEqual({ requested: 'bf16-mixed', effective: 'fp16-mixed' });
    expect(e.notes[0]).toMatch(/has no bf16: use fp16-mixed/);
  });

  it('002: a 7B fine-tune runs at thousands of tokens/s on one H100, not 12', () => {
    const e = est({
      model: 'deepseek-llm-7b-base',
      method: 'lora',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 1,
      gpu: 'h100-sxm5-80gb',
    });
    expect(e.throughput.tokensPerSecond).toBeGreaterThan(5000);
    expect(e.throughput.tokensPerSecond).toBeLessThan(15000);
  });
});
