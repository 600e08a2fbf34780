import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../compare/types';
import { main, parseArgs } from './compare';

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

  it('accepts --xlsx and --csv, and says when the exporters are not there yet (exit 3)', async () => {
    expect(parseArgs(['a.json', '--xlsx', 'o.xlsx', '--csv=o.csv'])).toEqual({
      file: 'a.json',
      xlsx: 'o.xlsx',
      csv: 'o.csv',
    });
    expect(parseArgs(['--xlsx'])).toEqual({ error: '--xlsx needs a file name' });
    expect(parseArgs(['a.json', '--pdf', 'x'])).toEqual({ error: 'unknown option --pdf' });
    const dir = mkdtempSync(join(tmpdir(), 'compare-'));
    const r = await run(EXAMPLE, '--csv', join(dir, 'out.csv'));
    let exporters = true;
    try {
      readFileSync(resolve(ROOT, 'estimator/export/index.ts'));
    } catch {
      exporters = false;
    }
    if (!exporters) {
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/--csv is not yet available/);
    } else expect([0, 3]).toContain(r.code);
    expect(r.json!.rows.length).toBe(3);
  });
});
