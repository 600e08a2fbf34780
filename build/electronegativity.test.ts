import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    expect(result.stdout).toMatch(/electronegativity: 0 high, 0 medium, \d+ low/);
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails on a window that gives the page Node', () => {
    const result = scan(bad);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/(HIGH|MEDIUM) (NODE_INTEGRATION|CONTEXT_ISOLATION|SANDBOX)_JS_CHECK/);
  }, 120_000);
});
