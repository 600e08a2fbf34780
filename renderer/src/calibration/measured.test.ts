import { describe, expect, it } from 'vitest';
import { EMPTY_MEASURED, formOf, measurementOf } from './measured';

describe('measurementOf', () => {
  it('turns GB into bytes and leaves empty fields out', () => {
    expect(measurementOf({ ...EMPTY_MEASURED, peakMemoryGB: '52.5', tokensPerSecond: '7,800' })).toEqual({
      measured: { peakMemoryBytes: 52.5e9, tokensPerSecond: 7800 },
      invalid: [],
    });
  });

  it('names every field whose text is not a number, and passes negative numbers on for the domain to refuse', () => {
    const { measured, invalid } = measurementOf({ peakMemoryGB: '12 GB', tokensPerSecond: '-3', gpuWatts: '1.2.3' });
    expect(invalid).toEqual(['peakMemoryGB', 'gpuWatts']);
    expect(measured).toEqual({ tokensPerSecond: -3 });
  });
});

describe('formOf', () => {
  it('shows a parsed measurement back in the form’s units', () => {
    expect(formOf({ peakMemoryBytes: 31_234_567_890, gpuWatts: 612.345 })).toEqual({
      peakMemoryGB: '31.235',
      tokensPerSecond: '',
      gpuWatts: '612.3',
    });
  });
});
