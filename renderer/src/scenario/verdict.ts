import type { ComparisonRow } from '../../../estimator/compare';

/** Whether an option can do the work, and if not the first reason that stops it. */
export type Verdict = 'works' | 'does-not-fit' | 'does-not-fit-site' | 'too-slow' | 'misses-deadline' | 'cannot-finish';

const REASONS: readonly [Verdict, RegExp][] = [
  ['does-not-fit', /^(does not fit:|cannot be estimated|no layout)/],
  ['does-not-fit-site', /^(does not fit the site:|no site plan:)/],
  ['too-slow', /^cannot keep up:/],
  ['misses-deadline', /^misses the deadline:/],
  ['cannot-finish', /^(spot cannot finish:|needs .* beyond the commitment)/],
];

/** The row's verdict and the compare note that explains it (the domain's words, with the numbers). */
export function verdictOf(row: ComparisonRow): { verdict: Verdict; reason: string | null } {
  if (row.feasible) return { verdict: 'works', reason: null };
  const firstNote = (verdict: Verdict) => {
    const pattern = REASONS.find(([v]) => v === verdict)![1];
    return row.notes.find((n) => pattern.test(n)) ?? null;
  };
  if (!row.fits) return { verdict: 'does-not-fit', reason: firstNote('does-not-fit') };
  if (row.fitsSite === false) {
    const shortfalls = row.facilityPlan?.shortfalls.map((s) => s.message);
    return {
      verdict: 'does-not-fit-site',
      reason: shortfalls?.length ? shortfalls.join('; ') : firstNote('does-not-fit-site'),
    };
  }
  if (!row.meetsSchedule) return { verdict: 'too-slow', reason: firstNote('too-slow') };
  if (!row.meetsDeadline) return { verdict: 'misses-deadline', reason: firstNote('misses-deadline') };
  return { verdict: 'cannot-finish', reason: firstNote('cannot-finish') };
}
