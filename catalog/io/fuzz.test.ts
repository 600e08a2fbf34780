import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../index';
import { TABLE_KINDS, TABLES, type TableKind } from '../tables';
import {
  exportTableCsv,
  exportTableJson,
  importCatalogJson,
  importPastedRows,
  importTable,
  MAX_IMPORT_CHARS,
} from './index';

const shipped = loadShippedCatalog();
const gpuIds = new Set(shipped.tables.gpus.map((g) => g.id));

/** An import either fails with problems and no rows, or returns rows that all pass the table's checks. */
function expectSafe(kind: TableKind, run: () => { ok: boolean; errors?: string[]; rows?: unknown[] }) {
  let result: { ok: boolean; errors?: string[]; rows?: unknown[] } | undefined;
  expect(() => (result = run())).not.toThrow();
  if (!result) throw new Error('no result');
  if (result.ok) for (const row of result.rows ?? []) expect(TABLES[kind].schema.safeParse(row).success).toBe(true);
  else {
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result).not.toHaveProperty('rows');
  }
  return result;
}

const kinds = fc.constantFrom(...TABLE_KINDS);
const formats = fc.constantFrom('csv' as const, 'json' as const);

describe('imports of hostile or broken files', () => {
  it('random text never throws and never yields invalid rows', () => {
    fc.assert(
      fc.property(kinds, formats, fc.string({ unit: 'binary', maxLength: 400 }), (kind, format, text) => {
        expectSafe(kind, () => importTable(kind, text, format, { gpuIds }));
        expectSafe(kind, () => importPastedRows(kind, text, { gpuIds }));
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes read as text never throw', () => {
    fc.assert(
      fc.property(kinds, formats, fc.uint8Array({ maxLength: 600 }), (kind, format, bytes) => {
        expectSafe(kind, () => importTable(kind, String.fromCharCode(...bytes), format));
      }),
      { numRuns: 200 },
    );
  });

  it('valid-looking files with random cells never throw', () => {
    fc.assert(
      fc.property(kinds, fc.array(fc.anything(), { maxLength: 5 }), (kind, junk) => {
        const rows = (shipped.tables[kind] as unknown as Record<string, unknown>[])
          .slice(0, junk.length)
          .map((row, i) => ({
            ...row,
            [Object.keys(row)[i % Object.keys(row).length]!]: junk[i],
          }));
        expectSafe(kind, () => importTable(kind, exportTableJson(kind, rows), 'json', { gpuIds }));
        expectSafe(kind, () => importTable(kind, JSON.stringify(junk), 'json', { gpuIds }));
        expectSafe(
          kind,
          () =>
            importCatalogJson(
              JSON.stringify({ format: 'gpu-planner.catalog', version: 1, tables: { [kind]: junk } }),
            ) as never,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('refuses huge files before parsing them', () => {
    const started = Date.now();
    const result = importTable('gpus', 'a'.repeat(MAX_IMPORT_CHARS + 1), 'csv');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]).toMatch(/at most 20,000,000 can be imported/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a large wrong file with a bounded list of problems', () => {
    const header = exportTableCsv('systems', []).trim();
    const line = Array(header.split(',').length).fill('x').join(',');
    const result = importTable('systems', `${header}\n${`${line}\n`.repeat(5000)}`, 'csv');
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(1001);
    expect(errors[1000]).toMatch(/^… and \d+ more problems$/);
  });

  it('answers non-text, deeply nested and prototype-polluting input with problems', () => {
    for (const input of [null, 42, {}, new Uint8Array([1, 2]), undefined])
      expect(importTable('gpus', input, 'json')).toEqual({ ok: false, errors: ['the file could not be read as text'] });
    expectSafe('gpus', () => importTable('gpus', '['.repeat(200_000), 'json'));
    expectSafe('gpus', () => importTable('gpus', `__proto__.polluted,constructor.prototype.x\n1,2`, 'csv'));
    expectSafe('gpus', () => importTable('gpus', '[{"__proto__": {"polluted": 1}, "id": "x"}]', 'json'));
    expectSafe(
      'gpus',
      () => importCatalogJson('{"format":"gpu-planner.catalog","version":1,"tables":{"__proto__":[]}}') as never,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('imports of plausible but wrong data', () => {
  const csvWith = (edit: (rows: Record<string, unknown>[]) => void, kind: TableKind = 'cloudOffers') => {
    const rows = JSON.parse(JSON.stringify(shipped.tables[kind].slice(0, 3))) as Record<string, unknown>[];
    edit(rows);
    return importTable(kind, exportTableCsv(kind, rows), 'csv', { gpuIds });
  };
  const errorsOf = (r: { ok: boolean; errors?: string[] }) => (r.ok ? [] : (r.errors ?? []));

  it('rejects duplicate ids', () => {
    const r = csvWith((rows) => (rows[2]!.id = rows[0]!.id));
    expect(errorsOf(r)).toEqual([
      `row 4 (${shipped.tables.cloudOffers[0]!.id}), field id: duplicates row 2; ids must be unique`,
    ]);
  });

  it('rejects unknown currencies, future dates and negative prices, all at once', () => {
    const r = csvWith((rows) => {
      (rows[0]!.prices as Record<string, Record<string, unknown>>)['on-demand']!.currency = 'BTC';
      (rows[1]!.prices as Record<string, Record<string, unknown>>)['on-demand']!.asOf = '2999-12-31';
      (rows[2]!.prices as Record<string, Record<string, unknown>>)['on-demand']!.amount = -3;
    });
    const errors = errorsOf(r);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^row 2 \(.+\), field prices\.on-demand\.currency: must be one of USD/);
    expect(errors[1]).toMatch(/^row 3 \(.+\), field prices\.on-demand\.asOf: must not be in the future$/);
    expect(errors[2]).toMatch(/^row 4 \(.+\), field prices\.on-demand\.amount: must be ≥ 0$/);
  });

  it('rejects wrong types and unknown GPUs in a whole-catalog file, naming the table', () => {
    const tables = JSON.parse(JSON.stringify(shipped.tables)) as Record<string, Record<string, unknown>[]>;
    tables.systems![0]!.gpu = 'nope';
    const r = importCatalogJson(JSON.stringify({ format: 'gpu-planner.catalog', version: 1, tables }));
    expect(errorsOf(r)).toEqual([
      `systems: row 1 (${shipped.tables.systems[0]!.id}), field gpu: must be the id of a GPU in the catalog; there is no GPU "nope"`,
    ]);
    tables.gpus![0]!.memoryGB = 'lots';
    expect(errorsOf(importCatalogJson(JSON.stringify({ format: 'gpu-planner.catalog', version: 1, tables })))[0]).toBe(
      `gpus: row 1 (${shipped.tables.gpus[0]!.id}), field memoryGB: must be a number`,
    );
  });
});
