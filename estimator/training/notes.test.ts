import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate } from './estimate';
import { parseEstimateInput } from './input';
import { NOTE_CODES, REMEDY_CODES } from './notes';
import { catalog, est } from './testing';
import { isEstimateError } from './types';

/** Notes carry a code and its parameters, one per note, so the app can say them in the user's language. */
describe('noteCodes', () => {
  it('runs parallel to notes: one code per note, with the numbers the English text shows', () => {
    const e = est({
      model: 'deepseek-llm-7b-base',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 4096,
      microBatch: 4,
      gpu: 'v100-sxm2-32gb',
      gpus: 16,
      gpusPerNode: 8,
      interconnect: 'ethernet-10g',
      parallel: { tp: 16, zero: 2, pp: 1 },
    });
    expect(e.noteCodes).toHaveLength(e.notes.length);
    expect(e.noteCodes.map((c) => c.code)).toEqual(
      expect.arrayContaining(['precisionNoBf16', 'doesNotFit', 'tpSpansNodes', 'communicationBound']),
    );
    const i = e.noteCodes.findIndex((c) => c.code === 'precisionNoBf16');
    expect(e.notes[i]).toContain(String(e.noteCodes[i]!.params.gpu));
    const f = e.noteCodes.findIndex((c) => c.code.startsWith('doesNotFit'));
    expect(e.notes[f]).toContain(`${e.noteCodes[f]!.params.needed} GB needed`);
  });

  it('every code and remedy the estimator emits is a declared one, and params are strings or finite numbers (property)', () => {
    const arb = fc.record({
      model: fc.constantFrom('deepseek-coder-1.3b-base', 'deepseek-llm-7b-base', 'deepseek-v2-lite', 'llama-3.1-70b'),
      method: fc.constantFrom('full', 'lora', 'qlora'),
      precision: fc.constantFrom('bf16-mixed', 'fp16-mixed', 'fp8-mixed'),
      seqLen: fc.constantFrom(512, 4096, 16384),
      microBatch: fc.constantFrom(1, 8),
      gradAccum: fc.constantFrom(1, 2),
      recompute: fc.constantFrom('none', 'full', 'selective'),
      gpu: fc.constantFrom('v100-sxm2-32gb', 'h100-nvl-94gb', 'rtx-4090-24gb', 'h800-sxm-80gb', 'a100-sxm4-40gb'),
      interconnect: fc.constantFrom('ethernet-10g', 'infiniband-ndr'),
      layout: fc.constantFrom(
        { gpus: 1, parallel: {} },
        { gpus: 4, parallel: { tp: 4 } },
        { gpus: 16, gpusPerNode: 8, parallel: { tp: 16 } },
        { gpus: 8, parallel: { pp: 4, zero: 2 } },
        { gpus: 64, gpusPerNode: 8, parallel: { zero: 3 } },
      ),
    });
    const seen = new Set<string>();
    fc.assert(
      fc.property(arb, ({ layout, ...rest }) => {
        const p = parseEstimateInput({ ...rest, ...layout });
        if (!p.ok) return;
        const e = estimate(p.input, catalog);
        if (isEstimateError(e)) return;
        expect(e.noteCodes).toHaveLength(e.notes.length);
        for (const c of e.noteCodes) {
          seen.add(c.code);
          expect(NOTE_CODES).toContain(c.code);
          for (const v of Object.values(c.params)) expect(typeof v === 'string' || Number.isFinite(v)).toBe(true);
          for (let r = 1; r <= Number(c.params.remedies ?? 0); r++)
            expect(REMEDY_CODES).toContain(c.params[`remedy${r}`]);
        }
      }),
      { numRuns: 200 },
    );
    expect(seen.size).toBeGreaterThan(4);
  });
});
