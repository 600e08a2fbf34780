import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../index';
import { TABLE_KINDS, type CatalogTables, type TableKind } from '../tables';
import { flattenRow, isPlainObject, setPathIn } from '../paths';
import { exportCatalogJson, exportTableCsv, exportTableJson, importCatalogJson, importTable } from './index';
import { csvColumns } from './csv';

const shipped = loadShippedCatalog();
const gpuIds = new Set(shipped.tables.gpus.map((g) => g.id));

/** Text a user might type in any cell, including what breaks naive CSV and spreadsheets. */
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      ',',
      '"',
      "'",
      '\n',
      '\r\n',
      '\t',
      '=',
      '+',
      '-',
      '@',
      ';',
      '|',
      'é',
      '显存',
      '€',
      '\\',
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .chain((parts) =>
    fc.constantFrom('', '=', '+', '-', '@', "'", "''=", "'-", '"').map((lead) => `${lead}x${parts.join('')}x`),
  );
const amount = fc
  .double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true })
  .map((n) => (Object.is(n, -0) ? 0 : n));

/** A shipped row with some of its free-text and amount cells replaced by arbitrary values. */
function mutatedRows(kind: TableKind) {
  const rows = shipped.tables[kind] as unknown as Record<string, unknown>[];
  const textPaths = csvColumns(kind)
    .filter((c) => c.kind === 'string' && /(^|\.)(name|notes|source|region)$/.test(c.path))
    .map((c) => c.path);
  return fc
    .subarray(
      rows.map((_, i) => i),
      { minLength: 1, maxLength: 6 },
    )
    .chain((indexes) =>
      fc.tuple(
        ...indexes.map((i) =>
          fc.record({ t: text, a: amount }).map(({ t, a }) => {
            const row = JSON.parse(JSON.stringify(rows[i])) as Record<string, unknown>;
            const flat = flattenRow(row);
            for (const p of textPaths) if (typeof flat[p] === 'string') setPathIn(row, p, t.trim() === t ? t : `x${t}`);
            for (const p of Object.keys(flat)) if (p.endsWith('.amount')) setPathIn(row, p, a);
            return row;
          }),
        ),
      ),
    );
}

function expectSameRows(actual: unknown[], expected: unknown[]) {
  expect(actual).toEqual(expected);
}

describe('export then import gives the same rows', () => {
  for (const kind of TABLE_KINDS) {
    it(`${kind}: CSV and JSON`, () => {
      fc.assert(
        fc.property(mutatedRows(kind), (rows) => {
          for (const [format, file] of [
            ['csv', exportTableCsv(kind, rows)],
            ['json', exportTableJson(kind, rows)],
          ] as const) {
            const back = importTable(kind, file, format, { gpuIds });
            if (!back.ok) throw new Error(`${format}: ${back.errors.join('\n')}`);
            expectSameRows(back.rows, rows);
          }
        }),
        { numRuns: 40 },
      );
    });
  }

  it('the whole shipped catalog as one JSON file', () => {
    const file = exportCatalogJson(shipped.tables, { catalog: { version: shipped.version, asOf: shipped.asOf } });
    const back = importCatalogJson(file);
    expect(back).toEqual({
      ok: true,
      tables: shipped.tables,
      catalog: { version: shipped.version, asOf: shipped.asOf },
    });
  });

  it('every shipped table through CSV, exactly', () => {
    for (const kind of TABLE_KINDS) {
      const back = importTable(kind, exportTableCsv(kind, shipped.tables[kind]), 'csv', { gpuIds });
      expect(back.ok ? back.rows : back.errors).toEqual(shipped.tables[kind]);
    }
  });

  it('JSON table files say which table they hold', () => {
    const file = exportTableJson('gpus', shipped.tables.gpus.slice(0, 1));
    expect(importTable('systems', file, 'json')).toEqual({
      ok: false,
      errors: ['this file holds GPU rows, not system rows'],
    });
    const whole = exportCatalogJson({ gpus: [] } as Partial<CatalogTables>);
    expect(importTable('gpus', whole, 'json').ok).toBe(false);
    expect(isPlainObject(JSON.parse(file))).toBe(true);
  });
});
