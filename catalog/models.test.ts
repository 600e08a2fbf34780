import { describe, expect, it } from 'vitest';
import { paramCounts } from '../estimator/training/parameters';
import { shapeOf } from '../estimator/training/shape';
import { CatalogError } from './index';
import { loadShippedModels } from './models';
import models from './models.json';

/** Preset ids ../shared/contracts/estimate.md requires. */
const REQUIRED = [
  'deepseek-coder-1.3b-base',
  'deepseek-coder-6.7b-base',
  'deepseek-coder-33b-base',
  'deepseek-llm-7b-base',
  'deepseek-llm-67b-base',
  'deepseek-v2-lite',
  'deepseek-v3',
  'deepseek-r1',
  'deepseek-r1-distill-qwen-1.5b',
  'deepseek-r1-distill-qwen-7b',
  'deepseek-r1-distill-qwen-14b',
  'deepseek-r1-distill-qwen-32b',
  'deepseek-r1-distill-llama-8b',
  'deepseek-r1-distill-llama-70b',
  'llama-2-7b',
  'llama-2-70b',
  'llama-3.1-8b',
  'llama-3.1-70b',
  'llama-3.1-405b',
];

describe('model presets', () => {
  const presets = loadShippedModels();

  it('holds every preset id the estimate contract requires, each with a source', () => {
    const ids = presets.map((p) => p.id);
    for (const id of REQUIRED) expect(ids).toContain(id);
    for (const p of presets) {
      expect(p.source).toMatch(/^https:\/\/|arXiv/);
      expect(p.published.source.length).toBeGreaterThan(10);
    }
  });

  it.each(REQUIRED)('%s: parameter count within 1% of the published total', (id) => {
    const p = presets.find((m) => m.id === id);
    if (!p) throw new Error(`missing ${id}`);
    const total = paramCounts(shapeOf(p.architecture)).total;
    expect(Math.abs(total / p.published.totalParams - 1)).toBeLessThan(0.01);
  });

  it('MoE presets: active parameters (without the embedding lookup) within 3% of the rounded published figure', () => {
    for (const id of ['deepseek-v3', 'deepseek-r1', 'deepseek-v2-lite']) {
      const p = presets.find((m) => m.id === id);
      if (!p?.published.activeParams) throw new Error(`missing ${id}`);
      const c = paramCounts(shapeOf(p.architecture));
      expect(Math.abs((c.active - c.embedding) / p.published.activeParams - 1)).toBeLessThan(0.03);
    }
  });

  it('DeepSeek-V3 is 671B total / 37B active, V2-Lite 15.7B / 2.4B', () => {
    const count = (id: string) => paramCounts(shapeOf(presets.find((m) => m.id === id)!.architecture));
    expect(count('deepseek-v3').total / 1e9).toBeCloseTo(671, 0);
    expect(count('deepseek-v2-lite').total / 1e9).toBeCloseTo(15.7, 1);
  });

  it('names the row and field of a malformed preset', () => {
    // Arrange: a hidden size the 32 heads do not divide, on the second row.
    const bad = structuredClone(models) as { architecture: { hidden: number } }[];
    (bad[1] as { architecture: { hidden: number } }).architecture.hidden = 4100;
    // Act
    let error: unknown;
    try {
      loadShippedModels(bad);
    } catch (e) {
      error = e;
    }
    // Assert
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).problems[0]).toMatch(
      /^row 2 \(deepseek-coder-6.7b-base\), field architecture.heads: must divide hidden/,
    );
  });
});
