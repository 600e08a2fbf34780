import { describe, expect, it } from 'vitest';
import { CatalogError, loadShippedGpus } from './index';
import gpus from './gpus.json';

const REQUIRED_BY_CONTRACT = [
  'v100-sxm2-32gb',
  'a100-sxm4-40gb',
  'a100-sxm4-80gb',
  'h100-sxm5-80gb',
  'h100-pcie-80gb',
  'h200-sxm-141gb',
  'h800-sxm-80gb',
  'rtx-4090-24gb',
  'l40s-48gb',
];

describe('shipped GPU catalog', () => {
  it('validates and holds every GPU id the estimate contract requires', () => {
    const ids = loadShippedGpus().map((g) => g.id);
    for (const id of REQUIRED_BY_CONTRACT) expect(ids).toContain(id);
  });

  it('names the row and the field of a malformed entry', () => {
    // Arrange: a copy with a negative bandwidth on the fourth row and a missing name on the second.
    const bad = structuredClone(gpus) as Record<string, unknown>[];
    (bad[3] as { memoryBandwidthTBs: number }).memoryBandwidthTBs = -1;
    delete (bad[1] as { name?: string }).name;
    // Act + Assert
    let error: unknown;
    try {
      loadShippedGpus(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const problems = (error as CatalogError).problems;
    expect(problems).toContain('row 4 (h100-sxm5-80gb), field memoryBandwidthTBs: must be > 0');
    expect(problems.some((p) => p.startsWith('row 2 (a100-sxm4-40gb), field name:'))).toBe(true);
  });

  it('rejects duplicate ids and a non-array file', () => {
    const dup = [gpus[0], gpus[0]];
    expect(() => loadShippedGpus(dup)).toThrow(/row 2 \(v100-sxm2-32gb\), field id: duplicates row 1/);
    expect(() => loadShippedGpus({})).toThrow(/JSON array/);
  });
});
