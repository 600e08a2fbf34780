import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../cli/compare';
import { compareScenario } from '../compare/engine';
import type { Comparison } from '../compare/types';
import { columnHeader } from './columns';
import { exportXlsx } from './index';
import { messagesFor } from './messages';
import type { ExportLanguage } from './types';

/**
 * The xlsx opened by a real spreadsheet: LibreOffice (headless, `libreoffice-calc-nogui`, installed by
 * .ci/run) loads each workbook with "recalculate on load: always", so every formula is computed by
 * LibreOffice instead of read from the cached values, and saves a copy we read back.
 *
 * 1. Every formula recomputes to the value the app cached (the app's numbers), and every option's
 *    totals in the Summary are the comparison's within one cent.
 * 2. With an assumption changed in the file (as finance would, with exceljs standing in for the
 *    hand), the recomputed totals are those of the app run on the scenario changed the same way.
 *
 * One LibreOffice run converts all the files (its own temporary profile, a time limit), ~5 s.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scenarioFile = (name: string) =>
  name === 'mixed-currencies'
    ? resolve(ROOT, 'estimator/export/__fixtures__/mixed-currencies.scenario.json')
    : resolve(ROOT, `catalog/scenarios/${name}.scenario.json`);
const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
const shipped = shippedCatalog();
const CENT = 0.01;

type Raw = Record<string, unknown> & { assumptions: Record<string, unknown> };

interface Case {
  readonly name: string;
  readonly scenario: string;
  readonly language: ExportLanguage;
  /** Named cells to change in the exported file, and the same change to the scenario file. */
  readonly edits?: Readonly<Record<string, number>>;
  readonly change?: (raw: Raw) => void;
}

const CASES: readonly Case[] = [
  { name: 'lora', scenario: 'lora-deepseek-7b', language: 'en' },
  { name: 'full-ft', scenario: 'full-ft-deepseek-67b', language: 'en' },
  { name: 'cpt', scenario: 'cpt-7b-100b-tokens', language: 'zh-CN' },
  { name: 'mixed', scenario: 'mixed-currencies', language: 'en' },
  {
    name: 'full-ft-tariff',
    scenario: 'full-ft-deepseek-67b',
    language: 'en',
    edits: { ElectricityPrice: 0.3 },
    change: (raw) => ((raw.assumptions.electricity as { amount: number }).amount = 0.3),
  },
  {
    name: 'cpt-tariff',
    scenario: 'cpt-7b-100b-tokens',
    language: 'zh-CN',
    edits: { ElectricityPrice: 0.05 },
    change: (raw) => ((raw.assumptions.electricity as { amount: number }).amount = 0.05),
  },
  {
    name: 'mixed-fx',
    scenario: 'mixed-currencies',
    language: 'en',
    edits: { FX_CNY: 7.4, FX_EUR: 0.95 },
    change: (raw) => Object.assign(raw.assumptions.fx as object, { CNY: 7.4, EUR: 0.95 }),
  },
  {
    name: 'full-ft-rates',
    scenario: 'full-ft-deepseek-67b',
    language: 'en',
    edits: { SpotOverhead: 0.25, TaxRate: 0.08, SupportRatePerYear: 0.15, DiscountRatePerYear: 0.1 },
    change: (raw) => {
      const a = raw.assumptions as Raw['assumptions'] & { capex: Record<string, unknown> };
      Object.assign(a, { spotOverhead: 0.25, supportRatePerYear: 0.15, discountRatePerYear: 0.1 });
      a.capex.taxRate = 0.08;
    },
  },
];

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts xlsx files to recalculated xlsx copies in `outDir`: a fresh profile that recalculates on load, 90 s at most. */
function recalculate(files: readonly string[], outDir: string, work: string): void {
  const profile = join(work, 'lo-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), XCU);
  // `timeout` signals its whole process group, so soffice.bin goes too if LibreOffice hangs.
  const r = spawnSync(
    'timeout',
    [
      '-k',
      '5',
      '90',
      SOFFICE,
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

type Cells = Map<string, number | string>;

/** Every formula cell of a workbook, `Sheet!A1` -> its value (exceljs reads a 0 or "" result as absent). */
async function formulaValues(file: string): Promise<{ wb: ExcelJS.Workbook; cells: Cells }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: Cells = new Map();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (v && typeof v === 'object' && 'formula' in v) {
          const r = (v as { result?: unknown }).result;
          cells.set(`${ws.name}!${c.address}`, typeof r === 'number' || typeof r === 'string' ? r : 0);
        }
      }),
    ),
  );
  return { wb, cells };
}

