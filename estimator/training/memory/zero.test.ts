import { describe, expect, it } from 'vitest';
import { DEEPSPEED_ADAM, totalStates, ZERO_PAPER_ADAM, zeroModelStates } from './zero';

const GB = 1e9;
const GiB = 2 ** 30;

describe('ZeRO model states', () => {
  it.each([
    [0, 120],
    [1, 31.4],
    [2, 16.6],
    [3, 1.9],
  ])('ZeRO paper figure 1: 7.5B params on 64 GPUs, stage %i = %f GB per GPU (±2%)', (stage, gb) => {
    const bytes = totalStates(zeroModelStates(7.5e9, 0, ZERO_PAPER_ADAM, stage, 64, 'none'));
    expect(Math.abs(bytes / GB / gb - 1)).toBeLessThan(0.02);
  });

  it.each([
    [3, 'none', 6.1],
    [3, 'optimizer', 0.79],
    [3, 'optimizer+params', 0.12],
    [2, 'optimizer', 5.31],
    [2, 'none', 11.3],
  ] as const)(
    'DeepSpeed estimators, t5-3b on 8 GPUs: ZeRO-%i offload %s = %f GiB (current code, ±2%)',
    (stage, offload, gib) => {
      const bytes = totalStates(zeroModelStates(2851e6, 32e6, DEEPSPEED_ADAM, stage, 8, offload));
      expect(Math.abs(bytes / GiB / gib - 1)).toBeLessThan(0.02);
    },
  );

  it('mixed-precision Adam without ZeRO is 16 bytes per parameter (GPT-2 1.5B: 24 GB)', () => {
    expect(totalStates(zeroModelStates(1.5e9, 0, ZERO_PAPER_ADAM, 0, 1, 'none')) / GB).toBeCloseTo(24, 6);
  });
});
