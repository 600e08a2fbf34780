import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic write', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'plan.gpuplan.json');
    await writeFileAtomic(file, '{"a":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir)).toEqual(['plan.gpuplan.json']);
  });

  it('replaces an existing file whole, keeping its permissions', async () => {
    const file = path.join(dir, 'plan.json');
    writeFileSync(file, 'old content that is longer than the new one');
    chmodSync(file, 0o600);
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file untouched and no temporary file when the write fails', async () => {
    const file = path.join(dir, 'plan.json');
    writeFileSync(file, 'saved earlier');
    // Renaming a file over a folder fails after the temporary file was written.
    const folder = path.join(dir, 'taken.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    await expect(writeFileAtomic(folder, 'x')).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('saved earlier');
    expect(readdirSync(dir).sort()).toEqual(['plan.json', 'taken.json']);
  });

  it('fails with the system error when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'plan.json'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
