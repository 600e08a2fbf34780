import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../export/messages';
import { money } from '../export/quote/html';
import { optionNames } from '../export/quote/labels';
import type { Comparison } from '../compare/types';
import { main } from './compare';
import { chromiumPath } from './pdf';

/**
 * `npm run -s compare -- file.json --pdf out.pdf`: the PDF is read back with poppler (pdftotext,
 * pdfinfo), as a reader's tools would. Skipped, with the reason printed, only where Chromium or
 * poppler-utils is missing (`.ci/run` installs both).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const has = (tool: string) => spawnSync(tool, ['-v']).error === undefined;
const missing = [
  ...(existsSync(chromiumPath()) ? [] : [`Chromium (${chromiumPath()}; set CHROMIUM_PATH)`]),
  ...['pdftotext', 'pdfinfo'].filter((t) => !has(t)).map((t) => `${t} (poppler-utils)`),
];
if (missing.length) console.warn(`skipping the PDF quote tests: no ${missing.join(', ')}`);

const dir = mkdtempSync(join(tmpdir(), 'quote-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** pdftotext's text with all whitespace collapsed (table cells wrap their words onto lines). */
const pdfText = (file: string): string => execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
const pageSize = (file: string): string =>
  /Page size:\s+([\d.]+ x [\d.]+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]!;

async function writePdf(scenario: string, extra: string[] = []): Promise<{ pdf: string; comparison: Comparison }> {
  const pdf = join(dir, `${scenario}${extra.join('')}.pdf`);
  const out = await main([resolve(ROOT, `catalog/scenarios/${scenario}.scenario.json`), '--pdf', pdf, ...extra]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return { pdf, comparison: JSON.parse(out.stdout) as Comparison };
}

describe.skipIf(missing.length > 0)('compare --pdf', () => {
  for (const scenario of ['lora-deepseek-7b', 'cpt-7b-100b-tokens'])
    it(`${scenario}: the scenario name, each option and its total as the ranked table prints it; A4`, async () => {
      const { pdf, comparison } = await writePdf(scenario);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(comparison.scenario);
      const names = optionNames(comparison, messagesFor('en'));
      expect(comparison.rows.length).toBeGreaterThan(1);
      for (const r of comparison.rows) {
        expect(text).toContain(names.get(r.optionId));
        expect(r.totalCost).not.toBeNull();
        expect(text).toContain(money(r.totalCost!, comparison.currency));
      }
      // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds to its own units.
      const [w, h] = pageSize(pdf).split(' x ').map(Number);
      expect(w).toBeCloseTo(595, 0);
      expect(h).toBeCloseTo(842, 0);
    }, 60_000);

  it('the site plan prints with its racks and verdict (cpt-7b-100b-tokens has a colocation site)', async () => {
    const { pdf, comparison } = await writePdf('cpt-7b-100b-tokens');
    const text = pdfText(pdf);
    const planned = comparison.rows.filter((r) => r.facilityPlan);
    expect(planned.length).toBeGreaterThan(0);
    expect(text).toContain('Facility plan');
    for (const r of planned)
      expect(text).toContain(r.facilityPlan!.fitsSite ? 'Fits the site.' : 'Does not fit the site.');
  }, 60_000);

  it('Letter paper with --paper Letter (8.5 × 11 in = 612 × 792 pt), labels in Chinese with --lang zh-CN', async () => {
    const { pdf } = await writePdf('lora-deepseek-7b', ['--paper', 'Letter', '--lang', 'zh-CN']);
    const [w, h] = pageSize(pdf).split(' x ').map(Number);
    expect(w).toBeCloseTo(612, 0);
    expect(h).toBeCloseTo(792, 0);
    expect(pdfText(pdf)).toContain('报价单');
  }, 60_000);
});

describe('compare --pdf without a browser', () => {
  it('exits 3 with one line naming the path tried and CHROMIUM_PATH, and still prints the JSON', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, 'no-such-chromium');
    try {
      const out = await main([
        resolve(ROOT, 'catalog/scenarios/lora-deepseek-7b.scenario.json'),
        '--pdf',
        join(dir, 'x.pdf'),
      ]);
      expect(out.code).toBe(3);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).toContain(join(dir, 'no-such-chromium'));
      expect(out.stderr).toContain('CHROMIUM_PATH');
      expect(JSON.parse(out.stdout).format).toBe('gpu-planner.comparison');
      expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  it('refuses a paper other than A4 or Letter, and --paper without --pdf', async () => {
    const file = resolve(ROOT, 'catalog/scenarios/lora-deepseek-7b.scenario.json');
    const a3 = await main([file, '--pdf', join(dir, 'y.pdf'), '--paper', 'A3']);
    expect(a3.code).toBe(2);
    expect(a3.stderr).toContain('--paper must be A4 or Letter (got A3)');
    const alone = await main([file, '--paper', 'A4']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--paper goes with --pdf');
  });
});
