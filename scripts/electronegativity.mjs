// `node scripts/electronegativity.mjs [folder…]`: Doyensec's Electronegativity over the desktop shell's
// sources (electron/) and the built renderer that ships (dist/renderer). Fails on any finding of high
// or medium severity, on a low one that build/SECURITY.md does not accept, on an `eng-disable` that
// build/SECURITY.md does not review, and on a file the scanner could not read.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SECURITY_MD = path.join(root, 'build/SECURITY.md');
// Needs the network (a list of Electron releases) and so cannot give the same answer twice;
// the pinned Electron version is checked when it is upgraded, not here.
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];

function loadScanner() {
  const from = process.env.ELECTRONEGATIVITY_DIR
    ? path.join(process.env.ELECTRONEGATIVITY_DIR, 'package.json')
    : path.join(root, 'package.json');
  const require = createRequire(from);
  let main;
  try {
    main = require.resolve('@doyensec/electronegativity');
  } catch {
    return null;
  }
  // The scanner fetches translations of its own messages at start; answer "offline" at once so a
  // security check of an offline app makes no request either.
  const scannerRequire = createRequire(main);
  const got = scannerRequire.resolve('got');
  scannerRequire.cache[got] = {
    id: got,
    filename: got,
    loaded: true,
    exports: () => Promise.reject(new Error('offline')),
  };
  return scannerRequire(main);
}

/** Copies what is scanned into one folder: the shell's sources (no tests), the built renderer, package.json. */
function stage(inputs) {
  const dir = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  for (const input of inputs) {
    cpSync(path.resolve(root, input), path.join(dir, path.isAbsolute(input) ? path.basename(input) : input), {
      recursive: true,
      filter: (src) => !/\.test\.tsx?$|\.map$/.test(src),
    });
  }
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

/** Check ids the security notes accept or review: every `CHECK_ID` written in build/SECURITY.md. */
function documentedChecks() {
  const text = existsSync(SECURITY_MD) ? readFileSync(SECURITY_MD, 'utf8') : '';
  return new Set(text.match(/\b[A-Z_]+_(?:JS|HTML|JSON|GLOBAL)_CHECK\b/g) ?? []);
}

/**
 * Findings in third-party code bundled into the renderer that build/SECURITY.md reviews by file:
 * lines "`CHECK_ID` in `dist/renderer/assets/name-*.js`". Only that check in files of that name is accepted.
 */
function reviewedInBundles() {
  const text = existsSync(SECURITY_MD) ? readFileSync(SECURITY_MD, 'utf8') : '';
  return [...text.matchAll(/`([A-Z_]+_JS_CHECK)` in `(dist\/renderer\/[^`]+)`/g)].map(([, id, glob]) => ({
    id,
    file: new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}:\\d+$`),
  }));
}

function inlineDisables(folder) {
  const found = [];
  for (const file of readdirSync(path.join(root, folder), { recursive: true })) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(root, folder, file), 'utf8');
    for (const m of text.matchAll(/eng-disable\s+([A-Z_ ,]+)/g))
      for (const id of m[1].split(/[\s,]+/).filter(Boolean)) found.push({ file: path.join(folder, file), id });
  }
  return found;
}

export async function scan(inputs = ['electron', 'dist/renderer']) {
  const run = loadScanner();
  if (!run) return { installed: false, problems: [], findings: [] };
  for (const input of inputs)
    if (!existsSync(path.resolve(root, input))) throw new Error(`${input} does not exist (build the app first)`);
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const electronVersion = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const dir = stage(inputs);
  try {
    const result = await run({
      input: dir,
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      excludeFromScan: EXCLUDED,
      parserPlugins: [],
    });
    const documented = documentedChecks();
    const findings = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      confidence: i.confidence.name,
      where: `${i.file}:${i.location.line}`,
      description: i.description,
    }));
    const reviewed = reviewedInBundles();
    const isReviewed = (f) => reviewed.some((r) => r.id === f.id && r.file.test(f.where));
    const problems = [
      ...findings
        .filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !isReviewed(f))
        .map((f) => `${f.severity} ${f.id} at ${f.where}: ${f.description}`),
      ...findings
        .filter((f) => f.severity === 'LOW' && !documented.has(f.id))
        .map((f) => `LOW ${f.id} at ${f.where} is not accepted in build/SECURITY.md: ${f.description}`),
      ...inputs
        .filter((input) => input === 'electron')
        .flatMap(inlineDisables)
        .filter((d) => !documented.has(d.id))
        .map((d) => `${d.file} disables ${d.id} without a review in build/SECURITY.md`),
      ...result.errors.filter((e) => !e.tolerable).map((e) => `could not scan ${e.file}: ${e.message}`),
    ];
    return { installed: true, problems, findings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const inputs = process.argv.slice(2);
  const { installed, problems, findings } = await scan(inputs.length ? inputs : undefined);
  if (!installed) {
    console.error(
      'electronegativity: @doyensec/electronegativity is not installed (npm install -D @doyensec/electronegativity@1.10.3)',
    );
    process.exit(2);
  }
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.id} ${f.where}`);
  for (const p of problems) console.error(`✗ ${p}`);
  const count = (s) => findings.filter((f) => f.severity === s).length;
  console.log(
    `electronegativity: ${count('HIGH')} high, ${count('MEDIUM')} medium, ${count('LOW')} low, ${count('INFORMATIONAL')} informational; ${problems.length ? `${problems.length} problem(s)` : 'ok'}`,
  );
  process.exit(problems.length ? 1 : 0);
}
