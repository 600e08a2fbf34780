/**
 * `npm run -s compare -- scenario.json [--xlsx out.xlsx] [--csv out.csv] [--pdf out.pdf [--paper A4|Letter]] [--lang en|zh-CN]
 *   [--calibrations calibrations.json]`
 *
 * Prints the comparison of a scenario file (any version; older ones are migrated) as JSON on stdout,
 * computed by the same code the app runs (estimator/compare/engine.ts), against the shipped catalog,
 * and writes the exports asked for (estimator/export), labelled in `--lang` (default en).
 * Exit status: 0 done; 1 the file is unreadable, not JSON, or a field is wrong (each named on
 * stderr); 2 bad command line or calibrations file (the app's Export JSON of its calibrations); 3 the PDF was
 * asked for and no browser could print it (no Chromium: set CHROMIUM_PATH).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadShippedCatalog } from '../../catalog/index';
import { loadShippedModels } from '../../catalog/models';
import { compareScenario } from '../compare/engine';
import type { Comparison, CompareCatalog } from '../compare/types';
import { QUOTE_PAPERS, type QuotePaper } from '../export/quote/types';
import type { CatalogStamp, ExportInput, ExportLanguage } from '../export/types';
import { ScenarioError, formatIssue } from '../scenario/migrate';
import type { Scenario } from '../scenario/schema';
import type { Calibration } from '../confidence';
import { readCalibrationsFile } from './calibrations-file';

/** The shipped catalog as compare reads it (catalog/*.json, validated), with its version for the exports. */
export function shippedCatalog(): { catalog: CompareCatalog; version: CatalogStamp } {
  const { tables, version, asOf } = loadShippedCatalog();
  return {
    catalog: {
      gpus: tables.gpus,
      models: loadShippedModels(),
      systems: tables.systems,
      offers: tables.cloudOffers,
      networks: tables.networks,
    },
    version: { version, asOf },
  };
}

export const shippedCompareCatalog = (): CompareCatalog => shippedCatalog().catalog;

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

const USAGE =
  'usage: npm run -s compare -- scenario.json [--xlsx out.xlsx] [--csv out.csv] [--pdf out.pdf [--paper A4|Letter]] [--lang en|zh-CN] [--calibrations calibrations.json]\n';
const LANGUAGES: readonly ExportLanguage[] = ['en', 'zh-CN'];

export function parseArgs(argv: readonly string[]):
  | {
      file: string;
      xlsx?: string;
      csv?: string;
      pdf?: string;
      paper?: QuotePaper;
      lang?: ExportLanguage;
      calibrations?: string;
    }
  | { error: string } {
  let file: string | undefined;
  let xlsx: string | undefined;
  let csv: string | undefined;
  let pdf: string | undefined;
  let paper: string | undefined;
  let lang: string | undefined;
  let calibrations: string | undefined;
  const needs = (flag: string) =>
    flag === '--lang'
      ? 'a language'
      : flag === '--paper'
        ? `a paper size (${QUOTE_PAPERS.join(' or ')})`
        : 'a file name';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (['--xlsx', '--csv', '--pdf', '--paper', '--lang', '--calibrations'].includes(a)) {
      const v = argv[i + 1];
      if (!v || v.startsWith('--')) return { error: `${a} needs ${needs(a)}` };
      if (a === '--xlsx') xlsx = v;
      else if (a === '--csv') csv = v;
      else if (a === '--pdf') pdf = v;
      else if (a === '--paper') paper = v;
      else if (a === '--calibrations') calibrations = v;
      else lang = v;
      i += 1;
    } else if (a.startsWith('--xlsx=')) xlsx = a.slice(7);
    else if (a.startsWith('--csv=')) csv = a.slice(6);
    else if (a.startsWith('--pdf=')) pdf = a.slice(6);
    else if (a.startsWith('--paper=')) paper = a.slice(8);
    else if (a.startsWith('--lang=')) lang = a.slice(7);
    else if (a.startsWith('--calibrations=')) calibrations = a.slice('--calibrations='.length);
    else if (a === '-h' || a === '--help') return { error: '' };
    else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else if (file) return { error: `one scenario file at a time (got ${file} and ${a})` };
    else file = a;
  }
  if (!file) return { error: 'which scenario file?' };
  if (lang !== undefined && !LANGUAGES.includes(lang as ExportLanguage))
    return { error: `--lang must be ${LANGUAGES.join(' or ')}` };
  if (paper !== undefined && !QUOTE_PAPERS.includes(paper as QuotePaper))
    return { error: `--paper must be ${QUOTE_PAPERS.join(' or ')} (got ${paper})` };
  if (paper !== undefined && !pdf) return { error: '--paper goes with --pdf' };
  return {
    file,
    xlsx,
    csv,
    ...(pdf ? { pdf, paper: (paper as QuotePaper | undefined) ?? 'A4' } : {}),
    ...(lang ? { lang: lang as ExportLanguage } : {}),
    ...(calibrations ? { calibrations } : {}),
  };
}

/** Runs the comparison on the text of a scenario file, with the user's calibrations applied. */
export function compareText(
  text: string,
  file: string,
  catalog: CompareCatalog,
  calibrations: readonly Calibration[] = [],
): CliResult & { comparison?: Comparison; scenario?: Scenario } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { stdout: '', stderr: `${file}: not JSON (${(e as Error).message})\n`, code: 1 };
  }
  try {
    const { comparison, scenario } = compareScenario(raw, catalog, { calibrations });
    return { stdout: `${JSON.stringify(comparison, null, 2)}\n`, stderr: '', code: 0, comparison, scenario };
  } catch (e) {
    if (e instanceof ScenarioError)
      return { stdout: '', stderr: e.issues.map((i) => `${file}: ${formatIssue(i)}\n`).join(''), code: 1 };
    throw e;
  }
}

/** Writes the xlsx and CSV asked for: the exporters the app calls, with the same input, so the same bytes. */
async function writeExports(want: { xlsx?: string; csv?: string }, input: ExportInput): Promise<void> {
  // exceljs loads only when a workbook is asked for.
  const { exportCsv, exportXlsx } = await import('../export/index');
  if (want.xlsx) writeFileSync(want.xlsx, await exportXlsx(input));
  if (want.csv) writeFileSync(want.csv, exportCsv(input));
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
  const shipped = shippedCatalog();
  let calibrations: readonly Calibration[] = [];
  if (args.calibrations) {
    const read = readCalibrationsFile(args.calibrations, shipped.catalog);
    if (!read.ok) return { stdout: '', stderr: `compare: ${read.error}\n`, code: 2 };
    calibrations = read.calibrations;
  }
  const result = compareText(text, args.file, shipped.catalog, calibrations);
  if (result.code !== 0 || (!args.xlsx && !args.csv && !args.pdf)) return result;
  const input: ExportInput = {
    comparison: result.comparison!,
    scenario: result.scenario!,
    catalog: shipped.catalog,
    catalogVersion: shipped.version,
    language: args.lang ?? 'en',
  };
  await writeExports(args, input);
  let stderr = '';
  let code = 0;
  if (args.pdf) {
    const { writeQuotePdf } = await import('./pdf');
    const pdf = await writeQuotePdf(input, args.paper ?? 'A4', args.pdf);
    if (!pdf.ok) {
      stderr += `${pdf.message}\n`;
      code = 3;
    }
  }
  return { stdout: result.stdout, stderr, code };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('estimator/cli/compare.ts')) {
  const r = await main(process.argv.slice(2));
  process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
