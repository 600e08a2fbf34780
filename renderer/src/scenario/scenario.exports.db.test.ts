import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS } from '../../../catalog/scenarios';
import { main } from '../../../estimator/cli/compare';
import type { ExportLanguage } from '../../../estimator/export/types';
import { quoteHtml } from '../../../estimator/export/quote';
import { compareScenario } from '../../../estimator/compare/engine';
import { shippedCatalog } from '../../../estimator/cli/compare';
import { exportLanguage, scenarioExportInput } from '../quote/export-input';
import { csvBytes, xlsxBytes } from '../quote/exports';
import { cleanUp, freshDatabase, openStores } from './test-support';

afterEach(cleanUp);

const SHIPPED = resolve(import.meta.dirname, '../../../catalog/scenarios');

/** What `npm run -s compare -- <file> --xlsx --csv [--lang]` writes, as bytes. */
async function cliExports(file: string, language: ExportLanguage) {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-exports-'));
  const out = await main([file, '--xlsx', join(dir, 'c.xlsx'), '--csv', join(dir, 'c.csv'), '--lang', language]);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return { xlsx: readFileSync(join(dir, 'c.xlsx')), csv: readFileSync(join(dir, 'c.csv')) };
}

describe('the app exports the bytes `npm run -s compare -- --xlsx --csv` writes', () => {
  for (const example of SHIPPED_SCENARIOS)
    for (const language of ['en', 'zh-CN'] as const)
      it(`for the shipped example “${example.name}” in ${language}`, async () => {
        // Arrange: a fresh install; the example opened as the user's copy and compared in the app.
        const { scenarios, catalog } = await openStores(await freshDatabase());
        scenarios.openExample(example.file);
        await scenarios.settled();

        // Act: the ExportInput the Export buttons build, and the bytes they write.
        const input = scenarioExportInput(scenarios, catalog, language);
        if (typeof input === 'string') throw new Error(`not ready to export: ${input}`);
        const app = { xlsx: await xlsxBytes(input), csv: csvBytes(input) };

        // Assert: byte for byte the command line's files.
        const cli = await cliExports(join(SHIPPED, example.file), language);
        expect(Buffer.from(app.csv).equals(cli.csv)).toBe(true);
        expect(app.xlsx.length).toBeGreaterThan(1000);
        expect(Buffer.from(app.xlsx).equals(cli.xlsx)).toBe(true);

        // And the quote the print view shows is the one the command line prints.
        const shipped = shippedCatalog();
        const { comparison, scenario } = compareScenario(
          JSON.parse(readFileSync(join(SHIPPED, example.file), 'utf8')),
          shipped.catalog,
        );
        const cliInput = { comparison, scenario, catalog: shipped.catalog, catalogVersion: shipped.version, language };
        expect(quoteHtml(input, { paper: 'A4' })).toBe(quoteHtml(cliInput, { paper: 'A4' }));
      });

  it('refuses to export while the comparison is not of what the form holds, and says why', async () => {
    const { scenarios, catalog } = await openStores(await freshDatabase());
    expect(scenarioExportInput(scenarios, catalog, 'en')).toBe('no-comparison');
    scenarios.openExample(SHIPPED_SCENARIOS[0]!.file);
    await scenarios.settled();
    expect(typeof scenarioExportInput(scenarios, catalog, 'en')).toBe('object');
    scenarios.edit(['name'], 'renamed, not yet compared');
    expect(scenarioExportInput(scenarios, catalog, 'en')).toBe('out-of-date');
    await scenarios.settled();
    const input = scenarioExportInput(scenarios, catalog, 'en');
    expect(typeof input === 'object' && input.scenario.name).toBe('renamed, not yet compared');
  });

  it('labels the exports in the app language (zh or zh-CN → zh-CN, else en)', () => {
    expect(exportLanguage('zh-CN')).toBe('zh-CN');
    expect(exportLanguage('zh')).toBe('zh-CN');
    expect(exportLanguage('en-US')).toBe('en');
  });
});
