/**
 * `--pdf out.pdf [--paper A4|Letter]` for `npm run -s compare`: the quote (estimator/export/quote)
 * printed by headless Chromium through playwright-core (installed with @playwright/test, which the
 * e2e tests use), the same Chromium the tests drive. No browser, no PDF: the caller exits 3 and says
 * which path it tried.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { quoteDocument, type QuotePaper } from '../export/quote';
import type { ExportInput } from '../export/types';

/** Debian's Chromium (`apt-get install chromium`), the browser `npm test` and `.ci/run` use; CHROMIUM_PATH overrides it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

export type PdfOutcome = { ok: true; bytes: number } | { ok: false; message: string };

/** Flags Chromium needs in a container (no sandbox, no GPU) and to stay off the network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Writes the quote as a PDF of `paper` pages to `file`. */
export async function writeQuotePdf(
  input: ExportInput,
  paper: QuotePaper,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PdfOutcome> {
  const executablePath = chromiumPath(env);
  if (!existsSync(executablePath))
    return {
      ok: false,
      message: `compare: --pdf needs Chromium; none at ${executablePath} (install it, e.g. \`sudo apt-get install chromium\`, or set CHROMIUM_PATH=/path/to/chromium); the comparison JSON was printed`,
    };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // Offline by design: the quote is one self-contained page; refuse anything it might try to fetch.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(quoteDocument(input, paper), { waitUntil: 'load' });
    const pdf = await page.pdf({ format: paper, printBackground: true, preferCSSPageSize: true });
    writeFileSync(file, pdf);
    return { ok: true, bytes: pdf.length };
  } finally {
    await browser.close();
  }
}
