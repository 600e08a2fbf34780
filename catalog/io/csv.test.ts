import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../index';
import { csvColumns, exportTableCsv, importPastedRows, importTable } from './index';
import { escapeText, unescapeText } from './cells';

const { tables } = loadShippedCatalog();
const gpuIds = new Set(tables.gpus.map((g) => g.id));

describe('CSV export', () => {
  it('writes dotted columns for nested fields and empty cells for absent or null ones', () => {
    const columns = csvColumns('systems').map((c) => c.path);
    expect(columns.slice(0, 9)).toEqual([
      'id',
      'name',
      'vendor',
      'gpu',
      'gpusPerNode',
      'condition',
      'price.amount',
      'price.currency',
      'price.asOf',
    ]);
    const gpuCsv = exportTableCsv(
      'gpus',
      tables.gpus.filter((g) => g.id === 'v100-sxm2-32gb'),
    );
    const [header, line] = gpuCsv.split('\r\n');
    const cells = Object.fromEntries(header!.split(',').map((h, i) => [h, line!.split(',')[i]]));
    expect(cells['tflops.bf16']).toBe('');
    expect(cells['memoryGB']).toBe('32');
  });

  it('defuses spreadsheet formulas and gets the exact text back', () => {
    for (const text of ['=HYPERLINK("x")', "'=already", "''+x", '-5 notes', '@sum', "'plain", 'plain'])
      expect(unescapeText(escapeText(text))).toBe(text);
    expect(escapeText('=1+1')).toBe("'=1+1");
  });
});

describe('CSV import', () => {
  const header =
    'id,name,vendor,gpu,gpusPerNode,condition,price.amount,price.currency,price.asOf,price.source,powerWatts,rackUnits,form,cooling,source,asOf';
  const good =
    'quote-1,Used 8x V100 box,Broker,v100-sxm2-32gb,8,used,9000,USD,2026-10-01,vendor quote,3500,3,rackmount,air,vendor quote,2026-10-01';

  it('accepts a vendor quote and returns validated rows', () => {
    const result = importTable('systems', `${header}\n${good}\n`, 'csv', { gpuIds });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.rows[0]).toMatchObject({ id: 'quote-1', price: { amount: 9000, currency: 'USD' }, gpusPerNode: 8 });
  });

  it('accepts rows pasted from a spreadsheet (tab-separated)', () => {
    const tsv = [header, good].map((l) => l.split(',').join('\t')).join('\n');
    const result = importPastedRows('systems', tsv, { gpuIds });
    expect(result.ok).toBe(true);
  });

  it('rejects the whole file when one row is bad, naming every problem by spreadsheet row', () => {
    const bad1 = good.replace('quote-1', 'quote-2').replace(',9000,', ',-1,');
    const bad2 = good.replace('quote-1', 'quote-3').replace(',USD,', ',XYZ,').replace(',8,', ',eight,');
    const result = importTable('systems', [header, good, bad1, bad2].join('\n'), 'csv', { gpuIds });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContain('row 3 (quote-2), field price.amount: must be ≥ 0');
    expect(errors).toContain('row 4 (quote-3), field gpusPerNode: must be a number');
    expect(errors.some((e) => e.startsWith('row 4 (quote-3), field price.currency: must be one of'))).toBe(true);
    expect('rows' in result).toBe(false);
  });

  it('names unknown and repeated columns, short rows and unknown GPUs', () => {
    expect(importTable('systems', `${header},colour\n${good},red`, 'csv')).toEqual({
      ok: false,
      errors: ['row 1, column colour: is not a field of a system row'],
    });
    expect(importTable('systems', `id,id\na,b`, 'csv')).toEqual({
      ok: false,
      errors: ['row 1, column id: appears twice'],
    });
    expect(importTable('systems', `${header}\nquote-1,short`, 'csv')).toEqual({
      ok: false,
      errors: ['row 2: has 2 cells but the header has 16'],
    });
    const unknown = importTable('systems', `${header}\n${good.replace('v100-sxm2-32gb', 'v100-typo')}`, 'csv', {
      gpuIds,
    });
    expect(unknown).toEqual({
      ok: false,
      errors: ['row 2 (quote-1), field gpu: must be the id of a GPU in the catalog; there is no GPU "v100-typo"'],
    });
  });

  it('reads a header-only file as no rows, and an empty file as an error', () => {
    expect(importTable('systems', header, 'csv')).toEqual({ ok: true, kind: 'systems', rows: [] });
    expect(importTable('systems', '', 'csv').ok).toBe(false);
  });
});
