import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../cli/compare';
import { compareScenario } from '../../compare/engine';
import { exportDate } from '../date';
import { lineLabel, messagesFor } from '../messages';
import type { ExportInput, ExportLanguage } from '../types';
import { money } from './html';
import { quoteCss, quoteDocument, quoteHtml } from './index';
import { optionNames } from './labels';
import { quoteMessagesFor } from './messages';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scenarioFile = (name: string) => resolve(ROOT, `catalog/scenarios/${name}.scenario.json`);
const shipped = shippedCatalog();
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'));

function inputOf(raw: unknown, language: ExportLanguage = 'en'): ExportInput {
  const { comparison, scenario } = compareScenario(raw, shipped.catalog);
  return { comparison, scenario, catalog: shipped.catalog, catalogVersion: shipped.version, language };
}

/** The text a reader sees: tags dropped, entities decoded, whitespace collapsed. */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The cells of the ranked table's row for an option. */
function rankedRow(html: string, optionId: string): string[] {
  const row = new RegExp(`<tr [^>]*data-option-id="${optionId}"[^>]*>(.*?)</tr>`).exec(
    html.split('class="ranked"')[1]!,
  );
  expect(row, `a ranked-table row for ${optionId}`).not.toBeNull();
  return [...row![1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => textOf(m[1]!).trim());
}

describe('quoteHtml', () => {
  for (const name of ['lora-deepseek-7b', 'full-ft-deepseek-67b', 'cpt-7b-100b-tokens'])
    it(`${name}: the scenario name, the date, and each option with its total in the ranked table`, () => {
      const input = inputOf(readJson(scenarioFile(name)));
      const html = quoteHtml(input, { paper: 'A4' });
      const text = textOf(html);
      expect(text).toContain(input.scenario.name);
      expect(text).toContain(exportDate(input));
      const names = optionNames(input.comparison, messagesFor('en'));
      expect(input.comparison.rows.length).toBeGreaterThan(1);
      for (const r of input.comparison.rows) {
        const cells = rankedRow(html, r.optionId);
        expect(cells[0]).toBe(String(r.rank));
        expect(cells[1]).toBe(names.get(r.optionId));
        // Total is the 9th column, formatted as the workbook formats money (thousands, minor digits).
        expect(cells[8]).toBe(r.totalCost === null ? '—' : money(r.totalCost, input.comparison.currency));
        expect(text).toContain(r.label);
      }
    });

  it('recommends the option ranked first, with its total and currency', () => {
    const input = inputOf(readJson(scenarioFile('lora-deepseek-7b')));
    const best = input.comparison.rows.find((r) => r.rank === 1)!;
    const section = /<section class="recommendation">(.*?)<\/section>/.exec(quoteHtml(input, { paper: 'A4' }))![1]!;
    expect(textOf(section)).toContain(
      `${money(best.totalCost!, input.comparison.currency)} ${input.comparison.currency}`,
    );
    expect(textOf(section)).toContain(best.label);
  });

  it('says which options cannot do the work, and why', () => {
    const raw = readJson(scenarioFile('cpt-7b-100b-tokens'));
    // A 20 kW air-cooled room cannot take the 4 × 10.2 kW cluster (issue 10's example).
    const assumptions = raw.assumptions as Record<string, unknown>;
    raw.assumptions = {
      ...assumptions,
      site: { kind: 'own-room', powerKW: 20, coolingKW: 20, rackKW: 15, rackUnits: 42, cooling: 'air' },
    };
    const input = inputOf(raw);
    const cluster = input.comparison.rows.find((r) => r.kind === 'cluster')!;
    expect(cluster.fitsSite).toBe(false);
    const html = quoteHtml(input, { paper: 'A4' });
    const rec = textOf(/<section class="recommendation">(.*?)<\/section>/.exec(html)![1]!);
    expect(rec).toContain('Cannot do the work as specified');
    expect(rec).toContain('does not fit the site');
    // The facility plan states the verdict and the shortfall with its numbers.
    const facility = textOf(/<section class="facility page-break">(.*?)<\/section>/.exec(html)![1]!);
    expect(facility).toContain('Does not fit the site.');
    for (const s of cluster.facilityPlan!.shortfalls) expect(facility).toContain(s.message);
    // The rack view draws every rack of the plan.
    expect(html.match(/<g data-rack="/g)?.length).toBe(cluster.facilityPlan!.layout.length);
  });

  it('has a facility plan with racks, servers per rack, kW and cooling when the scenario has a site', () => {
    const input = inputOf(readJson(scenarioFile('cpt-7b-100b-tokens')));
    const planned = input.comparison.rows.find((r) => r.facilityPlan)!;
    const p = planned.facilityPlan!;
    const html = quoteHtml(input, { paper: 'A4' });
    const facility = textOf(/<section class="facility page-break">(.*?)<\/section>/.exec(html)![1]!);
    expect(facility).toContain(`Racks ${p.racks}`);
    expect(facility).toContain(`Servers per rack ${p.serversPerRack}`);
    expect(facility).toContain(`IT load ${p.itKW.toFixed(1)} kW`);
    expect(facility).toContain(p.power.circuit.label);
    expect(facility).toContain(p.fitsSite ? 'Fits the site.' : 'Does not fit the site.');
    // A scenario without a site has no facility section.
    expect(quoteHtml(inputOf(readJson(scenarioFile('lora-deepseek-7b'))), { paper: 'A4' })).not.toContain(
      'class="facility',
    );
  });

  it('labels in Chinese when the language is zh-CN, numbers unchanged', () => {
    const raw = readJson(scenarioFile('lora-deepseek-7b'));
    const zh = quoteHtml(inputOf(raw, 'zh-CN'), { paper: 'A4' });
    const q = quoteMessagesFor('zh-CN');
    for (const label of [
      q.kind,
      q.recommendation.title,
      q.assumptions.title,
      q.signature.preparedBy,
      q.signature.approvedBy,
    ])
      expect(textOf(zh)).toContain(label);
    expect(zh).toContain('lang="zh-CN"');
    expect(zh).not.toContain(quoteMessagesFor('en').assumptions.title);
    const input = inputOf(raw, 'zh-CN');
    for (const r of input.comparison.rows)
      if (r.totalCost !== null)
        expect(rankedRow(zh, r.optionId)[8]).toBe(money(r.totalCost, input.comparison.currency));
    // Cost lines are named as in the Chinese workbook, not with the costing's English labels.
    const m = messagesFor('zh-CN');
    const owned = input.comparison.rows.find((r) => r.lines.some((l) => l.id === 'servers'))!;
    const servers = owned.lines.find((l) => l.id === 'servers')!;
    expect(textOf(zh)).toContain(lineLabel(m, owned, servers, input.comparison.workload.horizonMonths));
    expect(textOf(zh)).not.toContain(servers.label);
  });

  it('escapes user text: a scenario or option named with markup prints as written', () => {
    const raw = readJson(scenarioFile('lora-deepseek-7b'));
    raw.name = 'Q3 <script>alert(1)</script> & "R&D"';
    raw.description = '<img src=x onerror=alert(1)>';
    const html = quoteHtml(inputOf(raw), { paper: 'A4' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Q3 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;R&amp;D&quot;');
    expect(textOf(html)).toContain('Q3 <script>alert(1)</script> & "R&D"');
    // No inline styles: colours are classes or SVG presentation attributes.
    expect(html).not.toMatch(/style="/);
  });

  it('sizes the page for the paper: A4 or Letter', () => {
    expect(quoteCss('A4')).toMatch(/@page \{ size: A4 portrait;/);
    expect(quoteCss('Letter')).toMatch(/@page \{ size: Letter portrait;/);
    const input = inputOf(readJson(scenarioFile('lora-deepseek-7b')));
    expect(quoteDocument(input, 'Letter')).toContain('size: Letter');
    expect(quoteDocument(input, 'A4')).not.toContain('size: Letter');
    expect(() => quoteHtml(input, { paper: 'A3' as 'A4' })).toThrow(/paper must be A4 or Letter \(got A3\)/);
  });

  it('is deterministic: the same input gives the same HTML', () => {
    const raw = readJson(scenarioFile('cpt-7b-100b-tokens'));
    expect(quoteHtml(inputOf(raw), { paper: 'A4' })).toBe(quoteHtml(inputOf(raw), { paper: 'A4' }));
  });
});
