import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, shippedCatalog } from '../cli/compare';
import { compareScenario } from '../compare/engine';
import { columnHeader, gridColumns } from './columns';
import { BOM, exportCsv } from './csv';
import { exportDate, NO_DATE } from './date';
import { exportXlsx } from './index';
import { messagesFor } from './messages';
import type { ExportInput, ExportLanguage } from './types';
import { buildWorkbook } from './workbook/build';
import type { Formula } from './workbook/model';
import { dosDateTime } from './zip-dates';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHIPPED = ['lora-deepseek-7b', 'full-ft-deepseek-67b', 'cpt-7b-100b-tokens'].map((f) =>
  resolve(ROOT, `catalog/scenarios/${f}.scenario.json`),
);
const MIXED = resolve(ROOT, 'estimator/export/__fixtures__/mixed-currencies.scenario.json');
const shipped = shippedCatalog();

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8'));

/** What the app passes the exporters for a scenario file: the comparison against the shipped catalog. */
function inputOf(raw: unknown, language: ExportLanguage = 'en'): ExportInput {
  const { comparison, scenario } = compareScenario(raw, shipped.catalog);
  return { comparison, scenario, catalog: shipped.catalog, catalogVersion: shipped.version, language };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // An ArrayBuffer, not a Buffer: exceljs's load(Buffer) type trips over @types/node's Buffer.
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const isFormula = (v: unknown): v is Formula => typeof v === 'object' && v !== null && 'formula' in v;

/** The Summary table's rows by option id: header label -> the cell's value (a formula's cached result). */
function summaryTable(ws: ExcelJS.Worksheet, language: ExportLanguage): Map<string, Map<string, unknown>> {
  const m = messagesFor(language);
  let header = 0;
  ws.eachRow((row, r) => {
    if (!header && row.getCell(1).value === m.column.rank) header = r;
  });
  const labels = (ws.getRow(header).values as unknown[]).map((v) => String(v ?? ''));
  const out = new Map<string, Map<string, unknown>>();
  for (let r = header + 1; ; r++) {
    const row = ws.getRow(r);
    const id = row.getCell(3).value;
    if (typeof id !== 'string' || !id) break;
    const cells = new Map<string, unknown>();
    labels.forEach((label, c) => {
      if (!label) return;
      const v = row.getCell(c).value;
      cells.set(label, isFormula(v) ? (v.result ?? 0) : v);
    });
    out.set(id, cells);
  }
  return out;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('xlsx export', () => {
  it('has the five sheets, named assumption cells, frozen headers and a landscape fit-to-width print setup', async () => {
    const input = inputOf(readJson(SHIPPED[1]!));
    const wb = await open(await exportXlsx(input));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Assumptions', 'Options', 'Cash flow', 'Catalog']);
    for (const name of [
      'ElectricityPrice',
      'FacilityPUE',
      'SupportRatePerYear',
      'DepreciationYears',
      'ResidualValueRate',
      'UtilizationOwned',
      'SpotOverhead',
      'DiscountRatePerYear',
      'FX_CNY',
      'FX_EUR',
      'TaxRate',
      'RunsTotal',
    ])
      expect(wb.definedNames.getRanges(name).ranges[0], name).toMatch(/^Assumptions!\$B\$\d+$/);
    const tariff = wb.definedNames.getRanges('ElectricityPrice').ranges[0]!.split('!')[1]!.replace(/\$/g, '');
    expect(wb.getWorksheet('Assumptions')!.getCell(tariff).value).toBe(0.0806);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen' });
      expect((ws.views[0] as { ySplit: number }).ySplit, ws.name).toBeGreaterThan(0);
      expect(ws.pageSetup, ws.name).toMatchObject({
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    const summary = wb.getWorksheet('Summary')!;
    const text = JSON.stringify((summary.getSheetValues() as unknown[]).slice(0, 14));
    expect(text).toContain(input.scenario.name);
    expect(text).toContain('2026.11.23 (2026-11-23)');
    expect(text).toContain('USD');
  });

  it('caches the app’s numbers: every Summary figure is the comparison’s, as a formula', async () => {
    for (const file of [...SHIPPED, MIXED]) {
      const input = inputOf(readJson(file));
      const wb = await open(await exportXlsx(input));
      const table = summaryTable(wb.getWorksheet('Summary')!, 'en');
      const m = messagesFor('en');
      const h = (k: keyof typeof m.column) => columnHeader(k, m, input.comparison.currency);
      expect([...table.keys()]).toEqual(input.comparison.rows.map((r) => r.optionId));
      for (const row of input.comparison.rows) {
        const cells = table.get(row.optionId)!;
        expect(cells.get(h('totalCost')), row.optionId).toBe(row.totalCost);
        expect(cells.get(h('capex'))).toBe(row.capex);
        expect(cells.get(h('opexTotal'))).toBe(row.opexTotal);
        expect(cells.get(h('costPerRun'))).toBe(row.costPerRun);
        expect(cells.get(h('npvCost'))).toBe(row.npvCost);
        expect(cells.get(h('energyKWh'))).toBe(row.energyKWh);
        if (row.kind !== 'cloud')
          expect(cells.get(h('breakEvenMonths'))).toBe(row.breakEvenMonths ?? m.cashflow.breakEvenNone);
      }
    }
  });

  it('writes every cost line as a formula over its inputs and the named assumptions (the site plan included)', () => {
    for (const file of [...SHIPPED, MIXED]) {
      const input = inputOf(readJson(file));
      const model = buildWorkbook(input);
      const options = model.sheets.find((s) => s.name === 'Options')!;
      const m = messagesFor('en');
      let lines = 0;
      for (const [, cells] of options.rows) {
        const paid = cells.get(4)?.value;
        if (typeof paid !== 'string' || paid === m.options.header.paid) continue;
        lines += 1;
        const value = cells.get(2)?.value;
        const arithmetic = String(cells.get(5)?.value ?? '');
        if (arithmetic.includes(m.options.fromSitePlan)) expect(typeof value).toBe('number');
        else expect(isFormula(value), `${String(cells.get(1)?.value)}: ${arithmetic}`).toBe(true);
        if (cells.get(1)?.value === m.options.line.energy) {
          const f = (value as Formula).formula;
          expect(f).toMatch(/RunsTotal\*B\d+\*FacilityPUE\*/);
          expect(f).toMatch(/ElectricityPrice/);
        }
      }
      const lineCount = input.comparison.rows.reduce((a, r) => a + r.lines.length, 0);
      expect(lines).toBeGreaterThanOrEqual(lineCount);
    }
  });

  it('converts prices quoted in another currency with a formula over the FX rate', () => {
    const model = buildWorkbook(inputOf(readJson(MIXED)));
    const formulas = model.sheets
      .flatMap((s) => [...s.rows.values()].flatMap((r) => [...r.values()]))
      .map((c) => c.value)
      .filter(isFormula)
      .map((f) => f.formula);
    expect(formulas.some((f) => /^B\d+\/FX_CNY$/.test(f))).toBe(true); // server price, CNY quote
    expect(formulas.some((f) => /^B\d+\/FX_EUR$/.test(f))).toBe(true); // switch price, EUR quote
    expect(formulas.some((f) => f.includes('(ElectricityPrice/FX_CNY)'))).toBe(true);
    expect(formulas.some((f) => f.includes('(RackPrice/FX_EUR)'))).toBe(true);
  });

  it('labels follow the language; sheet and cell names do not', async () => {
    const input = inputOf(readJson(SHIPPED[2]!), 'zh-CN');
    const wb = await open(await exportXlsx(input));
    // This scenario has a colocation site: its plan gets the Facility sheet.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Assumptions',
      'Facility',
      'Options',
      'Cash flow',
      'Catalog',
    ]);
    expect(wb.getWorksheet('Summary')!.getCell('A1').value).toBe(`GPU Planner 方案对比：${input.scenario.name}`);
    const table = summaryTable(wb.getWorksheet('Summary')!, 'zh-CN');
    const cluster = table.get('cluster-4xh100')!;
    expect(cluster.get('类型')).toBe('自建集群');
    expect(cluster.get('总拥有成本 TCO（USD）')).toBe(
      input.comparison.rows.find((r) => r.kind === 'cluster')!.totalCost,
    );
    expect(wb.getWorksheet('Assumptions')!.getCell('A1').value).toMatch(/^假设条件：/);
    expect(wb.definedNames.getRanges('ElectricityPrice').ranges).toHaveLength(1);
  });

  it('exports an option that does not fit with its notes and no figures, ranked last', async () => {
    const raw = readJson(SHIPPED[1]!) as { options: unknown[] };
    // Without sharding or offload a 67B full fine-tune cannot fit two 24 GB cards.
    raw.options.push({
      id: 'rtx-workstation',
      kind: 'owned',
      system: 'ws-2x-rtx-4090',
      parallel: { zero: 0, offload: 'none' },
    });
    const input = inputOf(raw);
    const last = input.comparison.rows.at(-1)!;
    expect(last.optionId).toBe('rtx-workstation');
    expect(last.fits).toBe(false);
    const wb = await open(await exportXlsx(input));
    const row = summaryTable(wb.getWorksheet('Summary')!, 'en').get('rtx-workstation')!;
    expect(row.get('Total cost (USD)')).toBeNull();
    expect(row.get('Rank at these assumptions')).toBe('—');
    expect(JSON.stringify(wb.getWorksheet('Options')!.getSheetValues())).toContain('does not fit');
  });
});

describe('CSV export', () => {
  it.each(['en', 'zh-CN'] as const)('starts with a BOM, has the grid’s columns and parses back (%s)', (language) => {
    const input = inputOf(readJson(SHIPPED[2]!), language);
    const text = exportCsv(input);
    expect(text.startsWith(BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    const m = messagesFor(language);
    const columns = gridColumns(input.comparison);
    expect(header).toEqual(columns.map((c) => columnHeader(c.key, m, 'USD')));
    // contracts/scenario.md's row fields are all there, and the site columns of this scenario.
    for (const key of [
      'optionId',
      'fits',
      'gpus',
      'hoursPerRun',
      'totalHours',
      'capex',
      'opexTotal',
      'totalCost',
      'costPerRun',
      'energyKWh',
      'powerKW',
      'coolingBTUh',
      'coolingTons',
      'breakEvenMonths',
      'notes',
      'racks',
      'rackKWMax',
      'coolingRequired',
      'fitsSite',
      'facilityCapex',
    ] as const)
      expect(columns.map((c) => c.key)).toContain(key);
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    expect(rows).toHaveLength(input.comparison.rows.length);
    input.comparison.rows.forEach((r, i) => {
      const cells = rows[i]!;
      expect(cells[at('optionId')]).toBe(r.optionId);
      expect(Number(cells[at('totalCost')])).toBe(r.totalCost);
      expect(Number(cells[at('costPerRun')])).toBe(r.costPerRun);
      expect(cells[at('fits')]).toBe(r.fits ? m.yes : m.no);
      expect(cells[at('kind')]).toBe(m.kind[r.kind]);
      expect(cells[at('notes')]).toBe(r.notes.join('\n'));
      expect(cells[at('breakEvenMonths')]).toBe(r.breakEvenMonths === null ? '' : String(r.breakEvenMonths));
    });
    if (language === 'zh-CN') {
      expect(header).toContain('总拥有成本 TCO（USD）');
      expect(rows.map((r) => r[at('kind')])).toContain('云实例');
    }
  });
});

describe('deterministic bytes', () => {
  it('dates the export from the catalog and the scenario, never the clock', () => {
    const input = inputOf(readJson(SHIPPED[0]!));
    expect(exportDate(input)).toBe('2026-11-23'); // the catalog version; the scenario's newest is 2026-11-01
    expect(exportDate({ ...input, catalogVersion: null })).toBe('2026-11-01');
    expect(
      exportDate({
        scenario: { ...input.scenario, assumptions: { ...input.scenario.assumptions, fx: {} } } as never,
        catalogVersion: null,
      }),
    ).toBe('2023-12-31');
    expect(NO_DATE).toBe('1980-01-01');
  });

  it('gives the same bytes at different times, every ZIP entry stamped with the export date', async () => {
    const input = inputOf(readJson(SHIPPED[1]!));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
    const a = await exportXlsx(input);
    vi.setSystemTime(new Date('2032-01-02T03:04:05Z'));
    const b = await exportXlsx(input);
    vi.useRealTimers();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { time, date } = dosDateTime(new Date('2026-11-23T00:00:00Z'));
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    let entries = 0;
    for (let i = 0; i + 4 <= a.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) {
        entries += 1;
        expect([view.getUint16(i + 12, true), view.getUint16(i + 14, true)]).toEqual([time, date]);
      }
    expect(entries).toBeGreaterThan(10);
    const wb = await open(a);
    expect(wb.created.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('the command line writes byte for byte what the app exports, and the same twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
    const file = SHIPPED[2]!;
    const out = (n: number, ext: string) => join(dir, `out${n}.${ext}`);
    for (const n of [1, 2]) {
      const r = await main([file, '--xlsx', out(n, 'xlsx'), '--csv', out(n, 'csv'), '--lang', 'zh-CN']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const input = inputOf(readJson(file), 'zh-CN');
    const app = { xlsx: Buffer.from(await exportXlsx(input)), csv: Buffer.from(exportCsv(input), 'utf8') };
    for (const ext of ['xlsx', 'csv'] as const) {
      const one = readFileSync(out(1, ext));
      expect(one.equals(readFileSync(out(2, ext))), ext).toBe(true);
      expect(one.equals(app[ext]), ext).toBe(true);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
