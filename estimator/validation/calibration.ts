/** One line of ../shared/calibration/measured.jsonl: an estimate input and what was measured. */
export interface CalibrationRow {
  id: string;
  arch?: string;
  input: Record<string, unknown>;
  measured: {
    status: 'ok' | 'oom' | string;
    peakAllocatedBytes?: number;
    peakReservedBytes?: number;
    tokensPerSecond?: number;
    stepSeconds?: number;
    gpuWattsMean?: number;
    gpuUtilMean?: number;
  };
}

/** Parses JSON lines into calibration rows; a malformed line names its line number. */
export function parseCalibration(text: string): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`calibration line ${i + 1}: not JSON`);
    }
    const r = v as Partial<CalibrationRow>;
    if (typeof r.id !== 'string' || typeof r.input !== 'object' || typeof r.measured !== 'object' || !r.measured)
      throw new Error(`calibration line ${i + 1}: needs id, input and measured`);
    rows.push(r as CalibrationRow);
  });
  return rows;
}
