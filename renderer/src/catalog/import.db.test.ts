import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../../catalog';
import { exportTableCsv, exportTableJson, MAX_IMPORT_CHARS } from '../../../catalog/io';
import { TABLE_KINDS, type TableKind } from '../../../catalog/tables';
import type { PlannerDatabase } from '../db/database';
import { CatalogStore, type ImportOutcome, type ImportSource } from './CatalogStore';
import { syncShippedCatalog } from './sync';
import { deleteDatabases, freshDatabase, snapshot } from './test-support';

const shipped = loadShippedCatalog();
const kinds = fc.constantFrom(...TABLE_KINDS);
const sources = fc.constantFrom<ImportSource>({ file: 'quote.csv' }, { file: 'quote.json' }, { pasted: true });

let db: PlannerDatabase;
let store: CatalogStore;
let pristine: string;

beforeEach(async () => {
  db = freshDatabase('catalog-import');
  await syncShippedCatalog(db, shipped);
  store = new CatalogStore(db, shipped);
  await store.load();
  // A user edit and a deleted row, so "unchanged" covers more than the shipped catalog.
  await store.editPrice('gpus', 'h100-sxm5-80gb', 'priceNew', 27_500);
  await store.deleteRow('networks', shipped.tables.networks[0]!.id);
  pristine = await snapshot(db);
});
afterEach(deleteDatabases);

/** The import is refused with problems, and every byte stored is as it was. */
async function expectRefusedAndUnchanged(outcome: Promise<ImportOutcome>) {
  const result = await outcome;
  expect(result.ok).toBe(false);
  expect(result.ok ? [] : result.errors.length).toBeGreaterThan(0);
  expect(await snapshot(db)).toBe(pristine);
  return result.ok ? [] : result.errors;
}

const rowsOf = (kind: TableKind, count = 3) =>
  structuredClone(shipped.tables[kind].slice(0, count)) as unknown as Record<string, unknown>[];
const csv = (kind: TableKind, rows: object[]) => exportTableCsv(kind, rows);

describe('fuzzed imports against the store', () => {
  it('random bytes never crash and never change stored data', async () => {
    await fc.assert(
      fc.asyncProperty(kinds, sources, fc.uint8Array({ maxLength: 400 }), async (kind, source, bytes) => {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        await expectRefusedAndUnchanged(store.importRows(kind, text, source));
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        await expectRefusedAndUnchanged(store.importCatalog(text, 'catalog.json'));
      }),
      { numRuns: 40 },
    );
  });

  it('wrong types in otherwise real rows never crash and never change stored data', async () => {
    await fc.assert(
      fc.asyncProperty(kinds, fc.array(fc.anything(), { minLength: 1, maxLength: 4 }), async (kind, junk) => {
        const rows = rowsOf(kind, junk.length).map((row, i) => {
          const keys = Object.keys(row).filter((k) => k !== 'id');
          return { ...row, [keys[i % keys.length]!]: junk[i] };
        });
        const before = await snapshot(db);
        const result = await store.importRows(kind, exportTableJson(kind, rows), { file: 'wrong.json' });
        // Junk can happen to be valid (`notes: "x"`) and is then applied; anything else changes nothing.
        if (!result.ok) expect(await snapshot(db)).toBe(before);
      }),
      { numRuns: 40 },
    );
  });

  it('a huge input is refused before it is parsed', async () => {
    const errors = await expectRefusedAndUnchanged(
      store.importRows('gpus', 'a'.repeat(MAX_IMPORT_CHARS + 1), { file: 'huge.csv' }),
    );
    expect(errors[0]).toMatch(/at most 20,000,000 can be imported/);
    await expectRefusedAndUnchanged(store.importCatalog('['.repeat(200_000), 'deep.json'));
  });

  it('non-text input is refused', async () => {
    for (const input of [null, 42, {}, new Uint8Array([1, 2]), undefined])
      await expectRefusedAndUnchanged(store.importRows('gpus', input, { file: 'x.json' }));
  });

  it('duplicate ids, unknown currencies and future dates are all named, and nothing is written', async () => {
    const rows = rowsOf('cloudOffers', 4);
    rows[3]!.id = rows[2]!.id;
    const price = (i: number) => (rows[i]!.prices as Record<string, Record<string, unknown>>)['on-demand']!;
    price(0).currency = 'BTC';
    price(1).asOf = '2999-12-31';
    const errors = await expectRefusedAndUnchanged(
      store.importRows('cloudOffers', csv('cloudOffers', rows), { file: 'quote.csv' }),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^row 2 \(.+\), field prices\.on-demand\.currency: must be one of USD/),
      expect.stringMatching(/^row 3 \(.+\), field prices\.on-demand\.asOf: must not be in the future$/),
      expect.stringMatching(/^row 5 \(.+\), field id: duplicates row 4; ids must be unique$/),
    ]);
  });

  it('one bad row among good ones rejects the whole file, naming the row and the field', async () => {
    const rows = rowsOf('systems').map((r, i): Record<string, unknown> => ({ ...r, id: `quote-${i}` }));
    (rows[1]!.price as Record<string, unknown>).amount = -5;
    const errors = await expectRefusedAndUnchanged(
      store.importRows('systems', csv('systems', rows), { file: 'q.csv' }),
    );
    expect(errors).toEqual(['row 3 (quote-1), field price.amount: must be ≥ 0']);
  });

  it('a system naming a GPU the catalog does not have is refused', async () => {
    const rows = rowsOf('systems', 1).map((r) => ({ ...r, id: 'quote', gpu: 'h900' }));
    const errors = await expectRefusedAndUnchanged(
      store.importRows('systems', csv('systems', rows), { file: 'q.csv' }),
    );
    expect(errors[0]).toMatch(/field gpu: must be the id of a GPU in the catalog; there is no GPU "h900"/);
  });
});

