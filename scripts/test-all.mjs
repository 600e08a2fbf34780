// `npm test`: every check the project has, in one command, ending with the line CI reads:
// "total: N passed, N failed, N skipped". Later steps still run after a failure so one run shows all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const CACHE = path.resolve('node_modules/.cache/test-all');
mkdirSync(CACHE, { recursive: true });
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const skips = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(
    `━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function gate(name, cmd, args) {
  const ok = step(name, cmd, args);
  if (ok) tally.passed += 1;
  else {
    tally.failed += 1;
    failures.push(name);
  }
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

gate('typecheck', 'npm', ['run', '-s', 'typecheck']);
gate('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
gate('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);

// Unit tests: counted one by one from vitest's JSON report.
const vitestJson = `${CACHE}/vitest.json`;
rmSync(vitestJson, { force: true });
const unitOk = step('unit tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const unit = readJson(vitestJson);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests;
  tally.skipped += unit.numPendingTests + unit.numTodoTests;
  if (unit.numFailedTests) failures.push(`${unit.numFailedTests} unit test(s)`);
  if (!unitOk && unit.numFailedTests === 0) {
    tally.failed += 1;
    failures.push('vitest exited non-zero (a suite failed to load?)');
  }
} else {
  tally.failed += 1;
  failures.push('vitest produced no report');
}

if (existsSync('estimator/cli/validate.ts'))
  gate('validate (estimator vs measurements and published figures)', 'npm', ['run', '-s', 'validate']);

// End-to-end: the built renderer in Debian's Chromium, and the Electron app where its binary exists.
const built = gate('build renderer and desktop shell', 'sh', [
  '-c',
  'npx vite build --logLevel warn && node scripts/build-electron.mjs',
]);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  tally.failed += 1;
  failures.push(`e2e: no Chromium at ${chromium} (install Debian's chromium, or set CHROMIUM_PATH)`);
} else if (built) {
  const e2eJson = `${CACHE}/playwright.json`;
  rmSync(e2eJson, { force: true });
  const e2eOk = step('end-to-end (Playwright)', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
  const e2e = readJson(e2eJson);
  if (e2e) {
    tally.passed += e2e.stats.expected + e2e.stats.flaky;
    tally.failed += e2e.stats.unexpected;
    tally.skipped += e2e.stats.skipped;
    if (e2e.stats.unexpected) failures.push(`${e2e.stats.unexpected} e2e test(s)`);
    const visit = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          const skipped = t.status === 'skipped' || t.results?.every((r) => r.status === 'skipped');
          if (skipped) {
            const why = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
            skips.push(`${spec.title}: ${why}`);
          }
        }
      }
      for (const child of suite.suites ?? []) visit(child);
    };
    for (const suite of e2e.suites ?? []) visit(suite);
  } else if (!e2eOk) {
    tally.failed += 1;
    failures.push('playwright exited non-zero without a report');
  }
}

console.log('\n━━ summary');
for (const s of skips) console.log(`skipped: ${s}`);
for (const f of failures) console.log(`failed: ${f}`);
console.log(`total: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed ? 1 : 0);
