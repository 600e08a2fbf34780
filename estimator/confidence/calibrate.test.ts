import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../cli/catalog';
import { estimate } from '../training/estimate';
import { parseEstimateInput } from '../training/input';
import { isEstimateError, type Estimate, type EstimateInput } from '../training/types';
import { applyCalibrations, fitCalibration, pickCalibration } from './calibrate';
import type { Calibration, EstimateWithConfidence } from './types';
import { estimateWithConfidence } from './with-confidence';

const catalog = shippedCatalog();
const input = (raw: Record<string, unknown>): EstimateInput => {
  const p = parseEstimateInput({ precision: 'bf16-mixed', seqLen: 2048, microBatch: 1, ...raw });
  if (!p.ok) throw new Error(p.error);
  return p.input;
};
const est = (i: EstimateInput): Estimate => {
  const e = estimate(i, catalog);
  if (isEstimateError(e)) throw new Error(e.error);
  return e;
};
const withConf = (i: EstimateInput, c?: readonly Calibration[]): EstimateWithConfidence => {
  const e = estimateWithConfidence(i, catalog, c);
  if (isEstimateError(e)) throw new Error(e.error);
  return e;
};
const fit = (i: EstimateInput, measured: Parameters<typeof fitCalibration>[1], date = '2026-11-20', id = 'c1') => {
  const r = fitCalibration(i, measured, catalog, { id, date });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.calibration;
};

const lora7b = input({ model: 'deepseek-llm-7b-base', method: 'lora', gpu: 'h100-sxm5-80gb', trainingTokens: 1e9 });

describe('calibration from a measured run', () => {
  const base = est(lora7b);

  it('reproduces the measurement on the configuration measured, and reports before / after error', () => {
    const measured = {
      peakMemoryBytes: base.memory.peakBytesPerGpu * 1.1,
      tokensPerSecond: base.throughput.tokensPerSecond * 0.9,
      gpuWatts: base.power.gpuWatts * 0.95,
    };
    const c = fit(lora7b, measured);
    const e = withConf(lora7b, [c]);
    expect(e.memory.peakBytesPerGpu).toBeCloseTo(measured.peakMemoryBytes, -1);
    expect(e.throughput.tokensPerSecond).toBeCloseTo(measured.tokensPerSecond, 6);
    expect(e.power.gpuWatts).toBeCloseTo(measured.gpuWatts, 6);
    expect(c.before.memoryErrorPct).toBeCloseTo((1 / 1.1 - 1) * 100, 6);
    expect(c.before.throughputErrorPct).toBeCloseTo((1 / 0.9 - 1) * 100, 6);
    for (const v of Object.values(c.after)) expect(Math.abs(v)).toBeLessThan(1e-9);
    expect(e.calibration).toMatchObject({ id: 'c1', date: '2026-11-20' });
    // The breakdown still adds up to the peak, weights (exact counts) unchanged.
    const b = e.memory.breakdown;
    expect(b.weights + b.gradients + b.optimizer + b.activations + b.logits + b.other).toBeCloseTo(
      e.memory.peakBytesPerGpu,
      -1,
    );
    expect(b.weights).toBe(base.memory.breakdown.weights);
    // Time and energy follow tokens/s and watts.
    expect(e.time!.seconds).toBeCloseTo(base.time!.seconds / 0.9, 6);
    expect(e.energy!.kWh).toBeCloseTo((e.power.clusterWatts * e.time!.seconds) / 3.6e6, 9);
  });

  it('a peak measured 10% higher moves another configuration on that GPU up by at most 10%, toward the measurement', () => {
    const c = fit(lora7b, { peakMemoryBytes: base.memory.peakBytesPerGpu * 1.1 });
    for (const other of [
      input({ model: 'deepseek-llm-7b-base', method: 'lora', gpu: 'h100-sxm5-80gb', microBatch: 2 }),
      input({ model: 'deepseek-coder-1.3b-base', method: 'full', gpu: 'h100-sxm5-80gb', recompute: 'full' }),
    ]) {
      const before = est(other).memory.peakBytesPerGpu;
      const after = withConf(other, [c]).memory.peakBytesPerGpu;
      expect(after).toBeGreaterThan(before);
      expect(after / before).toBeLessThanOrEqual(1.1 + 1e-12);
    }
    // On the measured configuration: never beyond the measurement, and the error is smaller than before.
    const after = withConf(lora7b, [c]).memory.peakBytesPerGpu;
    const measured = base.memory.peakBytesPerGpu * 1.1;
    expect(after).toBeLessThanOrEqual(measured * (1 + 1e-12));
    expect(Math.abs(c.after.memoryErrorPct!)).toBeLessThan(Math.abs(c.before.memoryErrorPct!));
  });

  it('applies only to its GPU; disabled means the original estimate; the newest enabled one wins', () => {
    const old = fit(lora7b, { tokensPerSecond: base.throughput.tokensPerSecond * 0.8 }, '2026-10-01', 'old');
    const recent = fit(lora7b, { tokensPerSecond: base.throughput.tokensPerSecond * 0.9 }, '2026-11-01', 'new');
    expect(pickCalibration('h100-sxm5-80gb', [recent, old])?.id).toBe('new');
    expect(pickCalibration('h100-sxm5-80gb', [{ ...recent, enabled: false }, old])?.id).toBe('old');
    const h200 = input({ model: 'deepseek-llm-7b-base', method: 'lora', gpu: 'h200-sxm-141gb' });
    expect(withConf(h200, [recent]).throughput.tokensPerSecond).toBe(est(h200).throughput.tokensPerSecond);
    expect(withConf(h200, [recent]).calibration).toBeUndefined();
    const off = withConf(lora7b, [
      { ...recent, enabled: false },
      { ...old, enabled: false },
    ]);
    expect(off.throughput.tokensPerSecond).toBe(base.throughput.tokensPerSecond);
    expect(off.memory.peakBytesPerGpu).toBe(base.memory.peakBytesPerGpu);
    expect(applyCalibrations(base, [old, recent]).calibration?.id).toBe('new');
  });

  it('rejects non-positive, non-numeric and absurd measurements, naming the field and both numbers', () => {
    const bad = (m: Record<string, number>) => {
      const r = fitCalibration(lora7b, m, catalog, { id: 'x', date: '2026-11-23' });
      if (r.ok) throw new Error('accepted');
      return r.errors;
    };
    expect(bad({ peakMemoryBytes: -1 })).toEqual(['measured.peakMemoryBytes: must be positive (got -1)']);
    expect(bad({ gpuWatts: Number.NaN })[0]).toMatch(/^measured\.gpuWatts: must be positive/);
    const tps = base.throughput.tokensPerSecond;
    const [e] = bad({ tokensPerSecond: tps * 12 });
    expect(e).toContain('measured.tokensPerSecond');
    expect(e).toContain(`${Math.round(tps * 12)} tokens/s is 12× the estimate (${Math.round(tps)} tokens/s)`);
    expect(bad({ peakMemoryBytes: base.memory.peakBytesPerGpu / 20 })[0]).toContain(
      `is 1/20 of the estimate (${(base.memory.peakBytesPerGpu / 1e9).toFixed(1)} GB)`,
    );
    expect(bad({})).toEqual(['measured: give at least one of peakMemoryBytes, tokensPerSecond, gpuWatts']);
    const r = fitCalibration(lora7b, { gpuWatts: 500 }, catalog, { id: 'x', date: '23/11/2026' });
    expect(r.ok ? [] : r.errors).toEqual(['date: must be an ISO date yyyy-mm-dd (got "23/11/2026")']);
    // 9x is unusual but within the physics' reach: accepted.
    expect(fitCalibration(lora7b, { tokensPerSecond: tps * 9 }, catalog, { id: 'x', date: '2026-11-23' }).ok).toBe(
      true,
    );
  });
});

