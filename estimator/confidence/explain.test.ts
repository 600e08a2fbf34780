import { describe, expect, it } from 'vitest';
import { run } from '../cli/estimate';
import { shippedCatalog } from '../cli/catalog';
import { estimate } from '../training/estimate';
import { LORA_7B_H100, parsed } from '../training/testing';
import { isEstimateError } from '../training/types';
import { STORED_BANDS } from './bands';
import { fitCalibration } from './calibrate';
import { explainEstimate } from './explain';
import type { Derivation, EstimateWithConfidence } from './types';
import { estimateWithConfidence } from './with-confidence';

const catalog = shippedCatalog();
const raw = { ...LORA_7B_H100, trainingTokens: 1e9 };
const input = parsed(raw);

const field = (e: EstimateWithConfidence, id: string): number => {
  const [group, name] = id.split('.') as [string, string];
  if (group === 'memory')
    return name === 'peak' ? e.memory.peakBytesPerGpu : e.memory.breakdown[name as keyof typeof e.memory.breakdown];
  if (group === 'throughput') return e.throughput[name as 'stepSeconds' | 'tokensPerSecond' | 'mfu'];
  if (group === 'power') return e.power[name as 'gpuWatts' | 'nodeWatts'];
  if (group === 'time') return e.time!.seconds;
  return e.energy!.kWh;
};

describe('explainEstimate', () => {
  it('shows the same numbers the CLI prints for the same input (npm run -s estimate -- --explain)', () => {
    const out = run(JSON.stringify(raw), catalog, { explain: true });
    expect(out.code).toBe(0);
    const printed = JSON.parse(out.stdout) as EstimateWithConfidence & { derivations: Derivation[] };
    const mine = explainEstimate(input, catalog);
    expect(JSON.parse(JSON.stringify(mine))).toEqual(printed.derivations);
    expect(mine.map((d) => d.id)).toEqual([
      'memory.weights',
      'memory.gradients',
      'memory.optimizer',
      'memory.activations',
      'memory.logits',
      'memory.other',
      'memory.peak',
      'throughput.stepSeconds',
      'throughput.tokensPerSecond',
      'throughput.mfu',
      'power.gpuWatts',
      'power.nodeWatts',
      'time.seconds',
      'energy.kWh',
    ]);
    for (const d of mine) expect(d.value).toBe(field(printed, d.id));
  });

  it('gives every figure a formula, inputs with units, constants with sources, and the nearest validation rows', () => {
    for (const d of explainEstimate(input, catalog)) {
      expect(d.formula.length).toBeGreaterThan(10);
      expect(d.inputs.length).toBeGreaterThan(0);
      for (const c of d.constants) expect(c.source.length).toBeGreaterThan(5);
      expect(d.nearestRows).toHaveLength(3);
      for (const r of d.nearestRows)
        expect(STORED_BANDS.rows.some((x) => x.case === r.case && x.quantity === r.quantity)).toBe(true);
    }
    const peak = explainEstimate(input, catalog).find((d) => d.id === 'memory.peak')!;
    expect(peak.band?.regime).toBe('lora/no-recompute');
    // The nearest memory row to a 7B LoRA on an H100 is the measured 7B LoRA on an H100.
    expect(peak.nearestRows[0]?.case).toBe('h100-c07');
    // A plain estimate() is explained with its configuration's bands too.
    const plain = estimate(input, catalog);
    if (isEstimateError(plain)) throw new Error(plain.error);
    expect(explainEstimate(input, catalog, plain).find((d) => d.id === 'memory.peak')?.band).toEqual(peak.band);
    expect(peak.constants.map((c) => c.name)).toEqual(
      expect.arrayContaining(['reservedOverAllocated', 'cudaContextBytes']),
    );
  });

  it('explains a calibrated estimate with its numbers and the factor as a constant', () => {
    const c = fitCalibration(input, { tokensPerSecond: 7000 }, catalog, { id: 'k', date: '2026-11-23' });
    if (!c.ok) throw new Error(c.errors.join());
    const e = estimateWithConfidence(input, catalog, [c.calibration]);
    if (isEstimateError(e)) throw new Error(e.error);
    const tps = explainEstimate(input, catalog, e).find((d) => d.id === 'throughput.tokensPerSecond')!;
    expect(tps.value).toBeCloseTo(7000, 6);
    expect(tps.constants.map((x) => x.name)).toContain('calibration.throughput');
  });
});
