/**
 * `npm run validate`: every calibration row and published figure, measured against predicted, with the worst and
 * median error per quantity, then the accuracy bands computed from them (estimator/confidence). Exits 1 when any row
 * is outside its tolerance. `--write-bands` stores the recomputed bands in estimator/confidence/bands.json.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeBands } from '../confidence/bands';
import { bandsJson } from '../confidence/io';
import { failures, runValidation, summarize, type ValidationRow } from '../validation/validate';
import { loadCalibration, shippedCatalog } from './catalog';

const fmt = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3));
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(rows: readonly ValidationRow[]): string {
  const head = `${pad('case', 62)} ${pad('quantity', 17)} ${lpad('measured', 10)} ${lpad('predicted', 10)} ${pad('unit', 8)} ${lpad('error', 7)} ${lpad('tol', 5)}  pass`;
  const lines = rows.map(
    (r) =>
      `${pad(r.case, 62)} ${pad(r.quantity, 17)} ${lpad(fmt(r.measured), 10)} ${lpad(fmt(r.predicted), 10)} ${pad(r.unit, 8)} ${lpad(`${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(1)}%`, 7)} ${lpad(`${r.tolerancePct}%`, 5)}  ${r.informational ? 'info' : r.pass ? 'yes' : 'NO'}`,
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

const { path, rows: calibration } = loadCalibration();
const rows = runValidation(calibration, shippedCatalog());
console.log(`calibration: ${path}\n`);
console.log(table(rows));
const notes = rows.filter((r) => r.note);
if (notes.length) console.log(`\n${notes.map((r) => `${r.case}: ${r.note}`).join('\n')}`);
console.log(
  `\n${pad('quantity', 17)} ${lpad('rows', 5)} ${lpad('worst', 8)} ${lpad('median', 8)} ${lpad('tol', 6)}  pass`,
);
for (const s of summarize(rows))
  console.log(
    `${pad(s.quantity, 17)} ${lpad(String(s.count), 5)} ${lpad(`${s.worstPct.toFixed(1)}%`, 8)} ${lpad(`${s.medianPct.toFixed(1)}%`, 8)} ${lpad(`${s.tolerancePct}%`, 6)}  ${s.pass ? 'yes' : 'NO'}`,
  );
const failed = failures(rows);
if (failed.length) {
  console.log(`\n${failed.length} row(s) outside tolerance`);
  process.exitCode = 1;
}

const bands = computeBands(rows);
console.log(
  `\naccuracy bands (estimator ${bands.estimatorVersion}): the truth lies in [pred x (1 + lower), pred x (1 + upper)]`,
);
console.log(
  `${pad('quantity', 11)} ${pad('regime', 22)} ${lpad('rows', 5)} ${lpad('lower', 7)} ${lpad('upper', 7)}  basis`,
);
for (const b of bands.bands)
  console.log(
    `${pad(b.quantity, 11)} ${pad(b.regime, 22)} ${lpad(String(b.rows), 5)} ${lpad(`${b.lowerPct.toFixed(1)}%`, 7)} ${lpad(`+${b.upperPct.toFixed(1)}%`, 7)}  ${b.basis}`,
  );
if (process.argv.includes('--write-bands') && process.env.GPU_PLANNER_CALIBRATION) {
  // bands.json goes with the shipped rows (its staleness test reads those), never with a held-back set.
  console.error(
    '\n--write-bands: bands.json is stored from the shipped calibration rows; unset GPU_PLANNER_CALIBRATION',
  );
  process.exitCode = 2;
} else if (process.argv.includes('--write-bands')) {
  const path = fileURLToPath(new URL('../confidence/bands.json', import.meta.url));
  writeFileSync(path, bandsJson(bands));
  console.log(`\nwrote ${path}`);
}