describe('estimateWithConfidence', () => {
  it('is estimate() plus bands and ranges that hold the prediction', () => {
    const plain = est(lora7b);
    const e = withConf(lora7b);
    expect(e.memory.peakBytesPerGpu).toBe(plain.memory.peakBytesPerGpu);
    expect(e.throughput).toEqual(plain.throughput);
    const [lo, hi] = e.ranges.peakBytesPerGpu;
    expect(lo).toBeCloseTo(plain.memory.peakBytesPerGpu * (1 + e.bands.memory.lowerPct / 100), 0);
    expect(hi).toBeCloseTo(plain.memory.peakBytesPerGpu * (1 + e.bands.memory.upperPct / 100), 0);
    const [t0, t1] = e.ranges.timeSeconds!;
    expect(t0).toBeLessThan(plain.time!.seconds);
    expect(t1).toBeGreaterThan(plain.time!.seconds);
    // The long end of the time is the slow end of tokens/s.
    expect(t1).toBeCloseTo(1e9 / e.ranges.tokensPerSecond[0], 3);
    expect(e.ranges.timeSeconds).toBeDefined();
    expect(withConf({ ...lora7b, trainingTokens: null }).ranges.timeSeconds).toBeUndefined();
  });

  it('fitsConfidence is tight exactly when the memory band crosses capacity', () => {
    // Grow the sequence until the plain verdict flips; the band makes the lengths around it tight.
    const verdicts = new Map<string, string[]>();
    for (let seqLen = 2048; seqLen <= 24576; seqLen += 128) {
      const i = { ...lora7b, seqLen };
      const e = withConf(i);
      const [lo, hi] = e.ranges.peakBytesPerGpu;
      const need = (p: number) => p * 1.07 + 0.5e9;
      const expected =
        need(hi) <= e.memory.capacityBytes ? 'fits' : need(lo) > e.memory.capacityBytes ? 'does-not-fit' : 'tight';
      expect(e.memory.fitsConfidence).toBe(expected);
      verdicts.set(e.memory.fitsConfidence, [...(verdicts.get(e.memory.fitsConfidence) ?? []), String(seqLen)]);
      if (e.memory.fitsConfidence === 'fits') expect(e.memory.fits).toBe(true);
      if (e.memory.fitsConfidence === 'does-not-fit') expect(e.memory.fits).toBe(false);
    }
    expect([...verdicts.keys()].sort()).toEqual(['does-not-fit', 'fits', 'tight']);
  });
});
