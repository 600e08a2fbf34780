/**
 * `npm run -s compare -- scenario.json [--xlsx out.xlsx] [--csv out.csv]`
 *
 * Prints the comparison of a scenario file (any version; older ones are migrated) as JSON on stdout,
 * computed by the same code the app runs (estimator/compare/engine.ts), against the shipped catalog.
 * Exit status: 0 done; 1 the file is unreadable, not JSON, or a field is wrong (each named on
 * stderr); 2 bad command line; 3 an export was asked for that this build cannot write yet.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadShippedCatalog } from '../../catalog/index';
import { loadShippedModels } from '../../catalog/models';
import { compareScenario } from '../compare/engine';
import type { Comparison, CompareCatalog } from '../compare/types';
import { ScenarioError, formatIssue } from '../scenario/migrate';
import type { Scenario } from '../scenario/schema';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The shipped catalog as compare reads it (catalog/*.json, validated). */
export function shippedCompareCatalog(): CompareCatalog {
  const { tables } = loadShippedCatalog();
  return {
    gpus: tables.gpus,
    models: loadShippedModels(),
    systems: tables.systems,
    offers: tables.cloudOffers,
    networks: tables.networks,
  };
}

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

const USAGE = 'usage: npm run -s compare -- scenario.json [--xlsx out.xlsx] [--csv out.csv]\n';

export function parseArgs(argv: readonly string[]): { file: string; xlsx?: string; csv?: string } | { error: string } {
  let file: string | undefined;
  let xlsx: string | undefined;
  let csv: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--xlsx' || a === '--csv') {
      const v = argv[i + 1];
      if (!v || v.startsWith('--')) return { error: `${a} needs a file name` };
      if (a === '--xlsx') xlsx = v;
      else csv = v;
      i += 1;
    } else if (a.startsWith('--xlsx=')) xlsx = a.slice(7);
    else if (a.startsWith('--csv=')) csv = a.slice(6);
    else if (a === '-h' || a === '--help') return { error: '' };
    else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else if (file) return { error: `one scenario file at a time (got ${file} and ${a})` };
    else file = a;
  }
  if (!file) return { error: 'which scenario file?' };
  return { file, xlsx, csv };
}

/** Runs the comparison on the text of a scenario file. */
export function compareText(
  text: string,
  file: string,
  catalog: CompareCatalog,
): CliResult & { comparison?: Comparison; scenario?: Scenario } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { stdout: '', stderr: `${file}: not JSON (${(e as Error).message})\n`, code: 1 };
  }
  try {
    const { comparison, scenario } = compareScenario(raw, catalog);
    return { stdout: `${JSON.stringify(comparison, null, 2)}\n`, stderr: '', code: 0, comparison, scenario };
  } catch (e) {
    if (e instanceof ScenarioError)
      return { stdout: '', stderr: e.issues.map((i) => `${file}: ${formatIssue(i)}\n`).join(''), code: 1 };
    throw e;
  }
}

/**
 * The exporters (estimator/export/index.ts, another issue) are expected to provide
 *   exportXlsx(comparison, scenario): Uint8Array | Promise<Uint8Array>
 *   exportCsv(comparison, scenario): string | Uint8Array | Promise<string | Uint8Array>
 * Until they exist the flags are accepted and answered with exit status 3.
 */
async function writeExports(
  want: { xlsx?: string; csv?: string },
  comparison: Comparison,
  scenario: Scenario,
): Promise<CliResult> {
  const modulePath = resolve(HERE, '../export/index.ts');
  const kinds = (['xlsx', 'csv'] as const).filter((k) => want[k]);
  const notYet = (k: string) =>
    `compare: --${k} is not yet available in this build (estimator/export has no ${k} exporter yet); the comparison JSON was printed\n`;
  if (!existsSync(modulePath)) return { stdout: '', stderr: kinds.map(notYet).join(''), code: 3 };
  const mod = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  let stderr = '';
  let code = 0;
  for (const k of kinds) {
    const fn = mod[k === 'xlsx' ? 'exportXlsx' : 'exportCsv'];
    if (typeof fn !== 'function') {
      stderr += notYet(k);
      code = 3;
      continue;
    }
    const bytes = (await (fn as (c: Comparison, s: Scenario) => unknown)(comparison, scenario)) as string | Uint8Array;
    writeFileSync(want[k]!, bytes);
  }
  return { stdout: '', stderr, code };
}

export async function main(argv: readonly string[]): Promise<CliResult> {
  const args = parseArgs(argv);
  if ('error' in args)
    return { stdout: '', stderr: `${args.error ? `compare: ${args.error}\n` : ''}${USAGE}`, code: args.error ? 2 : 0 };
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    return {
      stdout: '',
      stderr: `${args.file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`,
      code: 1,
    };
  }
  const result = compareText(text, args.file, shippedCompareCatalog());
  if (result.code !== 0 || (!args.xlsx && !args.csv)) return result;
  const exported = await writeExports(args, result.comparison!, result.scenario!);
  return { stdout: result.stdout, stderr: exported.stderr, code: exported.code };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('estimator/cli/compare.ts')) {
  const r = await main(process.argv.slice(2));
  process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
