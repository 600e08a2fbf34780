import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Gpu } from '../../catalog/schema/gpu';
import { loadShippedCatalog } from '../../catalog/index';
import { activeIdleWatts, gpuWatts, nodeOverheadMaxWatts, type GpuActivity } from './power';
import { catalog, est } from './testing';

/**
 * The power model (power.ts): bounded by active idle and TDP, monotone in load, plausible on GPUs and layouts the
 * calibration never saw.
 */
const gpu = (id: string): Gpu => {
  const g = catalog.gpus.find((x) => x.id === id);
  if (!g) throw new Error(id);
  return g;
};
const h100 = gpu('h100-sxm5-80gb');
const step = (a: Partial<GpuActivity>): GpuActivity => ({
  stepSeconds: 1,
  tensorSeconds: 0.6,
  tensorUtilisation: 0.3,
  memorySeconds: 0.3,
  memoryUtilisation: 0.8,
  ...a,
});
const share = fc.double({ min: 0, max: 1, noNaN: true });
const activity = fc
  .record({ tensor: share, memory: share, gap: share, ut: share, um: share })
  .map(({ tensor, memory, gap, ut, um }) => {
    const total = tensor + memory + gap || 1;
    return step({
      tensorSeconds: tensor / total,
      memorySeconds: memory / total,
      tensorUtilisation: ut,
      memoryUtilisation: um,
    });
  });

