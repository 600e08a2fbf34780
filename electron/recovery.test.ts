import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';
import { RecoveryStore } from './recovery';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'recovery-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('crash recovery file', () => {
  it('keeps unsaved work with its file path and time, and forgets it once cleared', async () => {
    const store = new RecoveryStore(path.join(dir, 'recovery', 'document.json'));
    expect(await store.read()).toBeNull();
    await store.write(
      { path: '/home/ana/q3.gpuplan.json', name: 'q3.gpuplan.json', text: '{"v":2}' },
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(await store.read()).toEqual({
      path: '/home/ana/q3.gpuplan.json',
      name: 'q3.gpuplan.json',
      text: '{"v":2}',
      savedAt: '2026-11-23T10:00:00.000Z',
    });
    await store.clear();
    expect(await store.read()).toBeNull();
    await store.clear();
  });

  it('ignores a damaged recovery file instead of refusing to start, and says why in the log', async () => {
    const file = path.join(dir, 'document.json');
    writeFileSync(file, '{"path": null, "name": "x", "te');
    const lines: string[] = [];
    expect(await new RecoveryStore(file, (l) => lines.push(l)).read()).toBeNull();
    expect(lines.join()).toMatch(/not JSON/);
  });
});

describe('small JSON files in userData', () => {
  const schema = z.strictObject({ language: z.enum(['en', 'zh-CN']) });

  it('round-trips a valid value, creating the folder', async () => {
    const file = path.join(dir, 'deep', 'settings.json');
    await writeJsonFile(file, { language: 'zh-CN' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'zh-CN' });
    expect(await readJsonFile(file, schema)).toEqual({ language: 'zh-CN' });
  });

  it('reads a value that fails its schema as missing, logging the field problem', async () => {
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{"language":"fr"}');
    const lines: string[] = [];
    expect(await readJsonFile(file, schema, (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(1);
    expect(await readJsonFile(path.join(dir, 'absent.json'), schema, (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(1);
  });
});
