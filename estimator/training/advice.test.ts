import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from './estimate';
import { parseEstimateInput } from './input';
import { catalog, est } from './testing';
import { isEstimateError, type Estimate } from './types';

/**
 * "Does not fit" advice (notes.ts, advice.ts): every remedy the note names is re-estimated, fits when applied, and
 * comes with the GB per GPU it leads to; the smallest change comes first.
 */
type Raw = Record<string, unknown>;
type Params = Record<string, string | number>;

const ds67 = {
  model: 'deepseek-llm-67b-base',
  method: 'full',
  precision: 'bf16-mixed',
  seqLen: 4096,
  microBatch: 1,
  gradAccum: 4,
  recompute: 'full',
  gpu: 'h800-sxm-80gb',
};
const qwen32qlora = {
  model: 'deepseek-r1-distill-qwen-32b',
  method: 'qlora',
  precision: 'bf16-mixed',
  seqLen: 2048,
  microBatch: 1,
  recompute: 'full',
  gpu: 'rtx-4090-24gb',
};

const fitCode = (e: Estimate) => e.noteCodes.find((c) => c.code.startsWith('doesNotFit'));
const fitNote = (e: Estimate) => e.notes.find((n) => n.startsWith('does not fit:')) ?? '';

/** The remedies of a fit note: each one's code and its own params (prefix `remedyN` stripped, first letter lowered). */
function remediesOf(params: Params): { code: string; p: Params; withSavers?: boolean }[] {
  const out: { code: string; p: Params; withSavers?: boolean }[] = [];
  for (let i = 1; i <= Number(params.remedies ?? 0); i++) {
    const prefix = `remedy${i}`;
    const p: Params = {};
    for (const [k, v] of Object.entries(params))
      if (k.startsWith(prefix) && k !== prefix)
        p[k.charAt(prefix.length).toLowerCase() + k.slice(prefix.length + 1)] = v;
    out.push({ code: String(params[prefix]), p });
  }
  return out;
}

/** The input a remedy turns `raw` into (on top of the savers of a combined note). */
function applied(raw: Raw, code: string, p: Params, savers: Params = {}): Raw {
  const parallel = { ...((raw.parallel as Raw | undefined) ?? {}) };
  const out: Raw = { ...raw, parallel };
  if (Number(savers.withRecompute ?? 0) === 1) out.recompute = 'full';
  if (Number(savers.withMicroBatch ?? 0) > 0) {
    out.microBatch = Number(savers.withMicroBatch);
    out.gradAccum = Number(savers.withGradAccum);
  }
  if (code === 'recompute') out.recompute = 'full';
  else if (code === 'microBatch' || code === 'recomputeMicroBatch') {
    out.microBatch = p.microBatch;
    out.gradAccum = p.gradAccum;
    if (code === 'recomputeMicroBatch') out.recompute = 'full';
  } else if (code === 'zero') parallel.zero = p.stage;
  else if (code === 'offloadOptimizer') Object.assign(parallel, { zero: p.stage, offload: 'optimizer' });
  else if (code === 'offloadParams') Object.assign(parallel, { zero: 3, offload: 'optimizer+params' });
  else if (code === 'moreGpus' || code === 'moreGpusZero') {
    out.gpus = p.gpus;
    out.gpusPerNode = p.gpusPerNode;
    if (code === 'moreGpusZero') parallel.zero = p.stage;
  } else if (code === 'biggerGpu') out.gpu = p.gpuId;
  else if (code === 'lora' || code === 'qlora') out.method = code;
  else throw new Error(`unknown remedy ${code}`);
  return out;
}

