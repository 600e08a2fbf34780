import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../cli/compare';
import { compareScenario } from '../compare/engine';
import { exportXlsx } from './index';
import { messagesFor } from './messages';
import type { ExportInput, ExportLanguage } from './types';
import { buildWorkbook } from './workbook/build';
import type { Cell, Formula, SheetModel } from './workbook/model';
import { SITE } from './workbook/names';

/**
 * The Facility sheet's layout (issue 10): the site's assumptions as named inputs, one block of formulas
 * per planned option caching the plan's values, and the Options sheet's site-plan lines reading it.
 * libreoffice.test.ts has LibreOffice recompute it.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shipped = shippedCatalog();
const readJson = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as Record<string, unknown>;

/** The e2e "20 kW air-cooled room": three owned options, PUE 1.5, 15 kW air-cooled racks. */
function room(site: Record<string, unknown> = {}): Record<string, unknown> {
  const raw = readJson('e2e/fixtures/scenario/three-owned.gpuplan.json') as { assumptions: Record<string, unknown> };
  raw.assumptions.pue = 1.5;
  raw.assumptions.site = { kind: 'own-room', powerKW: 20, coolingKW: 20, rackKW: 15, cooling: 'air', ...site };
  return raw;
}

function inputOf(raw: unknown, language: ExportLanguage = 'en'): ExportInput {
  const { comparison, scenario } = compareScenario(raw, shipped.catalog);
  return { comparison, scenario, catalog: shipped.catalog, catalogVersion: shipped.version, language };
}

const isFormula = (v: unknown): v is Formula => typeof v === 'object' && v !== null && 'formula' in v;
const cells = (sheet: SheetModel): [string, Cell][] =>
  [...sheet.rows].flatMap(([r, row]) => [...row].map(([c, cell]) => [`${c}:${r}`, cell] as [string, Cell]));
const sheetOf = (input: ExportInput, name: string) => buildWorkbook(input).sheets.find((s) => s.name === name)!;

