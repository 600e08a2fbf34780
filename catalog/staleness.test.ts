import { describe, expect, it } from 'vitest';
import { priceAge, pricesWithAge } from './staleness';

describe('price age', () => {
  it('counts whole months and flags prices older than the threshold', () => {
    expect(priceAge('2025-11-23', '2026-11-23')).toEqual({ months: 12, days: 365, stale: false });
    expect(priceAge('2025-11-22', '2026-11-23').stale).toBe(true);
    expect(priceAge('2026-10-24', '2026-11-23')).toMatchObject({ months: 0, stale: false });
    expect(priceAge('2026-05-01', '2026-11-23', 6).stale).toBe(true);
    expect(priceAge('2026-05-23', '2026-11-23', 6).stale).toBe(false);
  });

  it('clamps month ends (31 March minus one month is the end of February)', () => {
    expect(priceAge('2026-02-28', '2026-03-31', 1).stale).toBe(false);
    expect(priceAge('2026-02-27', '2026-03-31', 1).stale).toBe(true);
  });

  it('treats an unreadable date as stale', () => {
    expect(priceAge('someday', '2026-11-23').stale).toBe(true);
  });

  it('finds every price in a row', () => {
    const row = {
      id: 'x',
      prices: {
        spot: { amount: 1, currency: 'USD', asOf: '2024-01-01', source: 's', per: 'hour' },
        'on-demand': { amount: 2, currency: 'USD', asOf: '2026-11-01', source: 's', per: 'hour' },
      },
      asOf: '2020-01-01',
    };
    const found = pricesWithAge(row, '2026-11-23');
    expect(found.map((p) => [p.path, p.stale])).toEqual([
      ['prices.spot', true],
      ['prices.on-demand', false],
    ]);
  });
});
