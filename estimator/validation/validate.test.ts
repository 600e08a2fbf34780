import { describe, expect, it } from 'vitest';
import { loadCalibration, shippedCatalog } from '../cli/catalog';
import { preRunShare } from './measurement';
import { estimate } from '../training/estimate';
import { parseEstimateInput } from '../training/input';
import { isEstimateError } from '../training/types';
import { failures, runValidation, summarize } from './validate';

describe('validation against measurements and published figures', () => {
  const { rows: calibration } = loadCalibration();
  const rows = runValidation(calibration, shippedCatalog());
  const summary = new Map(summarize(rows).map((s) => [s.quantity, s]));

  it('passes every gated row', () => {
    expect(failures(rows).map((r) => `${r.case} ${r.quantity} ${r.errorPct.toFixed(1)}%`)).toEqual([]);
  });

  it('meets the issue targets on the calibration rows: memory within 5%, throughput within 15%, power within 15%', () => {
    expect(summary.get('memory')?.worstPct).toBeLessThan(5);
    expect(summary.get('throughput')?.worstPct).toBeLessThan(15);
    expect(summary.get('power')?.worstPct).toBeLessThan(15);
    expect(summary.get('model-states')?.worstPct).toBeLessThan(2);
  });

  it('covers every calibration row and every published figure', () => {
    expect(rows.filter((r) => r.quantity === 'memory')).toHaveLength(calibration.length);
    expect(rows.filter((r) => r.quantity === 'iteration-seconds')).toHaveLength(4);
    expect(rows.filter((r) => r.quantity === 'gpu-hours')).toHaveLength(4);
    for (const r of rows) expect(r.source).toBeTruthy();
  });
});

describe('power is compared directly', () => {
  const { rows: calibration } = loadCalibration();
  const catalog = shippedCatalog();
  const power = runValidation(calibration, catalog).filter((r) => r.quantity === 'power');

  it("predicted is the estimate's own power.gpuWatts, with no model of the meter in between", () => {
    for (const r of power) {
      const c = calibration.find((x) => x.id === r.case)!;
      const p = parseEstimateInput(c.input);
      if (!p.ok) throw new Error(p.error);
      const e = estimate(p.input, catalog);
      if (isEstimateError(e)) throw new Error(e.error);
      expect(r.predicted).toBe(e.power.gpuWatts);
    }
  });

  it('leaves out of the gate exactly the rows whose NVML reading predates its steps by more than the tolerance', () => {
    for (const r of power) {
      const step = calibration.find((x) => x.id === r.case)!.measured.stepSeconds!;
      expect(r.informational ?? false).toBe(preRunShare(step) * 100 > r.tolerancePct);
    }
    // Most of the rows are gated, and the ones that are not read below the prediction, as pre-run averaging makes them.
    expect(power.filter((r) => !r.informational).length).toBeGreaterThanOrEqual(power.length / 2);
    for (const r of power.filter((x) => x.informational)) expect(r.measured).toBeLessThan(r.predicted);
  });

  it('pre-run share: none for long runs, most of the reading for a run shorter than the 1 s window', () => {
    expect(preRunShare(1)).toBe(0);
    expect(preRunShare(0.076)).toBeGreaterThan(0.6);
    expect(preRunShare(0.33)).toBeLessThan(0.05);
  });
});
