import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { loadCalibration, shippedCatalog } from '../cli/catalog';
import { parseEstimateInput } from '../training/input';
import { MEMORY_BAND_FRACTION } from '../training/constants/memory';
import type { EstimateInput } from '../training/types';
import { runValidation, type ValidationRow } from '../validation/validate';
import { BAND_FLOOR, bandFor, bandForKeys, bandRowsOf, computeBands, STORED_BANDS } from './bands';
import { ESTIMATOR_VERSION, EXTRAPOLATION_WIDENING } from './constants';
import { bandsJson } from './io';
import { regimeChain } from './regimes';

const catalog = shippedCatalog();
// The shipped calibration rows, whatever GPU_PLANNER_CALIBRATION points at: bands.json is stored from these.
const rows = runValidation(loadCalibration({}).rows, catalog);
const input = (raw: Record<string, unknown>): EstimateInput => {
  const p = parseEstimateInput({ precision: 'bf16-mixed', seqLen: 2048, microBatch: 1, ...raw });
  if (!p.ok) throw new Error(p.error);
  return p.input;
};

describe('accuracy bands from the validation table', () => {
  it('bands.json is what the validation computes now (else run: npm run -s validate -- --write-bands)', () => {
    const stored = readFileSync(new URL('./bands.json', import.meta.url), 'utf8');
    expect(stored).toBe(bandsJson(computeBands(rows)));
  });

  it('no memory band is wider than the margin "does not fit" remedies keep (memoryBandFraction)', () => {
    const margin = MEMORY_BAND_FRACTION.value * 100;
    for (const method of ['full', 'lora', 'qlora'])
      for (const recompute of ['none', 'full', 'selective'])
        for (const gpu of ['h100-sxm5-80gb', 'v100-sxm2-32gb']) {
          const band = bandFor('memory', input({ model: 'deepseek-llm-7b-base', method, recompute, gpu }), catalog);
          expect(Math.max(band.upperPct, -band.lowerPct), `${method}/${recompute} on ${gpu}`).toBeLessThanOrEqual(
            margin,
          );
        }
  });

  it('is versioned with the estimator', () => {
    expect(ESTIMATOR_VERSION).toBe(pkg.version);
    expect(STORED_BANDS.estimatorVersion).toBe(ESTIMATOR_VERSION);
    for (const b of STORED_BANDS.bands) expect(b.estimatorVersion).toBe(ESTIMATOR_VERSION);
  });

  it('changing one validation row changes its regime band, and only the bands that row is in', () => {
    const i = rows.findIndex(
      (r) => r.quantity === 'memory' && r.context?.method === 'lora' && r.context.recompute === 'none',
    );
    expect(i).toBeGreaterThanOrEqual(0);
    const r = rows[i]!;
    // The GPU really needed 8% more than predicted: the truth lies 8% above the prediction.
    const changed: ValidationRow[] = rows.map((x, j) => (j === i ? { ...x, measured: r.predicted * 1.08 } : x));
    const before = computeBands(rows);
    const after = computeBands(changed);
    const get = (t: typeof before, q: string, regime: string) =>
      t.bands.find((b) => b.quantity === q && b.regime === regime)!;
    expect(get(before, 'memory', 'lora/no-recompute').upperPct).toBe(BAND_FLOOR.memory.value);
    expect(get(after, 'memory', 'lora/no-recompute').upperPct).toBeCloseTo(8, 1);
    expect(get(after, 'memory', 'lora').upperPct).toBeCloseTo(8, 1);
    expect(get(after, 'memory', 'full/recompute')).toEqual(get(before, 'memory', 'full/recompute'));
    expect(get(after, 'throughput', 'hopper/3-15B')).toEqual(get(before, 'throughput', 'hopper/3-15B'));
  });

  it('every regime band holds all its rows, asymmetric, at least the floor on each side', () => {
    const table = computeBands(rows);
    for (const b of table.bands) {
      const floor = BAND_FLOOR[b.quantity].value;
      expect(b.lowerPct).toBeLessThanOrEqual(-floor);
      expect(b.upperPct).toBeGreaterThanOrEqual(floor);
      const mine = table.rows.filter(
        (r) => r.band === b.quantity && regimeChain(b.quantity, r).some((s) => s.key === b.regime && s.matches(r)),
      );
      expect(mine).toHaveLength(b.rows);
      for (const r of mine) {
        expect(r.truthPct).toBeGreaterThanOrEqual(b.lowerPct);
        expect(r.truthPct).toBeLessThanOrEqual(b.upperPct);
      }
    }
    // The throughput rows are not symmetric about the prediction.
    const t = table.bands.find((b) => b.quantity === 'throughput' && b.regime === 'all')!;
    expect(t.lowerPct).not.toBe(-t.upperPct);
  });

  it('leaves out informational rows and reads time rows as inverse throughput', () => {
    const br = bandRowsOf(rows);
    expect(br.some((r) => r.case === 'Llama 3 8B GPU-hours')).toBe(false);
    const it = rows.find((r) => r.quantity === 'iteration-seconds' && r.context)!;
    const b = br.find((r) => r.case === it.case)!;
    expect(b.band).toBe('throughput');
    // took longer than predicted (measured > predicted) = slower than predicted: truth below.
    expect(Math.sign(b.truthPct)).toBe(Math.sign(it.predicted - it.measured));
  });

  it('a regime without rows falls back to the nearest broader one, widened, and says so', () => {
    const q = bandFor(
      'memory',
      input({ model: 'deepseek-llm-7b-base', method: 'qlora', gpu: 'h100-sxm5-80gb' }),
      catalog,
    );
    expect(q.level).toBe('broader');
    expect(q.regime).toBe('qlora/no-recompute');
    const broader = STORED_BANDS.bands.find((b) => b.quantity === 'memory' && b.regime === q.basedOn)!;
    expect(q.upperPct).toBeCloseTo(broader.upperPct * EXTRAPOLATION_WIDENING.value, 6);
    expect(q.basis).toMatch(/no validation rows for QLoRA/);
    const own = bandFor(
      'memory',
      input({ model: 'deepseek-llm-7b-base', method: 'lora', gpu: 'h100-sxm5-80gb' }),
      catalog,
    );
    expect(own.level).toBe('regime');
    expect(own.basis).toMatch(/^\d+ validation rows: LoRA, no recompute \(worst/);
    const v100 = bandFor(
      'throughput',
      input({ model: 'deepseek-llm-7b-base', method: 'lora', gpu: 'v100-sxm2-32gb', precision: 'fp16-mixed' }),
      catalog,
    );
    expect(v100.level).toBe('broader');
    expect(v100.upperPct - v100.lowerPct).toBeGreaterThan(own.upperPct - own.lowerPct);
  });

  it('with no rows at all, the floor widened for extrapolation', () => {
    const empty = { ...STORED_BANDS, bands: [], rows: [] };
    const b = bandForKeys('power', { method: 'full', recompute: 'none', gpuFamily: 'cdna3', paramsTotal: 7e9 }, empty);
    expect(b.level).toBe('floor');
    expect(b.upperPct).toBe(BAND_FLOOR.power.value * EXTRAPOLATION_WIDENING.value);
    expect(b.basis).toMatch(/floor widened/);
  });
});
