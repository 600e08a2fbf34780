import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../cli/catalog';
import { LORA_7B_H100, parsed } from '../training/testing';
import { fitCalibration } from './calibrate';
import { exportCalibrations, importCalibrations } from './io';

const catalog = shippedCatalog();
const fitted = fitCalibration(parsed(LORA_7B_H100), { peakMemoryBytes: 31e9, gpuWatts: 500 }, catalog, {
  id: 'lab-1',
  date: '2026-11-23',
  label: 'our H100 box',
});
if (!fitted.ok) throw new Error(fitted.errors.join('; '));
const cal = fitted.calibration;

describe('calibrations as JSON', () => {
  it('round-trips through export and import, with a format and version', () => {
    const text = exportCalibrations([cal]);
    expect(JSON.parse(text)).toMatchObject({ format: 'gpu-planner.calibrations', version: 1 });
    const r = importCalibrations(text, catalog);
    expect(r).toEqual({ ok: true, calibrations: [cal] });
  });

  it('names the field of every problem', () => {
    const file = (c: unknown) => JSON.stringify({ format: 'gpu-planner.calibrations', version: 1, calibrations: [c] });
    const errs = (c: unknown) => {
      const r = importCalibrations(file(c), catalog);
      return r.ok ? [] : r.errors;
    };
    expect(errs({ ...cal, date: 'yesterday' })).toEqual(['calibrations.0.date: must be an ISO date yyyy-mm-dd']);
    expect(errs({ ...cal, factors: { memory: 40 } })).toEqual([
      'calibrations.0.factors.memory: must be between 1/10 and 10 (measured / predicted)',
    ]);
    expect(errs({ ...cal, measured: { gpuWatts: -5 } })).toEqual([
      'calibrations.0.measured.gpuWatts: must be a positive number',
    ]);
    expect(errs({ ...cal, gpu: 'h200-sxm-141gb' })[0]).toBe(
      'calibrations.0.gpu: "h200-sxm-141gb" differs from input.gpu "h100-sxm5-80gb" (a calibration is for one GPU)',
    );
    expect(errs({ ...cal, gpu: 'nope' })[0]).toBe('calibrations.0.gpu: unknown GPU id "nope"');
    expect(errs({ ...cal, input: { ...cal.input, seqLen: -1 } })[0]).toMatch(/^calibrations\.0\.input\.seqLen: /);
    expect(importCalibrations('{', catalog)).toEqual({ ok: false, errors: ['(file): not JSON'] });
    const r = importCalibrations(JSON.stringify({ format: 'other', version: 1, calibrations: [] }), catalog);
    expect(r.ok ? [] : r.errors).toEqual(['format: must be "gpu-planner.calibrations"']);
  });
});