/** A cell's plain value: a formula's result, rich text (LibreOffice saves mixed CJK/Latin text so) as its text. */
function plain(v: unknown): unknown {
  if (v && typeof v === 'object' && 'formula' in v) return (v as { result?: unknown }).result ?? 0;
  if (v && typeof v === 'object' && 'richText' in v)
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return v;
}

/** The Summary table by option id: header label -> value. */
function summary(wb: ExcelJS.Workbook, language: ExportLanguage): Map<string, Map<string, unknown>> {
  const ws = wb.getWorksheet('Summary')!;
  const m = messagesFor(language);
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && plain(row.getCell(1).value) === m.column.rank) header = r;
  });
  const labels = (ws.getRow(header).values as unknown[]).map((v) => String(plain(v) ?? ''));
  const out = new Map<string, Map<string, unknown>>();
  for (let r = header + 1; typeof ws.getRow(r).getCell(3).value === 'string'; r++) {
    const row = ws.getRow(r);
    const cells = new Map<string, unknown>();
    labels.forEach((label, c) => {
      const v = row.getCell(c).value;
      if (label) cells.set(label, plain(v));
    });
    out.set(String(row.getCell(3).value), cells);
  }
  return out;
}

/** Checks a recalculated Summary against a comparison: money within one cent, the rest as the app rounds it. */
function expectSummary(
  table: Map<string, Map<string, unknown>>,
  c: Comparison,
  language: ExportLanguage,
  what: string,
) {
  const m = messagesFor(language);
  const h = (k: keyof typeof m.column) => columnHeader(k, m, c.currency);
  const feasible = c.rows.filter((r) => r.feasible);
  for (const row of c.rows) {
    const got = table.get(row.optionId)!;
    const at = `${what} ${row.optionId}`;
    for (const k of ['capex', 'opexTotal', 'totalCost', 'costPerRun', 'npvCost', 'residualValue'] as const)
      if (row[k] !== null) expect(Math.abs(Number(got.get(h(k))) - row[k]!), `${at} ${k}`).toBeLessThanOrEqual(CENT);
    if (row.energyKWh !== null) expect(Number(got.get(h('energyKWh'))), `${at} energy`).toBeCloseTo(row.energyKWh, 1);
    if (row.hoursPerRun !== null)
      expect(Number(got.get(h('hoursPerRun'))), `${at} hours`).toBeCloseTo(row.hoursPerRun, 4);
    if (row.kind !== 'cloud' && row.breakEvenAgainst)
      expect(got.get(h('breakEvenMonths')), `${at} break-even`).toBe(row.breakEvenMonths ?? m.cashflow.breakEvenNone);
    const rank = feasible.filter((o) => (o.totalCost ?? 0) < (row.totalCost ?? 0)).length + 1;
    expect(got.get(m.summary.liveRank), `${at} rank`).toBe(row.feasible ? rank : m.none);
  }
}

