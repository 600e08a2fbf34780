import { describe, expect, it } from 'vitest';
import { deletePathIn, flattenRow, getPath, setPathIn, splitPath, unflattenRow } from './paths';
import { deepClone, deepEqual } from './values';

describe('dotted field paths', () => {
  it('flatten and unflatten a row', () => {
    const row = { id: 'x', price: { amount: 1, currency: 'USD' }, tflops: { bf16: null } };
    const flat = flattenRow(row);
    expect(flat).toEqual({ id: 'x', 'price.amount': 1, 'price.currency': 'USD', 'tflops.bf16': null });
    expect(unflattenRow(flat)).toEqual(row);
  });

  it('delete a field and the objects it leaves empty', () => {
    const row: Record<string, unknown> = { a: { b: { c: 1 } }, d: 2 };
    deletePathIn(row, 'a.b.c');
    expect(row).toEqual({ d: 2 });
  });

  it('never reach an object’s prototype', () => {
    expect(splitPath('__proto__.polluted')).toBeNull();
    expect(() => setPathIn({}, '__proto__.polluted', true)).toThrow();
    expect(() => unflattenRow({ 'constructor.prototype.polluted': 1 })).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(getPath({ a: 1 }, 'toString')).toBeUndefined();
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const copy = deepClone(hostile);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('compare values structurally, ignoring absent keys', () => {
    expect(deepEqual({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});
