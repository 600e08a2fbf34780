import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../compare/types';
import { exportCalibrations, estimateWithConfidence, fitCalibration } from '../confidence';
import { isEstimateError, parseEstimateInput } from '../training';
import { main, parseArgs, shippedCompareCatalog } from './compare';

const LORA_ON_ONE = {
  model: 'deepseek-llm-7b-base',
  method: 'lora',
  precision: 'bf16-mixed',
  seqLen: 2048,
  microBatch: 1,
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHIPPED = resolve(ROOT, 'catalog/scenarios');
const EXAMPLE = resolve(ROOT, 'estimator/scenario/__fixtures__/lora-7b.v1.scenario.json');
const shipped = readdirSync(SHIPPED)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(SHIPPED, f));

const run = async (...argv: string[]) => {
  const r = await main(argv);
  return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as Comparison) : null };
};

describe('npm run -s compare', () => {
  it('answers the contract example with ranked rows carrying totalCost', async () => {
    const r = await run(EXAMPLE);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const c = r.json!;
    expect(c.currency).toBe('USD');
    expect(c.rows).toHaveLength(3);
    for (const row of c.rows) {
      expect(row.fits).toBe(true);
      expect(typeof row.totalCost).toBe('number');
      expect(row.totalCost).toBeGreaterThan(0);
      for (const k of [
        'hoursPerRun',
        'totalHours',
        'capex',
        'opexTotal',
        'costPerRun',
        'energyKWh',
        'powerKW',
        'coolingBTUh',
        'coolingTons',
      ] as const)
        expect(typeof row[k], `${row.optionId}.${k}`).toBe('number');
      expect(Array.isArray(row.notes)).toBe(true);
    }
    const totals = c.rows.map((x) => x.totalCost!);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(c.notes.join(' ')).toMatch(/version 1 file/);
  });

  it.each(shipped.map((f) => [f.split('/').pop()!, f]))('compares the shipped example %s', async (_name, file) => {
    const r = await run(file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = r.json!;
    expect(c.rows.length).toBeGreaterThanOrEqual(3);
    expect(c.cheapestOptionId).not.toBeNull();
    for (const row of c.rows) {
      expect(row.fits, `${row.optionId}: ${row.notes.join('; ')}`).toBe(true);
      expect(row.totalCost).toBeGreaterThan(0);
      // each cost line's arithmetic is shown, and the lines add up to the total
      const sum = row.lines.filter((l) => l.kind !== 'info').reduce((a, l) => a + l.amountMinor, 0);
      expect(sum / 100).toBeCloseTo(row.totalCost!, 2);
      for (const l of row.lines) expect(l.formula.length).toBeGreaterThan(3);
      if (row.kind !== 'cloud') expect(row.breakEvenAgainst).toBe(c.cheapestCloudOptionId);
    }
  });

  it('plans the site for owned options when the scenario has one', async () => {
    const withSite = shipped.find((f) => f.includes('cpt-7b'))!;
    const c = (await run(withSite)).json!;
    const cluster = c.rows.find((r) => r.kind === 'cluster')!;
    expect(cluster.racks).toBeGreaterThanOrEqual(1);
    expect(typeof cluster.rackKWMax).toBe('number');
    expect(['air', 'rear-door', 'liquid']).toContain(cluster.coolingRequired);
    expect(typeof cluster.fitsSite).toBe('boolean');
    expect(cluster.facilityCapex).toBeGreaterThan(0);
    expect(cluster.lines.some((l) => l.id.startsWith('facility'))).toBe(true);
    expect(cluster.lines.some((l) => l.id === 'colocation')).toBe(true);
    for (const r of c.rows.filter((x) => x.kind === 'cloud')) expect(r.racks).toBeUndefined();
  });

  it("passes each system's full-load rating to the estimate (nodeMaxWatts): no server is estimated above its rating", async () => {
    for (const file of [...shipped, EXAMPLE]) {
      const c = (await run(file)).json!;
      for (const row of c.rows.filter((r) => r.kind !== 'cloud'))
        // compare.ts clamps and says so when an estimate's mean draw is above the rating: it no longer has to.
        expect(row.notes.join(' '), `${file} ${row.optionId}`).not.toMatch(/full-load rating/);
    }
  });

  it('is deterministic: the same file gives the same bytes', async () => {
    const a = await run(shipped[0]!);
    const b = await run(shipped[0]!);
    expect(a.stdout).toBe(b.stdout);
  });

  it('names the field of a bad file, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compare-'));
    const bad = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { options: { pricing?: string }[] };
    bad.options[2]!.pricing = 'cheap';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await run(file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${file}: options[2].pricing: must be one of "on-demand", "spot", "reserved-1y", "reserved-3y"\n`,
    );

    writeFileSync(file, '{ not json');
    const nj = await run(file);
    expect(nj.code).toBe(1);
    expect(nj.stderr).toMatch(/bad\.json: not JSON/);

    const missing = await run(join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot be read \(ENOENT\)/);
  });

  it('parses --xlsx, --csv and --lang, and names a bad command line', () => {
    expect(parseArgs(['a.json', '--xlsx', 'o.xlsx', '--csv=o.csv'])).toEqual({
      file: 'a.json',
      xlsx: 'o.xlsx',
      csv: 'o.csv',
    });
    expect(parseArgs(['a.json', '--lang', 'zh-CN'])).toEqual({ file: 'a.json', lang: 'zh-CN' });
    expect(parseArgs(['--xlsx'])).toEqual({ error: '--xlsx needs a file name' });
    expect(parseArgs(['a.json', '--lang', 'fr'])).toEqual({ error: '--lang must be en or zh-CN' });
    expect(parseArgs(['a.json', '--pdf', 'x'])).toEqual({ file: 'a.json', pdf: 'x', paper: 'A4' });
    expect(parseArgs(['a.json', '--pdf=x', '--paper=Letter'])).toEqual({ file: 'a.json', pdf: 'x', paper: 'Letter' });
    expect(parseArgs(['a.json', '--docx', 'x'])).toEqual({ error: 'unknown option --docx' });
  });

  it('--xlsx and --csv write the files beside the JSON, exit 0; --lang zh-CN labels the CSV in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compare-'));
    const xlsx = join(dir, 'out.xlsx');
    const csvEn = join(dir, 'en.csv');
    const r = await run(EXAMPLE, '--xlsx', xlsx, '--csv', csvEn);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.json!.rows).toHaveLength(3);
    // An xlsx is a zip archive (PK\x03\x04) holding the workbook.
    const book = readFileSync(xlsx);
    expect(book.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(book.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
    // The CSV: UTF-8 with a BOM, a header row, one line per option.
    const en = readFileSync(csvEn, 'utf8');
    expect(en.charCodeAt(0)).toBe(0xfeff);
    const enLines = en.slice(1).split('\r\n').filter(Boolean);
    expect(enLines).toHaveLength(1 + 3);
    expect(enLines[0]).toMatch(/^Rank,Option id,Option,/);

    const csvZh = join(dir, 'zh.csv');
    const z = await run(EXAMPLE, '--csv', csvZh, '--lang', 'zh-CN');
    expect(z.code).toBe(0);
    const zh = readFileSync(csvZh, 'utf8');
    const zhLines = zh.slice(1).split('\r\n').filter(Boolean);
    expect(zhLines[0]).toMatch(/^排名,选项编号,选项,/);
    expect(zhLines[0]).toContain('显存');
    expect(zhLines[0]).not.toBe(enLines[0]);
    // Same rows, same columns: only the labels changed language.
    expect(zhLines).toHaveLength(enLines.length);
    expect(zhLines[0]!.split(',')).toHaveLength(enLines[0]!.split(',').length);
    // Option ids and numbers are the same in both.
    expect(zhLines[1]!.split(',')[1]).toBe(enLines[1]!.split(',')[1]);
  });

  it('--calibrations applies the app’s exported calibrations: a GPU measured 20% slower runs 1.25× the hours', async () => {
    const lora = join(SHIPPED, 'lora-deepseek-7b.scenario.json');
    const before = (await run(lora)).json!;
    const row = before.rows.find((r) => r.kind === 'cloud' && r.fits)!;
    const catalog = shippedCompareCatalog();
    const parsed = parseEstimateInput({ ...LORA_ON_ONE, gpu: row.gpu });
    if (!parsed.ok) throw new Error(parsed.error);
    const plain = estimateWithConfidence(parsed.input, catalog);
    if (isEstimateError(plain)) throw new Error(plain.error);
    const fitted = fitCalibration(parsed.input, { tokensPerSecond: plain.throughput.tokensPerSecond * 0.8 }, catalog, {
      id: 'slower',
      date: '2026-11-23',
    });
    if (!fitted.ok) throw new Error(fitted.errors.join());
    const file = join(mkdtempSync(join(tmpdir(), 'gpu-planner-cmp-cal-')), 'calibrations.json');
    writeFileSync(file, exportCalibrations([fitted.calibration]));
    const after = await run(lora, '--calibrations', file);
    expect(after.code).toBe(0);
    const calibrated = after.json!.rows.find((r) => r.optionId === row.optionId)!;
    expect(calibrated.hoursPerRun! / row.hoursPerRun!).toBeCloseTo(1.25, 1);
    // Other GPUs are untouched.
    const other = before.rows.find((r) => r.gpu !== row.gpu && r.hoursPerRun !== null)!;
    expect(after.json!.rows.find((r) => r.optionId === other.optionId)!.hoursPerRun).toBe(other.hoursPerRun);
    const bad = await run(lora, '--calibrations', join(tmpdir(), 'no-such-calibrations.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--calibrations .*no-such-calibrations\.json: cannot be read \(ENOENT\)/);
  });
});