describe('the Facility sheet', () => {
  it('comes after Assumptions when there is a site, and not at all without one', async () => {
    const open = async (input: ExportInput) => {
      const wb = new ExcelJS.Workbook();
      const bytes = await exportXlsx(input);
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      return wb.worksheets.map((w) => w.name);
    };
    expect(await open(inputOf(room()))).toEqual([
      'Summary',
      'Assumptions',
      'Facility',
      'Options',
      'Cash flow',
      'Catalog',
    ]);
    expect(await open(inputOf(readJson('catalog/scenarios/lora-deepseek-7b.scenario.json')))).not.toContain('Facility');
  });

  it('holds the site’s assumptions as named yellow inputs, a limit the site leaves out blank', () => {
    const sheet = sheetOf(inputOf(room()), 'Facility');
    const named = (name: string) => {
      const at = sheet.names.get(name);
      expect(at, name).toBeDefined();
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(at!)!;
      return sheet.rows.get(Number(row))!.get(col!.charCodeAt(0) - 64)!;
    };
    for (const [name, value] of [
      [SITE.powerKW, 20],
      [SITE.coolingKW, 20],
      [SITE.rackKW, 15],
      [SITE.rackUnits, 42],
      [SITE.cooling, 'air'],
      [SITE.airLimit, 30],
      [SITE.circuitVolts, 208],
      [SITE.circuitAmps, 30],
      [SITE.circuitAmpsHeavy, 60],
      [SITE.continuousLoad, 0.8],
      [SITE.feeds, 2],
      [SITE.rackPrice, 1200],
      [SITE.pduPrice, 1200],
      [SITE.liquidPerKW, 1875],
    ] as const) {
      const c = named(name);
      expect(c.value, name).toBe(value);
      expect(c.styles, name).toContain('input');
    }
    // Tons were not given: blank, so the cooling check uses the kW.
    expect(named(SITE.coolingTons).value).toBeNull();
    expect(named(SITE.coolingCapacityKW).value).toEqual({
      formula: expect.stringContaining('SiteCoolingKW'),
      result: 20,
    });
    // The PUE is the Assumptions sheet's, not a second input.
    expect(sheet.names.has('FacilityPUE')).toBe(false);
  });

  it('gives each planned option formulas over the site inputs, caching the app’s plan', () => {
    const input = inputOf(room(), 'zh-CN');
    const sheet = sheetOf(input, 'Facility');
    const F = messagesFor('zh-CN').facility;
    const all = cells(sheet);
    const four = input.comparison.rows.find((r) => r.optionId === 'four-h100')!;
    const plan = four.facilityPlan!;
    const title = all.findIndex(([, c]) => typeof c.value === 'string' && c.value.includes('（four-h100）'));
    expect(title).toBeGreaterThan(0);
    const titleRow = Number(all[title]![0].split(':')[1]);
    /** The formula in column B of the first row after the block's title labelled `label`. */
    const rowOf = (label: string): Formula => {
      for (let r = titleRow + 1; ; r++) {
        const row = sheet.rows.get(r);
        if (!row) throw new Error(`no row ${label}`);
        if (row.get(1)?.value === label) return row.get(2)!.value as Formula;
      }
    };
    expect(rowOf(F.row.perRack)).toEqual({ formula: expect.stringMatching(/^MAX\(1,MIN\(B\d+,B\d+\)\)$/), result: 1 });
    expect(rowOf(F.row.byKW).formula).toMatch(/^INT\(B\d+\/B\d+\+1E-9\)$/);
    expect(rowOf(F.row.byU).formula).toContain('SiteRackUnits');
    expect(rowOf(F.row.racks)).toEqual({ formula: expect.stringMatching(/^ROUNDUP\(B\d+\/B\d+,0\)$/), result: 4 });
    expect(rowOf(F.row.facilityKW)).toEqual({
      formula: expect.stringContaining('*FacilityPUE'),
      result: plan.facilityKW,
    });
    expect(rowOf(F.row.kWPerCircuit).formula).toContain('SQRT(3),1)*CircuitVolts');
    expect(rowOf(F.row.pdus)).toEqual({ formula: expect.stringContaining('FeedsPerRack*'), result: 8 });
    expect(rowOf(F.row.capexRacks)).toEqual({ formula: expect.stringContaining('SiteRackPrice'), result: 4800 });
    expect(rowOf(F.row.shortPower)).toEqual({ formula: expect.stringContaining('SitePowerKW'), result: 40.8 - 20 });
    expect(rowOf(F.row.verdict).result).toBe(F.doesNotFit);
    expect(rowOf(F.row.coolingRequired).result).toBe('风冷');
    for (const [, c] of all) if (isFormula(c.value)) expect(c.value.result, c.value.formula).not.toBeUndefined();
  });

  it('makes the Options sheet’s site-plan lines formulas over the Facility cells, with a retrofit line worth 0', () => {
    const input = inputOf(room());
    const options = sheetOf(input, 'Options');
    const facilityLines = cells(options)
      .map(([, c]) => c.value)
      .filter(isFormula)
      .filter((f) => f.formula.includes('Facility!'));
    // Three owned options × racks, PDUs and a retrofit (none needed at 15 kW air: worth 0).
    expect(facilityLines).toHaveLength(9);
    for (const f of facilityLines) expect(f.formula).toMatch(/^ROUND\(Facility!B\d+,2\)$/);
    expect(facilityLines.filter((f) => f.result === 0)).toHaveLength(3);
    const four = input.comparison.rows.find((r) => r.optionId === 'four-h100')!;
    const racks = four.lines.find((l) => l.id === 'facility-racks')!.amountMinor / 100;
    expect(facilityLines.map((f) => f.result)).toContain(racks);
    // The tax formula counts the site-plan lines, the retrofit included.
    const tax = cells(options)
      .map(([, c]) => c.value)
      .filter(isFormula)
      .filter((f) => f.formula.includes('*TaxRate'));
    for (const f of tax) expect(f.formula).toMatch(/\(B\d+\+B\d+\+B\d+\)/);
  });
});
