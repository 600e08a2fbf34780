import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../cli/catalog';
import { requiredFor } from '../training/memory';
import { LORA_7B_H100, parsed } from '../training/testing';
import { isEstimateError, type Estimate } from '../training/types';
import type { EstimatorCatalog } from '../training/catalog';
import { estimateWithConfidence } from './with-confidence';

const shipped = shippedCatalog();
const input = parsed(LORA_7B_H100);

/** The shipped catalog with the H100's memory set so that `capacityBytes` is exactly the given bytes. */
const withCapacity = (capacityBytes: number): EstimatorCatalog => ({
  ...shipped,
  gpus: shipped.gpus.map((g) => (g.id === input.gpu ? { ...g, memoryGB: capacityBytes / 2 ** 30 } : g)),
});
const run = (catalog: EstimatorCatalog): Estimate & { bands: { memory: { upperPct: number } } } => {
  const e = estimateWithConfidence(input, catalog);
  if (isEstimateError(e)) throw new Error(e.error);
  return e;
};

describe('the fit verdict and its note use the validated memory band of the regime', () => {
  const peak = run(shipped).memory.peakBytesPerGpu;
  const band = run(shipped).bands.memory.upperPct; // LoRA, no recompute: 3% today (bands.json)

  it('a GPU with room for the band’s high end but not for ±6% fits, and says nothing of "tight"', () => {
    const e = run(withCapacity(requiredFor(peak * (1 + (band + 6) / 200))));
    expect(band).toBeLessThan(6);
    expect(e.memory.fitsConfidence).toBe('fits');
    expect(e.notes.some((n) => n.startsWith('tight'))).toBe(false);
  });

  it('a GPU inside the band is tight, and the note names the band it was judged with', () => {
    const e = run(withCapacity(requiredFor(peak * (1 + band / 200))));
    expect(e.memory.fitsConfidence).toBe('tight');
    expect(e.memory.fits).toBe(true);
    const tight = e.noteCodes.find((c) => c.code === 'tight')!;
    expect(tight.params.band).toBe(`±${band}%`);
    expect(e.notes).toContain(
      `tight: ${tight.params.needed} GB needed, ${tight.params.capacity} GB per GPU; the estimate's ±${band}% band crosses the GPU's capacity`,
    );
  });
});
