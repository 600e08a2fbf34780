import { describe, expect, it } from 'vitest';
import { est } from './testing';

/**
 * Held-back measurements (measure.py CASES) must come out right without being seen: these check that the model moves
 * the way the physics says when one knob turns.
 */
const dsc13 = { layers: 24, hidden: 2048, intermediate: 5504, heads: 16, kvHeads: 16, vocab: 32256 };
const llama8 = { layers: 32, hidden: 4096, intermediate: 14336, heads: 32, kvHeads: 8, vocab: 128256 };
const run = (model: object, extra: Record<string, unknown> = {}) =>
  est({ model, method: 'full', precision: 'bf16-mixed', seqLen: 2048, microBatch: 1, gpu: 'h200-sxm-141gb', ...extra });
const peak = (model: object, extra: Record<string, unknown> = {}) => run(model, extra).memory.peakBytesPerGpu;

describe('memory moves with each knob as the physics says', () => {
  it('grows with micro-batch and sequence length, by the activations and logits only', () => {
    const one = run(dsc13).memory.breakdown;
    const four = run(dsc13, { microBatch: 4 }).memory.breakdown;
    const perToken = (b: typeof one) => b.activations + b.logits;
    expect(perToken(four) / perToken(one)).toBeCloseTo(4, 1);
    expect(four.weights + four.optimizer).toBe(one.weights + one.optimizer);
    // Same tokens per micro-batch with flash attention (O(s) extras): about the same peak.
    expect(peak(dsc13, { seqLen: 8192 }) / peak(dsc13, { microBatch: 4 })).toBeCloseTo(1, 1);
  });

  it('full recompute keeps only layer inputs', () => {
    expect(peak(dsc13, { microBatch: 4, recompute: 'full' })).toBeLessThan(peak(dsc13, { microBatch: 4 }));
  });

  it('grows with LoRA rank and vocabulary; shrinks with grouped-query attention', () => {
    const lora = { method: 'lora', lora: { rank: 16 } };
    expect(peak(llama8, { ...lora, lora: { rank: 64 } })).toBeGreaterThan(peak(llama8, lora));
    expect(peak({ ...llama8, vocab: 152064 }, lora)).toBeGreaterThan(peak(llama8, lora));
    expect(peak({ ...llama8, kvHeads: 32 }, lora)).toBeGreaterThan(peak(llama8, lora));
  });

  it('Qwen2 qkv biases add exactly layers x (q + k + v widths) parameters', () => {
    const withBias = run({ ...llama8, qkvBias: true }).params.total - run(llama8).params.total;
    expect(withBias).toBe(32 * (4096 + 2 * 1024));
  });

  it('bf16 weights halve what fp32 master weights hold', () => {
    const mixed = run(llama8, { recompute: 'full' });
    const bf16 = run(llama8, { recompute: 'full', precision: 'bf16' });
    expect(bf16.memory.peakBytesPerGpu / mixed.memory.peakBytesPerGpu).toBeGreaterThan(0.45);
    expect(bf16.memory.peakBytesPerGpu / mixed.memory.peakBytesPerGpu).toBeLessThan(0.6);
  });

  it('ZeRO-3 over 8 GPUs cuts model states about 8x; pipeline stages split the layers', () => {
    const one = run(llama8, { recompute: 'full' });
    const z3 = run(llama8, { recompute: 'full', gpus: 8, parallel: { zero: 3 } });
    const states = (e: typeof one) => e.memory.breakdown.weights + e.memory.breakdown.optimizer;
    expect(states(one) / states(z3)).toBeGreaterThan(5);
    const pp = run(llama8, { recompute: 'full', gpus: 4, gradAccum: 8, parallel: { pp: 4 } });
    expect(pp.memory.peakBytesPerGpu).toBeLessThan(one.memory.peakBytesPerGpu);
  });
});

describe('time moves with each knob as the physics says', () => {
  it('bigger micro-batches run more tokens/s; recompute costs about a forward pass', () => {
    const mb1 = run(dsc13).throughput.tokensPerSecond;
    const mb4 = run(dsc13, { microBatch: 4 }).throughput.tokensPerSecond;
    const gc = run(dsc13, { microBatch: 4, recompute: 'full' }).throughput.tokensPerSecond;
    expect(mb4).toBeGreaterThan(mb1);
    expect(gc / mb4).toBeGreaterThan(0.65);
    expect(gc / mb4).toBeLessThan(0.95);
  });

  it('tensor parallelism over PCIe is slower than over NVLink; 10 GbE between nodes slows data parallelism', () => {
    const tp = { gpus: 8, parallel: { tp: 8 } };
    expect(run(llama8, { ...tp, gpu: 'h100-pcie-80gb' }).throughput.stepBreakdown.communication).toBeGreaterThan(
      run(llama8, { ...tp, gpu: 'h100-sxm5-80gb' }).throughput.stepBreakdown.communication,
    );
    const dp = { gpus: 16, gpusPerNode: 8, recompute: 'full', parallel: { zero: 2 } };
    expect(run(llama8, { ...dp, interconnect: 'ethernet-10g' }).throughput.tokensPerSecond).toBeLessThan(
      run(llama8, { ...dp, interconnect: 'infiniband-ndr' }).throughput.tokensPerSecond,
    );
  });

  it('power stays between active idle and TDP and rises with load', () => {
    const small = run(dsc13);
    const big = run(llama8, { method: 'lora', microBatch: 4, recompute: 'full' });
    expect(small.power.gpuWatts).toBeGreaterThan(150);
    expect(big.power.gpuWatts).toBeLessThanOrEqual(700);
    expect(big.power.gpuWatts).toBeGreaterThan(0.85 * 700);
  });
});
