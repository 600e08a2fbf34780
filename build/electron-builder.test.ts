import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Electron's binary cannot be downloaded here, so package against a stand-in executable:
// this checks the configuration and what goes into the app, offline, in a few seconds.
const work = mkdtempSync(path.join(tmpdir(), 'gpu-planner-pack-'));
const out = path.join(work, 'release');
let asarEntries: string[] = [];

beforeAll(() => {
  if (!existsSync('dist/renderer/index.html')) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (!existsSync('dist-electron/main.cjs')) execFileSync('node', ['scripts/build-electron.mjs']);
  const stub = path.join(work, 'electron-dist');
  mkdirSync(stub);
  writeFileSync(path.join(stub, 'electron'), '#!/bin/sh\necho stand-in\n');
  chmodSync(path.join(stub, 'electron'), 0o755);
  execFileSync(
    'npx',
    [
      'electron-builder',
      '--linux',
      'dir',
      '--config',
      'build/electron-builder.yml',
      `-c.electronDist=${stub}`,
      `-c.directories.output=${out}`,
    ],
    { stdio: 'pipe' },
  );
  const list = execFileSync('npx', ['asar', 'list', path.join(out, 'linux-unpacked/resources/app.asar')], {
    encoding: 'utf8',
  });
  asarEntries = list.split('\n').filter(Boolean);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('electron-builder packaging (Linux dir target, stand-in Electron)', () => {
  it('produces the executable named after the product and an app.asar', () => {
    expect(existsSync(path.join(out, 'linux-unpacked/gpu-planner'))).toBe(true);
    expect(existsSync(path.join(out, 'linux-unpacked/resources/app.asar'))).toBe(true);
  });

  it('packs the built renderer, the main and preload bundles and the catalog, and no source maps or node_modules', () => {
    expect(asarEntries).toContain('/dist/renderer/index.html');
    expect(asarEntries).toContain('/dist-electron/main.cjs');
    expect(asarEntries).toContain('/dist-electron/preload.cjs');
    expect(asarEntries).toContain('/catalog/gpus.json');
    expect(asarEntries.some((e) => e.endsWith('.map'))).toBe(false);
    expect(asarEntries.some((e) => e.startsWith('/node_modules'))).toBe(false);
  });
});