describe('gpuWatts: bounds and monotonicity', () => {
  it('stays between active idle and TDP on every catalog GPU (property)', () => {
    fc.assert(
      fc.property(activity, fc.constantFrom(...catalog.gpus), (a, g) => {
        const w = gpuWatts(g, a);
        expect(w).toBeGreaterThanOrEqual(activeIdleWatts(g) - 1e-9);
        expect(w).toBeLessThanOrEqual(g.tdpWatts + 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('an idle step draws active idle; a step of saturated tensor kernels draws TDP', () => {
    expect(gpuWatts(h100, step({ tensorSeconds: 0, memorySeconds: 0 }))).toBeCloseTo(activeIdleWatts(h100), 9);
    expect(gpuWatts(h100, step({ tensorSeconds: 1, memorySeconds: 0, tensorUtilisation: 0.8 }))).toBeCloseTo(700, 9);
    expect(gpuWatts(h100, step({ stepSeconds: 0 }))).toBe(activeIdleWatts(h100));
  });

  it('never falls when tensor or HBM utilisation rises, or when a gap becomes kernel time (property)', () => {
    fc.assert(
      fc.property(activity, share, (a, more) => {
        const w = gpuWatts(h100, a);
        const gap = a.stepSeconds - a.tensorSeconds - a.memorySeconds;
        const up = (x: number) => x + (1 - x) * more;
        expect(gpuWatts(h100, { ...a, tensorUtilisation: up(a.tensorUtilisation) })).toBeGreaterThanOrEqual(w - 1e-9);
        expect(gpuWatts(h100, { ...a, memoryUtilisation: up(a.memoryUtilisation) })).toBeGreaterThanOrEqual(w - 1e-9);
        expect(gpuWatts(h100, { ...a, tensorSeconds: a.tensorSeconds + gap * more })).toBeGreaterThanOrEqual(w - 1e-9);
        expect(gpuWatts(h100, { ...a, memorySeconds: a.memorySeconds + gap * more })).toBeGreaterThanOrEqual(w - 1e-9);
      }),
      { numRuns: 500 },
    );
  });
});

const dsc = (size: '1.3b' | '6.7b' | '33b') => `deepseek-coder-${size}-base`;
const run = (extra: Record<string, unknown>) =>
  est({ model: dsc('1.3b'), method: 'full', precision: 'bf16-mixed', seqLen: 2048, microBatch: 1, ...extra });
const watts = (extra: Record<string, unknown>) => run(extra).power.gpuWatts;

describe('power through the estimator', () => {
  it('rises with micro-batch (within 1% where tensor kernels already sit at the power limit) and with model size', () => {
    for (const g of ['h200-sxm-141gb', 'h100-sxm5-80gb', 'a100-sxm4-80gb', 'rtx-4090-24gb', 'l40s-48gb']) {
      for (const method of ['full', 'lora']) {
        const ws = [1, 2, 4, 8, 16].map((mb) => watts({ gpu: g, method, microBatch: mb, recompute: 'full' }));
        for (let i = 1; i < ws.length; i++) expect(ws[i]!).toBeGreaterThanOrEqual(0.99 * ws[i - 1]!);
        expect(ws[4]!).toBeGreaterThanOrEqual(ws[0]!);
      }
      const bySize = (['1.3b', '6.7b', '33b'] as const).map((m) => watts({ gpu: g, model: dsc(m), method: 'lora' }));
      expect(bySize[1]!).toBeGreaterThanOrEqual(bySize[0]!);
      expect(bySize[2]!).toBeGreaterThanOrEqual(bySize[1]!);
    }
    // A small model at micro-batch 1 waits on its host part of each step on the slower calibration host.
    expect(watts({ gpu: 'h100-sxm5-80gb', microBatch: 8 }) / watts({ gpu: 'h100-sxm5-80gb' })).toBeGreaterThan(1.3);
  });

  it('gives plausible draws on GPUs outside the calibration: 75-100% of TDP for an 8B LoRA, above active idle for a 1.3B', () => {
    const lora8b = { model: 'llama-3.1-8b', method: 'lora', microBatch: 4, recompute: 'full' };
    for (const [id, tdp] of [
      ['a100-sxm4-80gb', 400],
      ['v100-sxm2-32gb', 300],
      ['rtx-4090-24gb', 450],
      ['l40s-48gb', 350],
      ['h100-pcie-80gb', 350],
    ] as const) {
      const g = gpu(id);
      expect(g.tdpWatts).toBe(tdp);
      const big = watts({ ...lora8b, gpu: id });
      expect(big).toBeGreaterThan(0.75 * tdp);
      expect(big).toBeLessThanOrEqual(tdp);
      const small = watts({ gpu: id });
      expect(small).toBeGreaterThan(activeIdleWatts(g));
      expect(small).toBeLessThanOrEqual(big * 1.01);
    }
  });

  it('drops toward active idle when a layout leaves the GPU waiting: exposed communication, pipeline bubbles, CPU offload', () => {
    const base = {
      model: 'llama-3.1-8b',
      precision: 'bf16-mixed',
      seqLen: 4096,
      recompute: 'full',
      gpu: 'h100-sxm5-80gb',
    };
    const one = watts(base);
    const zero3 = { gpus: 16, gpusPerNode: 8, parallel: { zero: 3 } };
    const ib = watts({ ...base, ...zero3, interconnect: 'infiniband-ndr' });
    const slow = watts({ ...base, ...zero3, interconnect: 'ethernet-10g' });
    expect(ib).toBeGreaterThan(0.85 * 700);
    expect(slow).toBeLessThan(0.5 * ib);
    expect(slow).toBeGreaterThanOrEqual(activeIdleWatts(h100));
    expect(watts({ ...base, gpus: 8, parallel: { tp: 8 }, gpu: 'h100-pcie-80gb' })).toBeLessThan(
      watts({ ...base, gpu: 'h100-pcie-80gb' }),
    );
    const bubble = watts({ ...base, gpus: 4, gradAccum: 4, parallel: { pp: 4 } });
    const filled = watts({ ...base, gpus: 4, gradAccum: 32, parallel: { pp: 4 } });
    expect(bubble).toBeLessThan(filled);
    expect(watts({ ...base, gpus: 8, parallel: { zero: 3, offload: 'optimizer' } })).toBeLessThan(
      watts({ ...base, gpus: 8, parallel: { zero: 3 } }),
    );
    expect(one).toBeGreaterThan(0.85 * 700);
  });

  it('node and cluster draw and energy follow from the GPU draw', () => {
    const e = run({ gpu: 'h100-sxm5-80gb', gpus: 16, gpusPerNode: 8, parallel: { zero: 2 }, trainingTokens: 1e9 });
    expect(e.power.nodeWatts).toBeGreaterThan(8 * e.power.gpuWatts);
    expect(e.power.clusterWatts).toBeCloseTo(2 * e.power.nodeWatts, 9);
    expect(e.energy?.kWh).toBeCloseTo((e.power.clusterWatts * e.time!.seconds) / 3.6e6, 9);
  });
});

describe('node power: the part of a node that is not GPUs, by node class', () => {
  const systems = loadShippedCatalog().tables.systems;
  const heavy = {
    model: 'llama-3.1-8b',
    method: 'lora',
    precision: 'bf16-mixed',
    seqLen: 2048,
    microBatch: 4,
    recompute: 'full',
  };
  const nodeOf = (gpuId: string, n: number, extra: Record<string, unknown> = {}) =>
    est({ ...heavy, gpu: gpuId, gpus: n, gpusPerNode: n, ...extra }).power;

  it('follows the reference systems at full load: DGX-1 ~1.1 kW, DGX A100 ~3.3 kW, DGX H100 ~4.6 kW, a workstation 300-400 W', () => {
    const rest = (id: string, n: number) => nodeOverheadMaxWatts(gpu(id), n, null);
    expect(rest('v100-sxm2-16gb', 8)).toBeCloseTo(3500 - 8 * 300, -2);
    expect(rest('a100-sxm4-80gb', 8)).toBeCloseTo(6500 - 8 * 400, -2);
    expect(rest('h100-sxm5-80gb', 8)).toBeCloseTo(10200 - 8 * 700, -2);
    expect(rest('b200-sxm-180gb', 8)).toBeCloseTo(14300 - 8 * 1000, -3);
    for (const [id, n] of [
      ['rtx-4090-24gb', 2],
      ['rtx-5090-32gb', 1],
      ['rtx-4090-24gb', 4],
    ] as const) {
      expect(rest(id, n)).toBeGreaterThanOrEqual(300);
      expect(rest(id, n)).toBeLessThanOrEqual(450);
    }
    // And never above what the catalog's workstations leave after their cards.
    expect(rest('rtx-5090-32gb', 1)).toBeLessThanOrEqual(900 - 575);
    expect(rest('rtx-4090-24gb', 2)).toBeLessThanOrEqual(1300 - 2 * 450);
    // Jetson: the module's rating is the whole computer; the carrier adds little.
    expect(rest('jetson-agx-orin-64gb', 1)).toBeLessThan(20);
  });

  it('a used 8x V100 SXM2 server stays under its 3,200 W rating and a 2x RTX 4090 workstation under 1,300 W, even without being told', () => {
    const v100 = nodeOf('v100-sxm2-32gb', 8, { precision: 'fp16-mixed' });
    expect(v100.nodeWatts).toBeLessThan(3200);
    expect(v100.nodeWatts).toBeGreaterThan(8 * v100.gpuWatts);
    const ws = nodeOf('rtx-4090-24gb', 2);
    expect(ws.nodeWatts).toBeLessThan(1300);
    expect(ws.nodeWatts).toBeGreaterThan(2 * ws.gpuWatts + 200);
  });

  it('never exceeds a catalog system rating under a heavy load (every system in the catalog)', () => {
    for (const s of systems) {
      const g = gpu(s.gpu);
      const raw = { precision: g.tflops.bf16 === null ? 'fp16-mixed' : 'bf16-mixed' };
      const p = nodeOf(s.gpu, s.gpusPerNode, raw);
      expect(p.nodeWatts, s.id).toBeLessThanOrEqual(s.powerWatts ?? Infinity);
      const told = nodeOf(s.gpu, s.gpusPerNode, { ...raw, nodeMaxWatts: s.powerWatts });
      expect(told.nodeWatts, s.id).toBeLessThanOrEqual(s.powerWatts ?? Infinity);
    }
  });

  it('nodeMaxWatts: the non-GPU part is what the rating leaves after the GPUs, and the node never draws more than it', () => {
    const free = nodeOf('h100-sxm5-80gb', 8);
    const dgx = nodeOf('h100-sxm5-80gb', 8, { nodeMaxWatts: 10200 });
    expect(dgx.nodeWatts).toBeCloseTo(8 * dgx.gpuWatts + 0.75 * (10200 - 8 * 700), 6);
    expect(dgx.nodeWatts).toBeCloseTo(free.nodeWatts, -2);
    // A rating below the GPUs' own TDP (power-capped cards): the node is capped at the rating.
    const capped = nodeOf('rtx-4090-24gb', 8, { nodeMaxWatts: 3000 });
    expect(capped.nodeWatts).toBeLessThanOrEqual(3000);
    expect(capped.clusterWatts).toBeCloseTo(capped.nodeWatts, 9);
    expect(nodeOverheadMaxWatts(gpu('v100-sxm2-32gb'), 8, 3200)).toBe(3200 - 8 * 300);
  });
});
