import { describe, expect, it } from 'vitest';
import { parseEstimateInput } from './input';

const base = {
  model: 'deepseek-llm-7b-base',
  method: 'lora',
  precision: 'bf16-mixed',
  seqLen: 2048,
  microBatch: 1,
  gpu: 'h100-sxm5-80gb',
};
const error = (raw: unknown) => {
  const r = parseEstimateInput(raw);
  return r.ok ? null : r.error;
};

describe('parseEstimateInput', () => {
  it('fills the contract defaults', () => {
    const r = parseEstimateInput(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      lora: { rank: 16, targets: 'all-linear' },
      optimizer: 'adamw',
      gradAccum: 1,
      recompute: 'none',
      attention: 'flash',
      gpus: 1,
      gpusPerNode: 1,
      interconnect: null,
      parallel: { tp: 1, pp: 1, ep: 1, sp: false, zero: 0, offload: 'none' },
      trainingTokens: null,
    });
  });

  it('defaults gpusPerNode to min(gpus, 8)', () => {
    const r = parseEstimateInput({ ...base, gpus: 64 });
    expect(r.ok && r.input.gpusPerNode).toBe(8);
  });

  it.each([
    [{ ...base, seqLen: -5 }, 'seqLen: must be a whole number of tokens from 1 to 10000000'],
    [{ ...base, microBatch: 2.5 }, 'microBatch: must be a whole number of sequences from 1 to 1000000'],
    [{ ...base, method: undefined }, 'method: is required (must be one of "full", "lora", "qlora")'],
    [
      { ...base, precision: 'int4' },
      'precision: must be one of "bf16-mixed", "fp16-mixed", "bf16", "fp32", "fp8-mixed"',
    ],
    [{ ...base, gpus: 8, parallel: { tp: 3 } }, 'parallel.tp: tp x pp (3) must divide gpus (8)'],
    [
      { ...base, gpus: 8, parallel: { tp: 2, ep: 3 } },
      'parallel.ep: must divide the data-parallel degree gpus / (tp x pp) = 4',
    ],
    [{ ...base, parallel: { zero: 5 } }, 'parallel.zero: must be 0, 1, 2 or 3'],
    [{ ...base, parallel: { offload: 'optimizer' } }, 'parallel.offload: needs ZeRO stage 1-3 ("none" with zero 0)'],
    [{ ...base, gpus: 16, gpusPerNode: 6 }, 'gpusPerNode: must divide gpus (16)'],
    [{ ...base, lora: { rank: 0 } }, 'lora.rank: must be a whole number from 1 to 4096'],
    [{ ...base, trainingTokens: -1 }, 'trainingTokens: must be a number of tokens > 0'],
    [{ ...base, colour: 'red' }, 'colour: is not a known field'],
    [
      { ...base, model: { layers: 2 } },
      'model.hidden: is required (must be a whole number of hidden units from 1 to 262144)',
    ],
    [
      { ...base, model: { layers: 2, hidden: 64, intermediate: 128, heads: 3, vocab: 100 } },
      'model.heads: must divide hidden (64) evenly',
    ],
    ['not an object', '(input): must be a JSON object'],
  ])('names the field and the allowed range: %j', (raw, message) => {
    expect(error(raw)).toBe(message);
  });

  it('accepts an architecture object with MoE and MLA', () => {
    const r = parseEstimateInput({
      ...base,
      model: {
        layers: 4,
        hidden: 1024,
        intermediate: 4096,
        heads: 8,
        vocab: 1000,
        moe: { experts: 8, activeExperts: 2, expertIntermediate: 512 },
        mla: { qLoraRank: 0, kvLoraRank: 128, qkNopeHeadDim: 64, qkRopeHeadDim: 32, vHeadDim: 64 },
      },
    });
    expect(r.ok).toBe(true);
    if (r.ok && typeof r.input.model === 'object')
      expect(r.input.model.moe).toMatchObject({ sharedExperts: 0, denseLayers: 0 });
  });

  it('reads back an input it filled in (null = not given), so a stored calibration or saved input re-parses the same', () => {
    const first = parseEstimateInput(base);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.input.interconnect).toBeNull();
    expect(first.input.trainingTokens).toBeNull();
    const again = parseEstimateInput(JSON.parse(JSON.stringify(first.input)));
    expect(again).toEqual(first);
  });
});
