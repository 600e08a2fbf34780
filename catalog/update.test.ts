import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from './index';
import type { System } from './schema/system';
import type { StoredRow } from './stored';
import { editCell, mergeShippedCatalog, mergeShippedTable, resolveConflict, revertCell, revertRow } from './update';

const shipped = loadShippedCatalog();
const [a, b, c] = shipped.tables.systems as [System, System, System];
const AT = '2026-11-20T10:00:00.000Z';
const asStored = (row: System): StoredRow<System> => ({
  ...JSON.parse(JSON.stringify(row)),
  origin: 'shipped',
  edits: {},
});
const changed = (row: System, edit: (r: System) => void): System => {
  const copy = JSON.parse(JSON.stringify(row)) as System;
  edit(copy);
  return copy;
};

describe('merging a newer shipped catalog', () => {
  it('seeds an empty store with every shipped row', () => {
    const merge = mergeShippedCatalog({}, shipped.tables);
    expect(merge.tables.systems).toHaveLength(shipped.tables.systems.length);
    expect(merge.tables.cloudOffers.every((r) => r.origin === 'shipped' && Object.keys(r.edits).length === 0)).toBe(
      true,
    );
    expect(merge.summary.gpus.added).toBe(shipped.tables.gpus.length);
    expect(merge.conflicts).toEqual([]);
    expect(Object.values(merge.summary).flatMap((s) => s.invalid)).toEqual([]);
  });

  it('takes new shipped values where the user changed nothing', () => {
    const next = changed(a, (r) => (r.powerWatts += 100));
    const merge = mergeShippedTable('systems', [asStored(a), asStored(b)], [next, b]);
    expect(merge.rows[0]?.powerWatts).toBe(a.powerWatts + 100);
    expect(merge.summary).toMatchObject({ updated: 1, unchanged: 1, added: 0 });
  });

  it('keeps the user’s cell and still takes upstream changes to the other cells', () => {
    const mine = editCell(asStored(a), 'price.amount', 1234, AT);
    const next = changed(a, (r) => (r.powerWatts += 100));
    const merge = mergeShippedTable('systems', [mine], [next]);
    expect(merge.rows[0]).toMatchObject({ powerWatts: a.powerWatts + 100, price: { amount: 1234 } });
    expect(merge.rows[0]?.edits['price.amount']).toEqual({ shipped: a.price.amount, at: AT, by: 'user' });
    expect(merge.conflicts).toEqual([]);
  });

  it('reports a conflict when upstream changed a cell the user edited, and lets the user settle it', () => {
    const mine = editCell(asStored(a), 'price.amount', 1234, AT);
    const next = changed(a, (r) => (r.price.amount = 999));
    const merge = mergeShippedTable('systems', [mine], [next]);
    expect(merge.conflicts).toEqual([
      {
        table: 'systems',
        id: a.id,
        field: 'price.amount',
        userValue: 1234,
        oldShipped: a.price.amount,
        newShipped: 999,
      },
    ]);
    const row = merge.rows[0]!;
    expect(row.price.amount).toBe(1234);
    const conflict = merge.conflicts[0]!;

    const accepted = resolveConflict(row, conflict, 'accept-shipped');
    expect(accepted.price.amount).toBe(999);
    expect(accepted.edits).toEqual({});

    const kept = resolveConflict(row, conflict, 'keep-mine');
    expect(kept.price.amount).toBe(1234);
    expect(kept.edits['price.amount']?.shipped).toBe(999);
    // Merging the same catalog again asks nothing more.
    expect(mergeShippedTable('systems', [kept], [next]).conflicts).toEqual([]);
  });

  it('drops an edit that upstream has caught up with', () => {
    const mine = editCell(asStored(a), 'powerWatts', 4000, AT);
    const merge = mergeShippedTable('systems', [mine], [changed(a, (r) => (r.powerWatts = 4000))]);
    expect(merge.conflicts).toEqual([]);
    expect(merge.rows[0]?.edits).toEqual({});
    expect(merge.summary.editsMatchingUpstream).toBe(1);
  });

  it('keeps user rows, even when a new shipped row takes the same id', () => {
    const userRow: StoredRow<System> = { ...changed(c, (r) => (r.name = 'My quote')), origin: 'user', edits: {} };
    const merge = mergeShippedTable('systems', [userRow], [c]);
    expect(merge.rows).toEqual([userRow]);
    expect(merge.summary.shadowedByUser).toEqual([c.id]);
    expect(merge.summary.userRows).toBe(1);
  });

  it('drops rows removed upstream unless the user edited them, which become theirs', () => {
    const edited = editCell(asStored(b), 'notes', 'our rack 3', AT);
    const merge = mergeShippedTable('systems', [asStored(a), edited], []);
    expect(merge.rows.map((r) => [r.id, r.origin])).toEqual([[b.id, 'user']]);
    expect(merge.summary).toMatchObject({ removed: 1, keptRemovedUpstream: [b.id] });
  });

  it('does not bring back shipped rows the user deleted', () => {
    const merge = mergeShippedTable('systems', [], [a, b], { deletedShippedIds: new Set([a.id]) });
    expect(merge.rows.map((r) => r.id)).toEqual([b.id]);
  });

  it('brings an optional object along when upstream dropped it under an edited cell', () => {
    const withNotes = asStored(changed(a, (r) => (r.weightKg = 100)));
    const mine = editCell(withNotes, 'weightKg', 120, AT);
    const merge = mergeShippedTable('systems', [mine], [changed(a, (r) => delete r.weightKg)]);
    expect(merge.rows[0]?.weightKg).toBe(120);
    expect(merge.conflicts[0]).toMatchObject({ field: 'weightKg', oldShipped: 100, newShipped: undefined });
  });

  it('reports rows a user value makes invalid', () => {
    const mine = editCell(asStored(a), 'price.amount', -5, AT);
    const merge = mergeShippedTable('systems', [mine], [a]);
    expect(merge.summary.invalid).toEqual([`row 1 (${a.id}), field price.amount: must be ≥ 0`]);
  });
});

describe('editing and reverting cells', () => {
  it('remembers the shipped value once, and forgets the edit when the shipped value is typed back', () => {
    const once = editCell(asStored(a), 'price.amount', 1, AT);
    const twice = editCell(once, 'price.amount', 2, '2026-11-21T00:00:00.000Z', 'import quote.csv');
    expect(twice.edits['price.amount']).toEqual({
      shipped: a.price.amount,
      at: '2026-11-21T00:00:00.000Z',
      by: 'import quote.csv',
    });
    expect(editCell(twice, 'price.amount', a.price.amount, AT).edits).toEqual({});
  });

  it('records no edits on the user’s own rows', () => {
    const mine: StoredRow<System> = { ...a, origin: 'user', edits: {} };
    expect(editCell(mine, 'powerWatts', 1, AT).edits).toEqual({});
  });

  it('refuses to edit the id or a path through the prototype', () => {
    expect(() => editCell(asStored(a), 'id', 'x', AT)).toThrow();
    expect(() => editCell(asStored(a), '__proto__.x', 1, AT)).toThrow();
  });

  it('reverts one cell or the whole row to the shipped values', () => {
    const row = editCell(editCell(asStored(a), 'price.amount', 1, AT), 'notes', 'hello', AT);
    const oneCell = revertCell(row, 'price.amount');
    expect(oneCell.price.amount).toBe(a.price.amount);
    expect(Object.keys(oneCell.edits)).toEqual(['notes']);
    const whole = revertRow(row);
    expect(whole).toEqual(asStored(a));
  });
});
