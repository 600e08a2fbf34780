import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Doyensec's Electronegativity over the shell and the built renderer (scripts/electronegativity.mjs).
// It runs once the package is a devDependency; until then this says so instead of passing quietly.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies?: Record<string, string> };
const declared = Boolean(pkg.devDependencies?.['@doyensec/electronegativity'] || process.env.ELECTRONEGATIVITY_DIR);
if (!declared)
  console.warn('electronegativity: skipped: @doyensec/electronegativity is not in devDependencies (build/SECURITY.md)');

const scan = (...inputs: string[]) =>
  spawnSync('node', ['scripts/electronegativity.mjs', ...inputs], { encoding: 'utf8', timeout: 120_000 });

describe.skipIf(!declared)('Electronegativity', () => {
  const bad = mkdtempSync(path.join(tmpdir(), 'electronegativity-bad-'));

  beforeAll(() => {
    if (!existsSync('dist/renderer/index.html')) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn']);
    writeFileSync(
      path.join(bad, 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
  });
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it('finds nothing of high or medium severity in the shell and the built renderer', () => {
    const result = scan();
    expect(result.stderr.split('\n').filter((l) => l.startsWith('✗'))).toEqual([]);
    // Medium findings only where build/SECURITY.md reviews them by file (exceljs's bundled polyfills).
    expect(result.stdout).toMatch(/electronegativity: 0 high, \d+ medium, \d+ low, \d+ informational; ok/);
    expect(result.status).toBe(0);
  }, 120_000);

  it('accepts a reviewed bundle finding only in files of the reviewed name', () => {
    // The same exceljs code under another chunk name is not covered by the review.
    const chunk = readdirSync('dist/renderer/assets').find((f) => /^xlsx-.*\.js$/.test(f));
    expect(chunk, 'the renderer build has an xlsx chunk').toBeDefined();
    const assets = path.join(bad, 'dist', 'renderer', 'assets');
    mkdirSync(assets, { recursive: true });
    copyFileSync(path.join('dist/renderer/assets', chunk!), path.join(assets, 'charts-abc123.js'));
    const result = scan('electron', 'dist/renderer', path.join(bad, 'dist'));
    rmSync(path.join(bad, 'dist'), { recursive: true, force: true });
    expect(result.stderr.split('\n').filter((l) => l.startsWith('✗'))).toEqual([
      expect.stringMatching(/^✗ MEDIUM DANGEROUS_FUNCTIONS_JS_CHECK at dist\/renderer\/assets\/charts-abc123\.js:\d+/),
    ]);
    expect(result.status).toBe(1);
  }, 120_000);

  it('fails on a window that gives the page Node', () => {
    const result = scan(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/(HIGH|MEDIUM) (NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX)_JS_CHECK/);
  }, 120_000);
});
