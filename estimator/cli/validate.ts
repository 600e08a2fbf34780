/**
 * `npm run validate`: every calibration row and published figure, measured against predicted, with the worst and
 * median error per quantity. Exits 1 when any row is outside its tolerance.
 */
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