/** Every remedy of the note, applied, fits with the GB per GPU the note states. */
function expectRemediesFit(raw: Raw, e: Estimate) {
  const c = fitCode(e);
  expect(c, e.notes.join(' | ')).toBeDefined();
  const rs = remediesOf(c!.params);
  // Combined remedies fit once the savers (recompute, micro-batch 1) are applied too: all of them in a combined note,
  // those after the first `alone` in a note that has both.
  const alone = c!.code === 'doesNotFitCombined' ? 0 : Number(c!.params.alone ?? rs.length);
  rs.forEach((r, i) => {
    if (i >= alone) r.withSavers = true;
  });
  for (const { code, p, withSavers } of rs) {
    const savers = withSavers ? c!.params : {};
    const after = est(applied(raw, code, p, savers));
    expect(after.memory.fitsConfidence, `${code} ${JSON.stringify(p)}`).toBe('fits');
    expect(Number(p.gb)).toBeCloseTo(after.memory.requiredBytesPerGpu / 1e9, 1);
    if (code === 'moreGpus' || code === 'moreGpusZero') {
      // The smallest count: one step fewer (a node fewer, or one model-parallel unit fewer inside a node) does not fit.
      const parallel = (raw.parallel as Raw | undefined) ?? {};
      const unit = Number(parallel.tp ?? 1) * Number(parallel.pp ?? 1) * Number(parallel.ep ?? 1);
      const n = Number(p.gpus);
      const perNode = Number(p.gpusPerNode);
      const fewer = n > perNode ? n - perNode : n - unit;
      if (fewer > Number(raw.gpus ?? 1)) {
        const q = { ...p, gpus: fewer, gpusPerNode: n > perNode ? perNode : fewer };
        expect(est(applied(raw, code, q, savers)).memory.fitsConfidence, `${code} ${fewer}`).not.toBe('fits');
      }
    }
  }
  return rs;
}