describe.skipIf(!SOFFICE)('the xlsx recalculated by LibreOffice', () => {
  const work = mkdtempSync(join(tmpdir(), 'export-lo-'));
  const expected = new Map<string, { comparison: Comparison; base: Comparison }>();
  const before = new Map<string, Cells>();
  const after = new Map<string, { wb: ExcelJS.Workbook; cells: Cells }>();

  beforeAll(async () => {
    const files: string[] = [];
    for (const k of CASES) {
      const raw = JSON.parse(readFileSync(scenarioFile(k.scenario), 'utf8')) as Raw;
      const { comparison, scenario } = compareScenario(raw, shipped.catalog);
      const file = join(work, `${k.name}.xlsx`);
      const bytes = await exportXlsx({
        comparison,
        scenario,
        catalog: shipped.catalog,
        catalogVersion: shipped.version,
        language: k.language,
      });
      writeFileSync(file, bytes);
      before.set(k.name, (await formulaValues(file)).cells);
      let changed = comparison;
      if (k.edits && k.change) {
        // Finance's edit: the named input cells get new values; nothing else is touched.
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        for (const [name, value] of Object.entries(k.edits)) {
          const [sheet, cell] = wb.definedNames.getRanges(name).ranges[0]!.split('!');
          wb.getWorksheet(sheet!)!.getCell(cell!.replace(/\$/g, '')).value = value;
        }
        await wb.xlsx.writeFile(file);
        k.change(raw);
        changed = compareScenario(raw, shipped.catalog).comparison;
      }
      expected.set(k.name, { comparison: changed, base: comparison });
      files.push(file);
    }
    mkdirSync(join(work, 'out'));
    recalculate(files, join(work, 'out'), work);
    for (const k of CASES) after.set(k.name, await formulaValues(join(work, 'out', `${k.name}.xlsx`)));
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('recomputes every formula to the app’s value, and every total to the comparison’s within one cent', () => {
    for (const k of CASES.filter((x) => !x.edits)) {
      const cached = before.get(k.name)!;
      const { cells, wb } = after.get(k.name)!;
      expect(cells.size, k.name).toBe(cached.size);
      expect(cells.size).toBeGreaterThan(400);
      for (const [at, want] of cached) {
        const got = cells.get(at);
        if (typeof want === 'number') expect(Math.abs(Number(got) - want), `${k.name} ${at}`).toBeLessThan(0.005);
        else expect(got, `${k.name} ${at}`).toBe(want);
      }
      expectSummary(summary(wb, k.language), expected.get(k.name)!.comparison, k.language, k.name);
    }
  });

  it('moves the totals as the estimator predicts when the electricity price changes', () => {
    for (const name of ['full-ft-tariff', 'cpt-tariff']) {
      const k = CASES.find((x) => x.name === name)!;
      const { comparison, base } = expected.get(name)!;
      const table = summary(after.get(name)!.wb, k.language);
      expectSummary(table, comparison, k.language, name);
      // The owned options' totals moved by their energy line's change; the cloud prices include power.
      for (const row of comparison.rows) {
        const old = base.rows.find((r) => r.optionId === row.optionId)!;
        const energy = (r: typeof row) => (r.lines.find((l) => l.id === 'energy')?.amountMinor ?? 0) / 100;
        expect(row.totalCost! - old.totalCost!, row.optionId).toBeCloseTo(energy(row) - energy(old), 2);
        if (row.kind === 'cloud') expect(row.totalCost).toBe(old.totalCost);
        else expect(Math.abs(row.totalCost! - old.totalCost!)).toBeGreaterThan(100);
      }
    }
  });

  it('recomputes as the estimator predicts after exchange rates, spot overhead, tax, support and discount rates change', () => {
    for (const name of ['mixed-fx', 'full-ft-rates']) {
      const k = CASES.find((x) => x.name === name)!;
      const { comparison, base } = expected.get(name)!;
      expect(comparison.rows.map((r) => r.breakEvenAgainst)).toEqual(
        comparison.rows.map((r) => base.rows.find((b) => b.optionId === r.optionId)!.breakEvenAgainst),
      );
      expectSummary(summary(after.get(name)!.wb, k.language), comparison, k.language, name);
      // Only the options priced through the changed cells move: a USD catalog offer ignores FX, on-demand and
      // reserved prices ignore spot overhead, tax and support rates.
      const still = name === 'mixed-fx' ? ['azure-a100-spot'] : ['aws-p5-on-demand', 'aws-p5-reserved-1y'];
      for (const row of comparison.rows) {
        const old = base.rows.find((r) => r.optionId === row.optionId)!.totalCost;
        if (still.includes(row.optionId)) expect(row.totalCost, row.optionId).toBe(old);
        else expect(row.totalCost, row.optionId).not.toBe(old);
      }
    }
  });
});
