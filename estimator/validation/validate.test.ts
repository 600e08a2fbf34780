import { describe, expect, it } from 'vitest';
import { loadCalibration, shippedCatalog } from '../cli/catalog';
import { sampledWatts } from './nvml';
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

describe('NVML power window', () => {
  it('reads the steady draw for long runs and less for runs shorter than its 1 s average', () => {
    expect(sampledWatts(600, 1, 700)).toBeCloseTo(600, 0);
    expect(sampledWatts(600, 0.07, 700)).toBeLessThan(300);
  });
});
