import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every UI string lives in both languages: a key missing from either fails here.
const root = path.join(import.meta.dirname, 'locales');

function leafKeys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function leafValues(value: unknown, prefix: string): [string, unknown][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafValues(v, `${prefix}.${k}`));
  }
  return [[prefix, value]];
}

function load(language: string): Record<string, Record<string, unknown>> {
  const dir = path.join(root, language);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]),
  );
}

describe('message catalog', () => {
  const en = load('en');
  const zh = load('zh-CN');

  it('has the same namespaces in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  for (const ns of Object.keys(en)) {
    it(`namespace "${ns}" has the same keys in both languages, none empty`, () => {
      const enKeys = leafKeys(en[ns]).sort();
      const zhKeys = leafKeys(zh[ns] ?? {}).sort();
      expect(
        zhKeys.filter((k) => !enKeys.includes(k)),
        'only in zh-CN',
      ).toEqual([]);
      expect(
        enKeys.filter((k) => !zhKeys.includes(k)),
        'missing from zh-CN',
      ).toEqual([]);
      const empty = [...leafValues(en[ns], 'en'), ...leafValues(zh[ns], 'zh-CN')].filter(([, v]) => v === '');
      expect(empty).toEqual([]);
    });
  }

  it('says 显存 for GPU memory, never 内存 (host RAM), as the glossary asks', () => {
    const text = JSON.stringify(zh);
    expect(text).toContain('显存');
    expect(text).not.toMatch(/GPU ?内存/);
  });
});
