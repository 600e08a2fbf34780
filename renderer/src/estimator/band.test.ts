import { describe, expect, it } from 'vitest';
import { bandText, inverseBand } from './band';

describe('bandText', () => {
  it('writes a symmetric band once, with ±', () => {
    expect(bandText({ lowerPct: -4, upperPct: 4 }, 'en')).toBe('± 4%');
  });

  it('writes both ends of an asymmetric band, to a tenth of a percent', () => {
    expect(bandText({ lowerPct: -10, upperPct: 15 }, 'en')).toBe('−10% / +15%');
    expect(bandText({ lowerPct: -2.5, upperPct: 3.25 }, 'en')).toBe('−2.5% / +3.3%');
  });
});

describe('inverseBand', () => {
  it('turns a speed band into the step-time band: 25% faster is a 20% shorter step', () => {
    const step = inverseBand({ lowerPct: -20, upperPct: 25 });
    expect(step.lowerPct).toBeCloseTo(-20, 10);
    expect(step.upperPct).toBeCloseTo(25, 10);
    const other = inverseBand({ lowerPct: -10, upperPct: 15 });
    expect(other.lowerPct).toBeCloseTo((1 / 1.15 - 1) * 100, 10);
    expect(other.upperPct).toBeCloseTo((1 / 0.9 - 1) * 100, 10);
  });
});
