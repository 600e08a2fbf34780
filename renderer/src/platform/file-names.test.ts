import { describe, expect, it } from 'vitest';
import { safeFileName, scenarioFileName, withExtension } from './file-names';

describe('download names', () => {
  it('are safe file names on every system', () => {
    expect(safeFileName('Q3: 8×H100 / cloud?')).toBe('Q3- 8×H100 - cloud-');
    expect(safeFileName('')).toBe('scenario');
  });

  it('carry the right extension exactly once', () => {
    expect(scenarioFileName('Q3 plan')).toBe('Q3 plan.gpuplan.json');
    expect(scenarioFileName('q3.gpuplan.json')).toBe('q3.gpuplan.json');
    expect(withExtension('comparison', '.xlsx')).toBe('comparison.xlsx');
    expect(withExtension('comparison.CSV', '.csv')).toBe('comparison.CSV');
  });
});
