import { z } from 'zod';
import type { EstimatorCatalog } from '../training/catalog';
import { findGpu } from '../training/catalog';
import { parseEstimateInput } from '../training/input';
import { ABSURD_MEASUREMENT_RATIO } from './constants';
import type { BandTable, Calibration } from './types';

/** bands.json's text: two-space JSON with a final newline (what `--write-bands` stores and the stale test compares). */
export const bandsJson = (t: BandTable): string => `${JSON.stringify(t, null, 2)}\n`;

export const CALIBRATIONS_FORMAT = 'gpu-planner.calibrations';
export const CALIBRATIONS_VERSION = 1;

/** Calibrations as a JSON file: `{ format, version, calibrations: [...] }`. */
export const exportCalibrations = (c: readonly Calibration[]): string =>
  `${JSON.stringify({ format: CALIBRATIONS_FORMAT, version: CALIBRATIONS_VERSION, calibrations: c }, null, 2)}\n`;

const positive = z
  .number({ error: 'must be a positive number' })
  .refine((v) => Number.isFinite(v) && v > 0, 'must be a positive number');
const factor = z
  .number({ error: 'must be a number' })
  .refine(
    (v) => v > 1 / ABSURD_MEASUREMENT_RATIO.value && v < ABSURD_MEASUREMENT_RATIO.value,
    `must be between 1/${ABSURD_MEASUREMENT_RATIO.value} and ${ABSURD_MEASUREMENT_RATIO.value} (measured / predicted)`,
  );
const pct = z.number({ error: 'must be a number (percent)' }).optional();
const errors = z.object({ memoryErrorPct: pct, throughputErrorPct: pct, powerErrorPct: pct });

const calibrationSchema = z.object({
  id: z.string({ error: 'must be a text id' }).min(1, 'must not be empty'),
  gpu: z.string({ error: 'must be a catalog GPU id' }),
  date: z
    .string({ error: 'must be an ISO date yyyy-mm-dd' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date yyyy-mm-dd'),
  enabled: z.boolean({ error: 'must be true or false' }),
  label: z.string({ error: 'must be text' }),
  input: z.record(z.string(), z.unknown(), { error: 'must be an estimate input object' }),
  measured: z
    .object({
      peakMemoryBytes: positive.optional(),
      tokensPerSecond: positive.optional(),
      gpuWatts: positive.optional(),
    })
    .strict(),
  factors: z.object({ memory: factor.optional(), throughput: factor.optional(), power: factor.optional() }).strict(),
  before: errors,
  after: errors,
});

const fileSchema = z.object({
  format: z.literal(CALIBRATIONS_FORMAT, { error: `must be "${CALIBRATIONS_FORMAT}"` }),
  version: z.literal(CALIBRATIONS_VERSION, { error: `must be ${CALIBRATIONS_VERSION}` }),
  calibrations: z.array(calibrationSchema, { error: 'must be an array' }),
});

/**
 * Reads a calibrations file (exportCalibrations' format). Every problem names its field, e.g.
 * "calibrations.0.factors.memory: must be between 1/10 and 10"; a calibration whose GPU differs from its input's, or
 * is not in the catalog, is rejected.
 */
export function importCalibrations(
  text: string,
  catalog: EstimatorCatalog,
): { ok: true; calibrations: Calibration[] } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['(file): not JSON'] };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `${i.path.length ? i.path.map(String).join('.') : '(file)'}: ${i.message}`,
      ),
    };
  const out: Calibration[] = [];
  const problems: string[] = [];
  parsed.data.calibrations.forEach((c, n) => {
    const at = `calibrations.${n}`;
    // A filled-in EstimateInput writes its defaults as null (no interconnect, no trainingTokens): read them as absent.
    const input = parseEstimateInput(Object.fromEntries(Object.entries(c.input).filter(([, v]) => v !== null)));
    if (!input.ok) {
      problems.push(`${at}.input.${input.error}`);
      return;
    }
    if (!findGpu(catalog, c.gpu)) problems.push(`${at}.gpu: unknown GPU id "${c.gpu}"`);
    else if (input.input.gpu !== c.gpu)
      problems.push(`${at}.gpu: "${c.gpu}" differs from input.gpu "${input.input.gpu}" (a calibration is for one GPU)`);
    else out.push({ ...c, input: input.input });
  });
  return problems.length ? { ok: false, errors: problems } : { ok: true, calibrations: out };
}