describe('does-not-fit advice re-estimates each remedy', () => {
  it('67B full fine-tune, ZeRO-1 on 8 H800s: never "ZeRO-3 over 8 GPUs" (that needs ~180 GB); what it names fits', () => {
    const raw = { ...ds67, gpus: 8, parallel: { zero: 1 } };
    const e = est(raw);
    expect(e.memory.fitsConfidence).toBe('does-not-fit');
    expect(est({ ...raw, parallel: { zero: 3 } }).memory.requiredBytesPerGpu / 1e9).toBeGreaterThan(170);
    expect(fitNote(e)).not.toMatch(/ZeRO-3 over 8 GPUs/);
    const rs = expectRemediesFit(raw, e);
    expect(rs.length).toBeGreaterThan(0);
    // More GPUs of the same kind: the smallest count that fits (whole 8-GPU nodes), with ZeRO-3.
    const more = rs.find((r) => r.code === 'moreGpusZero');
    expect(more?.p).toMatchObject({ stage: 3 });
    const n = Number(more!.p.gpus);
    expect(n % 8).toBe(0);
    expect(est({ ...raw, gpus: n - 8, parallel: { zero: 3 } }).memory.fitsConfidence).not.toBe('fits');
    expect(fitNote(e)).toMatch(new RegExp(`ZeRO-3 over ${n} GPUs \\(\\d+\\.\\d GB per GPU\\)`));
  });

  it('67B ZeRO-3 on 16 H800s (98.7 GB needed): suggests more GPUs, the smallest count that fits', () => {
    const raw = { ...ds67, gpus: 16, parallel: { zero: 3 } };
    const e = est(raw);
    expect(e.memory.requiredBytesPerGpu / 1e9).toBeCloseTo(98.7, 0);
    const rs = expectRemediesFit(raw, e);
    const more = rs.find((r) => r.code === 'moreGpus');
    expect(more, fitNote(e)).toBeDefined();
    const n = Number(more!.p.gpus);
    expect(est({ ...raw, gpus: n - 8 }).memory.fitsConfidence).not.toBe('fits');
    expect(fitNote(e)).toMatch(new RegExp(`${n} GPUs \\(\\d+\\.\\d GB per GPU\\)`));
  });

  it('32B QLoRA on one RTX 4090: names what to try (no dangling "try ")', () => {
    const e = est(qwen32qlora);
    expect(e.memory.fitsConfidence).toBe('does-not-fit');
    const note = fitNote(e);
    expect(note).not.toMatch(/try\s*$/);
    expect(note).toMatch(/; try \S/);
    const rs = expectRemediesFit(qwen32qlora, e);
    // Nothing cheaper applies (recompute is on, micro-batch 1, one GPU): more 4090s or a bigger GPU.
    expect(rs.map((r) => r.code)).toEqual(expect.arrayContaining(['moreGpusZero', 'biggerGpu']));
  });

  it('orders remedies smallest change first and states the GB per GPU of each', () => {
    const raw = {
      model: 'deepseek-llm-7b-base',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 4,
      gpus: 8,
      gpu: 'a100-sxm4-80gb',
      parallel: { zero: 1 },
    };
    const e = est(raw);
    expect(e.memory.fitsConfidence).toBe('does-not-fit');
    const rs = expectRemediesFit(raw, e);
    // Recompute, then the largest smaller micro-batch that fits (2, not 1), then the lowest ZeRO stage that fits.
    expect(rs.map((r) => r.code)).toEqual(['recompute', 'microBatch', 'zero']);
    expect(rs[1]?.p).toMatchObject({ microBatch: 2, gradAccum: 2 });
    expect(rs[2]?.p).toMatchObject({ stage: 3 });
    expect(est({ ...raw, parallel: { zero: 2 } }).memory.fitsConfidence).not.toBe('fits');
    for (const r of rs) expect(fitNote(e)).toContain(`${Number(r.p.gb).toFixed(1)} GB per GPU`);
  });

  it('when no single change fits, combines recompute and a smaller micro-batch with the rest', () => {
    const raw = { ...ds67, recompute: 'none', microBatch: 2, gradAccum: 2, gpus: 8, parallel: { zero: 1 } };
    const e = est(raw);
    expect(fitCode(e)?.code).toBe('doesNotFitCombined');
    expect(fitNote(e)).toMatch(/no single change fits: with recompute "full" \(gradient checkpointing\)/);
    expectRemediesFit(raw, e);
  });

  it('with room left, adds what fits together with recompute and a smaller micro-batch (7B full on 8 V100s)', () => {
    const raw = {
      model: 'deepseek-llm-7b-base',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 2048,
      microBatch: 4,
      gpus: 8,
      gpu: 'v100-sxm2-32gb',
      parallel: { zero: 1 },
    };
    const e = est(raw);
    expect(fitCode(e)?.code).toBe('doesNotFitBoth');
    expect(fitNote(e)).toMatch(
      /; or, with recompute "full" \(gradient checkpointing\) and micro-batch 1 and gradAccum 4, ZeRO-\d/,
    );
    const rs = expectRemediesFit(raw, e);
    expect(rs.filter((r) => r.withSavers).length).toBeGreaterThan(0);
    // A kind is listed once: the bigger GPU alone is not listed again with the savers.
    const kinds = rs.map((r) => r.code.replace(/Zero$|Optimizer$|Params$/, ''));
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('says so when nothing in reach fits', () => {
    const e = est({
      model: 'deepseek-v3',
      method: 'full',
      precision: 'fp32',
      seqLen: 8192,
      microBatch: 1,
      gpu: 'jetson-agx-orin-64gb',
    });
    expect(fitCode(e)?.code).toBe('doesNotFitNothing');
    expect(fitNote(e)).not.toMatch(/try\s*$/);
  });

  const arb = fc.record({
    model: fc.constantFrom('deepseek-llm-7b-base', 'llama-3.1-8b', 'deepseek-v2-lite', 'deepseek-r1-distill-qwen-32b'),
    method: fc.constantFrom('full', 'lora', 'qlora'),
    precision: fc.constantFrom('bf16-mixed', 'fp16-mixed', 'bf16'),
    seqLen: fc.constantFrom(2048, 8192),
    microBatch: fc.constantFrom(1, 2, 4),
    recompute: fc.constantFrom('none', 'full'),
    gpu: fc.constantFrom('v100-sxm2-32gb', 'rtx-4090-24gb', 'a100-sxm4-40gb', 'l40s-48gb'),
    layout: fc.constantFrom(
      { gpus: 1, parallel: {} },
      { gpus: 4, parallel: {} },
      { gpus: 8, parallel: { zero: 1 } },
      { gpus: 8, parallel: { zero: 3 } },
      { gpus: 8, parallel: { tp: 2, zero: 1 } },
    ),
  });

  it('every remedy named fits when applied (property)', () => {
    fc.assert(
      fc.property(arb, ({ layout, ...rest }) => {
        const raw = { ...rest, ...layout };
        const p = parseEstimateInput(raw);
        if (!p.ok) return;
        const e = estimate(p.input, catalog);
        if (isEstimateError(e) || e.memory.fitsConfidence !== 'does-not-fit') return;
        expect(fitNote(e)).not.toMatch(/try\s*$/);
        expectRemediesFit(raw, e);
      }),
      { numRuns: 120 },
    );
  });
});
