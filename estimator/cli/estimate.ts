/**
 * `npm run -s estimate`: reads one EstimateInput, a JSON array of them, or JSON lines on stdin and writes the
 * estimates in the same shape (../shared/contracts/estimate.md). A bad input becomes {"error": "<field>: ..."} in
 * its place. Exit status: 0 all answered, 1 any error, 2 input not JSON at all (message on stderr).
 */
import { estimate } from '../training/estimate';
import { parseEstimateInput } from '../training/input';
import type { EstimatorCatalog } from '../training/catalog';
import type { Estimate, EstimateError } from '../training/types';
import { shippedCatalog } from './catalog';

type Answer = Estimate | EstimateError;

export function answer(raw: unknown, catalog: EstimatorCatalog): Answer {
  const parsed = parseEstimateInput(raw);
  return parsed.ok ? estimate(parsed.input, catalog) : { error: parsed.error };
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

export function run(text: string, catalog: EstimatorCatalog): { stdout: string; stderr: string; code: number } {
  const input = parseStdin(text);
  if (!input)
    return {
      stdout: '',
      stderr: 'estimate: the input is not JSON (expected an object, an array or JSON lines)\n',
      code: 2,
    };
  const one = (v: unknown): Answer => (v instanceof Error ? { error: v.message } : answer(v, catalog));
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
  const result = run(await readStdin(), shippedCatalog());
  process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