describe('good imports', () => {
  it('are applied in one transaction: new ids added as the user’s, known ids updated with the file named', async () => {
    const rows = rowsOf('systems', 2);
    (rows[0]!.price as Record<string, unknown>).amount = 111_111;
    rows.push({ ...rowsOf('systems', 1)[0]!, id: 'acme-hgx-h100-quote', name: 'ACME HGX H100 quote' });
    const result = await store.importRows('systems', csv('systems', rows), { file: 'acme.csv' });
    expect(result).toEqual({ ok: true, counts: { added: 1, updated: 1, unchanged: 1 } });
    const updated = store.row('systems', rows[0]!.id as string);
    expect(updated?.edits['price']).toMatchObject({ by: 'import acme.csv' });
    expect(updated?.price).toMatchObject({ amount: 111_111 });
    expect(store.row('systems', 'acme-hgx-h100-quote')).toMatchObject({ origin: 'user', edits: {} });
  });

  it('pasted tab-separated rows from a spreadsheet are imported', async () => {
    const rows = rowsOf('gpus', 1).map((r) => ({ ...r, id: 'my-card', name: 'My card' }));
    const tsv = csv('gpus', rows).replaceAll(',', '\t');
    expect((await store.importRows('gpus', tsv, { pasted: true })).ok).toBe(true);
    expect(store.row('gpus', 'my-card')).toMatchObject({ origin: 'user', name: 'My card' });
  });

  it('an export imported again changes nothing', async () => {
    for (const kind of TABLE_KINDS) {
      for (const format of ['csv', 'json'] as const) {
        const text = store.exportTable(kind, format);
        const result = await store.importRows(kind, text, { file: `${kind}.${format}` });
        expect(result).toMatchObject({ ok: true, counts: { added: 0, updated: 0 } });
      }
    }
    expect(await store.importCatalog(store.exportCatalog(), 'catalog.json')).toMatchObject({
      ok: true,
      counts: { added: 0, updated: 0 },
    });
    expect(await snapshot(db)).toBe(pristine);
  });

  it('an imported value for a cell with a pending conflict updates the conflict, or settles it', async () => {
    await syncShippedCatalog(
      db,
      (() => {
        const next = structuredClone(shipped);
        next.version = '2026.12.1';
        next.tables.gpus.find((g) => g.id === 'h100-sxm5-80gb')!.priceNew!.amount = 28_000;
        return next;
      })(),
    );
    await store.load();
    expect(store.conflicts).toHaveLength(1);
    const row = structuredClone(store.row('gpus', 'h100-sxm5-80gb')!) as Record<string, unknown>;
    delete row.origin;
    delete row.edits;
    (row.priceNew as Record<string, unknown>).amount = 26_000;
    expect((await store.importRows('gpus', exportTableJson('gpus', [row]), { file: 'h100.json' })).ok).toBe(true);
    expect(store.conflicts[0]?.userValue).toMatchObject({ amount: 26_000 });
  });
});
