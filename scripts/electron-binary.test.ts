import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
  else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
});

describe("finding Electron's binary without downloading it", () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH when it holds an executable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'electron-dist-'));
    try {
      // Where a downloaded Electron says its executable is (path.txt), else plain `electron`.
      const pathTxt = path.join(
        path.dirname(createRequire(import.meta.url).resolve('electron/package.json')),
        'path.txt',
      );
      const executable = path.join(dir, existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron');
      mkdirSync(path.dirname(executable), { recursive: true });
      writeFileSync(executable, '#!/bin/sh\n');
      chmodSync(executable, 0o755);
      process.env.ELECTRON_OVERRIDE_DIST_PATH = dir;
      const found = findElectronBinary();
      expect(found.path).toBe(executable);
      expect(found.reason).toBe('found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why when the override points at nothing', () => {
    process.env.ELECTRON_OVERRIDE_DIST_PATH = path.join(tmpdir(), 'no-such-electron-dist');
    const found = findElectronBinary();
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/^no Electron executable at /);
  });
});
