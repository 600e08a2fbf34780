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
/**
 * The e2e "20 kW air-cooled room" (e2e/scenario.spec.ts): three owned options, one of which (four
 * 10.2 kW DGX H100s) does not fit; PUE 1.5 and 15 kW racks.
 */
const ROOM = 'server-room';
function rawScenario(name: string): Raw {
  if (name !== ROOM) return JSON.parse(readFileSync(scenarioFile(name), 'utf8')) as Raw;
  const raw = JSON.parse(readFileSync(resolve(ROOT, 'e2e/fixtures/scenario/three-owned.gpuplan.json'), 'utf8')) as Raw;
  raw.assumptions.pue = 1.5;
  raw.assumptions.site = { kind: 'own-room', powerKW: 20, coolingKW: 20, rackKW: 15, cooling: 'air' };
  return raw;
}
type Site = Record<string, unknown>;
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
  { name: 'room', scenario: ROOM, language: 'en' },
  {
    // PUE 1.5 -> 1.15 and 15 kW -> 25 kW racks: two H100 servers share a rack, the facility load drops.
    name: 'room-site',
    scenario: ROOM,
    language: 'en',
    edits: { FacilityPUE: 1.15, SiteRackKW: 25 },
    change: (raw) => {
      raw.assumptions.pue = 1.15;
      (raw.assumptions.site as Site).rackKW = 25;
    },
  },
  {
    // Not a scenario field (a planner constant), so no comparison to mirror: the arithmetic is written out in the test.
    name: 'room-retrofit',
    scenario: ROOM,
    language: 'en',
    edits: { AirCoolingLimitKWPerRack: 8 },
    change: () => undefined,
  },
  {
    // A colocation site: its price per kW-month, rack height and power limit changed in the file.
    name: 'cpt-site',
    scenario: 'cpt-7b-100b-tokens',
    language: 'en',
    edits: { ColoPerKWMonth: 150, SiteRackUnits: 10, SitePowerKW: 45 },
    change: (raw) => {
      const site = raw.assumptions.site as Site & { coloPerKWMonth: { amount: number } };
      site.coloPerKWMonth.amount = 150;
      site.rackUnits = 10;
      site.powerKW = 45;
    },
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

/** The Facility sheet's blocks by option id: `label|unit` -> value, as the sheet shows them. */
function facilityBlocks(wb: ExcelJS.Workbook, ids: readonly string[]): Map<string, Map<string, unknown>> {
  const ws = wb.getWorksheet('Facility')!;
  const out = new Map<string, Map<string, unknown>>();
  let current: Map<string, unknown> | null = null;
  ws.eachRow({ includeEmpty: true }, (row) => {
    const label = String(plain(row.getCell(1).value) ?? '');
    const id = ids.find((x) => label.includes(`(${x})`) || label.includes(`（${x}）`));
    if (id) out.set(id, (current = new Map()));
    else if (!label) current = null;
    else current?.set(`${label}|${String(plain(row.getCell(3).value) ?? '')}`, plain(row.getCell(2).value));
  });
  return out;
}

/** Checks each planned option's recomputed Facility block against the app's site plan for it. */
function expectFacility(wb: ExcelJS.Workbook, c: Comparison, language: ExportLanguage, what: string) {
  const F = messagesFor(language).facility;
  const U = F.unit;
  const blocks = facilityBlocks(
    wb,
    c.rows.map((r) => r.optionId),
  );
  const planned = c.rows.filter((r) => r.facilityPlan);
  expect(planned.length, what).toBeGreaterThan(0);
  for (const row of planned) {
    const p = row.facilityPlan!;
    const at = `${what} ${row.optionId}`;
    const got = blocks.get(row.optionId)!;
    expect(got, at).toBeDefined();
    const v = (label: string, unit: string) => Number(got.get(`${label}|${unit}`));
    const money = (label: string) => v(label, '');
    expect(v(F.row.perRack, U.servers), `${at} per rack`).toBe(p.serversPerRack);
    expect(v(F.row.racks, U.racks), `${at} racks`).toBe(p.racks);
    expect(v(F.row.pdus, U.pdus), `${at} PDUs`).toBe(p.power.pdus);
    expect(v(F.row.rackKWMax, U.kW), `${at} heaviest rack`).toBeCloseTo(p.rackKWMax, 9);
    expect(v(F.row.itKW, U.kW), `${at} IT kW`).toBeCloseTo(p.itKW, 9);
    expect(v(F.row.facilityKW, U.kW), `${at} facility kW`).toBeCloseTo(p.facilityKW, 9);
    expect(v(F.row.btuh, U.btuh), `${at} BTU/h`).toBeCloseTo(p.coolingLoad.btuPerHour, 6);
    expect(v(F.row.tons, U.tons), `${at} tons`).toBeCloseTo(p.coolingLoad.tons, 9);
    expect(v(F.row.kWPerCircuit, U.kW), `${at} kW per circuit`).toBeCloseTo(p.power.kWPerCircuit, 9);
    expect(Math.abs(money(F.row.capex) - p.facilityCapex.amountMinor / 100), `${at} capex`).toBeLessThanOrEqual(CENT);
    for (const l of p.capexLines) {
      const label =
        { 'facility-racks': F.row.capexRacks, 'facility-pdus': F.row.capexPdus }[l.id] ?? F.row.capexRetrofit;
      expect(Math.abs(money(label) - l.amountMinor / 100), `${at} ${l.id}`).toBeLessThanOrEqual(CENT);
    }
    const power = p.shortfalls.find((x) => x.what === 'power')?.short ?? 0;
    expect(v(F.row.shortPower, U.kW), `${at} power shortfall`).toBeCloseTo(power, 9);
    expect(got.get(`${F.row.verdict}|${U.text}`), `${at} verdict`).toBe(p.fitsSite ? F.fits : F.doesNotFit);
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
      const raw = rawScenario(k.scenario);
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

  it('recomputes the Facility sheet to each option’s site plan', () => {
    for (const name of ['room', 'cpt']) {
      const k = CASES.find((x) => x.name === name)!;
      expectFacility(after.get(name)!.wb, expected.get(name)!.comparison, k.language, name);
    }
  });

  it('recomputes racks, loads, site capex and the totals as the app does after site assumptions change', () => {
    for (const name of ['room-site', 'cpt-site']) {
      const k = CASES.find((x) => x.name === name)!;
      const { comparison, base } = expected.get(name)!;
      const wb = after.get(name)!.wb;
      expectFacility(wb, comparison, k.language, name);
      expectSummary(summary(wb, k.language), comparison, k.language, name);
      // The changes reach every planned option's total, and the cloud options stay as they were.
      expect(comparison.rows.map((r) => r.feasible)).toEqual(
        comparison.rows.map((r) => base.rows.find((b) => b.optionId === r.optionId)!.feasible),
      );
      for (const row of comparison.rows) {
        const old = base.rows.find((r) => r.optionId === row.optionId)!;
        if (row.kind === 'cloud') expect(row.totalCost, row.optionId).toBe(old.totalCost);
        else expect(row.totalCost, row.optionId).not.toBe(old.totalCost);
      }
    }
    // Two 10.2 kW servers share a 25 kW rack: the four-server cluster needs 2 racks, not 4, at PUE 1.15.
    const room = expected.get('room-site')!;
    const four = (c: Comparison) => c.rows.find((r) => r.optionId === 'four-h100')!.facilityPlan!;
    expect(four(room.base).racks).toBe(4);
    expect(four(room.comparison).racks).toBe(2);
    expect(four(room.comparison).facilityKW).toBeCloseTo(40.8 * 1.15, 9);
  });

  it('adds a cooling retrofit when racks outgrow what the site’s cooling sheds', () => {
    const { wb } = after.get('room-retrofit')!;
    const { base } = expected.get('room-retrofit')!;
    const F = messagesFor('en').facility;
    const U = F.unit;
    const h = (k: 'totalCost' | 'capex') => columnHeader(k, messagesFor('en'), base.currency);
    const blocks = facilityBlocks(
      wb,
      base.rows.map((r) => r.optionId),
    );
    const four = blocks.get('four-h100')!;
    const v = (label: string, unit: string) => Number(four.get(`${label}|${unit}`));
    // Air sheds 8 kW a rack here: racks are filled to min(15, 8) = 8 kW, so each 10.2 kW server gets its own
    // rack (at least one a rack), 4 racks of 10.2 kW, each needing a rear door (≤ 50 kW): 40.8 kW × 1,000 USD.
    expect(v(F.row.rackKWLimit, U.rackKW)).toBe(8);
    expect(v(F.row.racks, U.racks)).toBe(4);
    expect(four.get(`${F.row.coolingRequired}|${U.text}`)).toBe(messagesFor('en').cooling['rear-door']);
    expect(four.get(`${F.row.airEnough}|${U.text}`)).toBe('no');
    expect(v(F.row.retrofitRacks, U.racks)).toBe(4);
    expect(v(F.row.retrofitKW, U.kW)).toBeCloseTo(40.8, 9);
    expect(v(F.row.capexRetrofit, '')).toBe(40_800);
    // The retrofit line (worth 0 in the app) now carries it into capex and the total; the fixture's tax rate is 0.
    const table = summary(wb, 'en');
    const was = base.rows.find((r) => r.optionId === 'four-h100')!;
    expect(Number(table.get('four-h100')!.get(h('capex')))).toBeCloseTo(was.capex! + 40_800, 2);
    expect(Number(table.get('four-h100')!.get(h('totalCost')))).toBeCloseTo(was.totalCost! + 40_800, 2);
    // A 3.2 kW server still fits an 8 kW air-cooled rack: nothing changes for it.
    const v100 = base.rows.find((r) => r.optionId === 'used-v100')!;
    expect(Number(table.get('used-v100')!.get(h('totalCost')))).toBeCloseTo(v100.totalCost!, 2);
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
