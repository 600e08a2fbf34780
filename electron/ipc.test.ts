import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, parsePayload } from './ipc';

describe('IPC payloads from the renderer', () => {
  it('accepts well-formed requests', () => {
    expect(parsePayload('file:save', [{ token: null, suggestedName: 'Q3', text: '{}' }])).toEqual([
      { token: null, suggestedName: 'Q3', text: '{}' },
    ]);
    const bytes = new Uint8Array([1, 2]);
    expect(parsePayload('file:export', [{ format: 'csv', suggestedName: 'x', bytes }])[0].bytes).toBe(bytes);
    expect(parsePayload('menu:set-available', [['save', 'open']])).toEqual([['save', 'open']]);
    expect(parsePayload('doc:write-recovery', [null])).toEqual([null]);
  });

  it('refuses an empty or missing token', () => {
    expect(() => parsePayload('file:open-recent', [''])).toThrow(/file:open-recent: bad payload at 0/);
    expect(() => parsePayload('file:open-recent', [])).toThrow(/bad payload/);
  });

  it('refuses extra fields, wrong types, unknown formats and languages, and extra arguments', () => {
    expect(() =>
      parsePayload('file:save', [{ token: null, suggestedName: 'x', text: '', path: '/etc/passwd' }]),
    ).toThrow(/bad payload/);
    expect(() => parsePayload('file:export', [{ format: 'exe', suggestedName: 'x', bytes: new Uint8Array() }])).toThrow(
      /0\.format/,
    );
    expect(() => parsePayload('file:export', [{ format: 'csv', suggestedName: 'x', bytes: 'text' }])).toThrow(
      /must be bytes/,
    );
    expect(() => parsePayload('app:set-language', ['fr'])).toThrow(/bad payload/);
    expect(() => parsePayload('app:info', ['extra'])).toThrow(/bad payload/);
    expect(() => parsePayload('menu:set-available', [['save', 'format-disk']])).toThrow(/bad payload/);
    expect(() => parsePayload('file:print-pdf', [{ suggestedName: 'q', pageSize: 'A3', landscape: false }])).toThrow(
      /pageSize/,
    );
  });

  it('refuses a blank file name', () => {
    expect(() => parsePayload('file:save', [{ token: null, suggestedName: '   ', text: '' }])).toThrow(/suggestedName/);
  });

  it('knows every channel the preload calls', async () => {
    const { readFileSync } = await import('node:fs');
    const preload = readFileSync(new URL('./preload.ts', import.meta.url), 'utf8');
    const called = [...preload.matchAll(/call\('([^']+)'/g)].map((m) => m[1]);
    expect(called.sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});
