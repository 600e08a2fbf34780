import { describe, expect, it } from 'vitest';
import { newestAsOf, shippedCatalogDate } from './catalog-date';

describe('catalog date for Help > About', () => {
  it('is the newest asOf anywhere in the rows, prices included', () => {
    const rows = [
      { id: 'a', asOf: '2026-02-01', priceNew: { amount: 1, asOf: '2026-06-01' } },
      [{ id: 'b', asOf: '2025-12-31T10:00:00Z' }],
    ];
    expect(newestAsOf(rows)).toBe('2026-06-01');
  });

  it('ignores what is not a date, and is null for an empty catalog', () => {
    expect(newestAsOf([{ asOf: 'soon' }, { asOf: 20260101 }])).toBeNull();
    expect(newestAsOf([])).toBeNull();
  });

  it('finds a date in the shipped catalog', () => {
    expect(shippedCatalogDate()).toMatch(/^20\d\d-\d\d-\d\d$/);
  });
});
