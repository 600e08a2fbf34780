/**
 * `npm run -s estimate`: reads one EstimateInput, a JSON array of them, or JSON lines on stdin and writes the
 * estimates in the same shape (../shared/contracts/estimate.md). A bad input becomes {"error": "<field>: ..."} in
 * its place. Exit status: 0 all answered, 1 any error, 2 input not JSON at all or a bad option (message on stderr).
 *
 * Each estimate carries its accuracy `bands`, `ranges` and `memory.fitsConfidence` from the memory band
 * (estimator/confidence, the same function the app calls). Options:
 *   --explain              adds `derivations` (formula, inputs, constants, nearest validation rows) to each estimate
 *   --calibrations FILE    applies the calibrations in FILE (exportCalibrations' JSON): the newest enabled one per GPU
 */
import {
  estimateWithConfidence,
  explainEstimate,
  type Calibration,
  type Derivation,
  type EstimateWithConfidence,
} from '../confidence';
import { parseEstimateInput } from '../training/input';
import type { EstimatorCatalog } from '../training/catalog';
import { isEstimateError, type EstimateError } from '../training/types';
import { readCalibrationsFile } from './calibrations-file';
import { shippedCatalog } from './catalog';

type Answer = EstimateWithConfidence | (EstimateWithConfidence & { derivations: Derivation[] }) | EstimateError;

export interface EstimateOptions {
  explain?: boolean;
  calibrations?: readonly Calibration[];
}

export function answer(raw: unknown, catalog: EstimatorCatalog, options: EstimateOptions = {}): Answer {
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) return { error: parsed.error };
  const e = estimateWithConfidence(parsed.input, catalog, options.calibrations);
  if (isEstimateError(e) || !options.explain) return e;
  return { ...e, derivations: explainEstimate(parsed.input, catalog, e) };
}

/** Reads the command line: `--explain`, `--calibrations FILE` (or `--calibrations=FILE`); an error names the option. */
export function parseArgs(
  argv: readonly string[],
  catalog: EstimatorCatalog,
  read?: (path: string) => string,
): { ok: true; options: EstimateOptions } | { ok: false; error: string } {
  const options: EstimateOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--explain') options.explain = true;
    else if (a === '--calibrations' || a.startsWith('--calibrations=')) {
      const path = a === '--calibrations' ? argv[++i] : a.slice('--calibrations='.length);
      if (!path) return { ok: false, error: '--calibrations: needs a file (exported calibrations JSON)' };
      const c = readCalibrationsFile(path, catalog, read);
      if (!c.ok) return c;
      options.calibrations = c.calibrations;
    } else return { ok: false, error: `${a}: unknown option (allowed: --explain, --calibrations FILE)` };
  }
  return { ok: true, options };
}

type Parsed =
  | { shape: 'one'; value: unknown }
  | { shape: 'array'; values: unknown[] }
  | { shape: 'lines'; values: (unknown | Error)[] };

/** Reads the three accepted shapes; null when nothing in the text is JSON. */
export function parseStdin(text: string): Parsed | null {
  if (!text.trim()) return null;
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? { shape: 'array', values: v } : { shape: 'one', value: v };
  } catch {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    const values = lines.map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        return new Error(`(line ${i + 1}): not JSON`);
      }
    });
    return values.some((v) => !(v instanceof Error)) ? { shape: 'lines', values } : null;
  }
}

export function run(
  text: string,
  catalog: EstimatorCatalog,
  options: EstimateOptions = {},
): { stdout: string; stderr: string; code: number } {
  const input = parseStdin(text);
  if (!input)
    return {
      stdout: '',
      stderr: 'estimate: the input is not JSON (expected an object, an array or JSON lines)\n',
      code: 2,
    };
  const one = (v: unknown): Answer => (v instanceof Error ? { error: v.message } : answer(v, catalog, options));
  let answers: Answer[];
  let stdout: string;
  if (input.shape === 'one') {
    answers = [one(input.value)];
    stdout = `${JSON.stringify(answers[0], null, 2)}\n`;
  } else if (input.shape === 'array') {
    answers = input.values.map(one);
    stdout = `${JSON.stringify(answers, null, 2)}\n`;
  } else {
    answers = input.values.map(one);
    stdout = answers.map((a) => JSON.stringify(a)).join('\n') + '\n';
  }
  return { stdout, stderr: '', code: answers.some((a) => 'error' in a) ? 1 : 0 };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('estimator/cli/estimate.ts')) {
  const catalog = shippedCatalog();
  const args = parseArgs(process.argv.slice(2), catalog);
  if (!args.ok) {
    process.stderr.write(`estimate: ${args.error}\n`);
    process.exitCode = 2;
  } else {
    const result = run(await readStdin(), catalog, args.options);
    process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.code;
  }
}
