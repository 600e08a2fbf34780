import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from './index';
import { systemSchema } from './schema/system';
import { facilitySchema } from './schema/facility';
import { validateRows } from './validate';

const system = loadShippedCatalog().tables.systems[0]!;
const copy = () => JSON.parse(JSON.stringify(system)) as Record<string, unknown> & { price: Record<string, unknown> };

describe('validateRows', () => {
  it('reports every bad row in the user’s words, with row, id and field', () => {
    const negative = copy();
    negative.price.amount = -1;
    const currency = copy();
    currency.id = 'b';
    currency.price.currency = 'XYZ';
    const future = copy();
    future.id = 'c';
    future.price.asOf = '2999-01-01';
    const typo = copy();
    typo.id = 'd';
    typo.pwerWatts = 1;
    const missing = copy();
    missing.id = 'e';
    delete missing.name;
    const wrongType = copy();
    wrongType.id = 'f';
    wrongType.gpusPerNode = 'eight';
    const result = validateRows(systemSchema, [negative, currency, future, typo, missing, wrongType]);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContain(`row 1 (${system.id}), field price.amount: must be ≥ 0`);
    expect(errors.find((e) => e.startsWith('row 2 (b), field price.currency: must be one of USD, CNY'))).toBeDefined();
    expect(errors).toContain('row 3 (c), field price.asOf: must not be in the future');
    expect(errors).toContain('row 4 (d), field pwerWatts: is not a field of this table');
    expect(errors).toContain('row 5 (e), field name: is required');
    expect(errors).toContain('row 6 (f), field gpusPerNode: must be a number');
  });

  it('numbers rows from where the file starts and flags duplicate ids', () => {
    const result = validateRows(systemSchema, [system, system], { firstRow: 2 });
    expect(result).toEqual({
      ok: false,
      errors: [`row 3 (${system.id}), field id: duplicates row 2; ids must be unique`],
    });
  });

  it('names the allowed kinds of a facility row', () => {
    const result = validateRows(facilitySchema, [{ id: 'x', kind: 'wind' }]);
    expect(result.ok ? [] : result.errors).toEqual([
      'row 1 (x), field kind: must be one of electricity, pue, colocation, rack-density, finance-default',
    ]);
  });
});
