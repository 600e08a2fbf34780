import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../../catalog';
import { TABLE_KINDS } from '../../../catalog/tables';
import { cellPaths, changedCells, rowMatches, searchWords, userPrice } from './cells';
import { fieldOf, fieldsOfKind, fieldsOfRow } from './fields';
import { blankDraft, draftOf, rowOfDraft, withDraftChange } from './row-draft';

const shipped = loadShippedCatalog();

describe('the cells of a catalog row, read off its schema', () => {
  it('makes each price one cell and names enums, nullable and optional fields', () => {
    expect(fieldOf('gpus', 'priceNew')).toMatchObject({ kind: 'price', optional: true });
    expect(fieldOf('gpus', 'tflops.bf16')).toMatchObject({ kind: 'number', nullable: true, optional: false });
    expect(fieldOf('gpus', 'vendor')).toMatchObject({ kind: 'enum', options: ['nvidia', 'amd', 'intel'] });
    expect(fieldOf('cloudOffers', 'prices.spot')).toMatchObject({ kind: 'price', per: 'hour' });
    expect(fieldOf('networks', 'switch.price')).toMatchObject({ kind: 'price', optional: true });
    expect(fieldOf('facilities', 'kind')?.options).toEqual([
      'electricity',
      'pue',
      'colocation',
      'rack-density',
      'finance-default',
    ]);
  });

  it('gives a facility only the fields of its own kind', () => {
    const paths = (kind: string) => fieldsOfRow('facilities', { kind }).map((f) => f.path);
    expect(paths('pue')).toEqual(['id', 'kind', 'name', 'cooling', 'pue', 'source', 'asOf', 'notes']);
    expect(paths('electricity')).toContain('price');
    expect(paths('electricity')).not.toContain('pue');
  });

  it('every cell of every shipped row is a column of its tab', () => {
    for (const kind of TABLE_KINDS) {
      const columns = new Set(fieldsOfKind(kind).map((f) => f.path));
      for (const row of shipped.tables[kind]) for (const path of cellPaths(row)) expect(columns).toContain(path);
    }
  });
});

describe('changing cells', () => {
  const h100 = shipped.tables.gpus.find((g) => g.id === 'h100-sxm5-80gb')!;

  it('finds the cells two rows differ in, a price as one cell', () => {
    const next = structuredClone(h100);
    next.priceNew!.amount = 1;
    next.tflops.bf16 = 1;
    delete next.priceUsed;
    expect(changedCells(h100, next).sort()).toEqual(['priceNew', 'priceUsed', 'tflops.bf16']);
  });

  it('makes a typed price the user’s quote of today, in the cell’s currency', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(userPrice({ currency: 'CNY' }, 5, 'hour', now)).toEqual({
      amount: 5,
      currency: 'CNY',
      asOf: '2026-11-20',
      source: 'entered by the user',
      per: 'hour',
    });
    expect(userPrice(undefined, 5, undefined, now).currency).toBe('USD');
  });

  it('matches a search when every word is in one of the row’s values', () => {
    expect(rowMatches(h100, searchWords('  H100 nvidia '))).toBe(true);
    expect(rowMatches(h100, searchWords('h100 amd'))).toBe(false);
    expect(rowMatches(h100, [])).toBe(true);
  });
});

describe('the row form', () => {
  it('turns a row into text and back unchanged', () => {
    for (const kind of TABLE_KINDS)
      for (const row of shipped.tables[kind]) expect(rowOfDraft(kind, draftOf(kind, row))).toEqual(row);
  });

  it('keeps text that is not a number, so the check can name it, and empty nullable cells as null', () => {
    const draft = draftOf('gpus', shipped.tables.gpus[0]!);
    draft.memoryGB = 'lots';
    draft['tflops.bf16'] = '';
    const row = rowOfDraft('gpus', draft) as Record<string, unknown>;
    expect(row.memoryGB).toBe('lots');
    expect((row.tflops as Record<string, unknown>).bf16).toBeNull();
  });

  it('dates a changed price today and makes it the user’s, unless they gave a date and source', () => {
    const original = draftOf(
      'gpus',
      shipped.tables.gpus.find((g) => g.id === 'h100-sxm5-80gb')!,
    );
    const now = new Date('2026-11-20T12:00:00Z');
    const changed = withDraftChange(original, original, 'priceNew.amount', '27000', now);
    expect(changed).toMatchObject({
      'priceNew.amount': '27000',
      'priceNew.asOf': '2026-11-20',
      'priceNew.source': 'entered by the user',
    });
    const dated = withDraftChange(
      { ...original, 'priceNew.asOf': '2026-10-01' },
      original,
      'priceNew.amount',
      '1',
      now,
    );
    expect(dated['priceNew.asOf']).toBe('2026-10-01');
  });

  it('starts a new facility as an electricity tariff', () => {
    expect(blankDraft('facilities').kind).toBe('electricity');
  });
});
