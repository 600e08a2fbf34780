import { splitEvenly } from '../scenario/money';
import type { CostLine } from './types';

/**
 * Cash flows by month, 0..horizon. Month 0 is the purchase; monthly costs fall at the end of months
 * 1..horizon (as cloud bills arrive); residual value comes back at the horizon's end.
 */
export function cashflow(lines: readonly CostLine[], horizonMonths: number): number[] {
  const flow = new Array<number>(horizonMonths + 1).fill(0);
  for (const l of lines) {
    const p = l.paidAt;
    if (p === 'none') continue;
    if (p === 'start') flow[0] = (flow[0] ?? 0) + l.amountMinor;
    else if (p === 'end') flow[horizonMonths] = (flow[horizonMonths] ?? 0) + l.amountMinor;
    else if (p === 'monthly') {
      const parts = splitEvenly({ amountMinor: l.amountMinor, currency: l.currency }, horizonMonths);
      parts.forEach((m, i) => (flow[i + 1] = (flow[i + 1] ?? 0) + m.amountMinor));
    } else {
      const months = p.months.map((m) => Math.min(Math.max(0, m), horizonMonths));
      const parts = splitEvenly({ amountMinor: l.amountMinor, currency: l.currency }, months.length);
      parts.forEach((m, i) => {
        const at = months[i] ?? 0;
        flow[at] = (flow[at] ?? 0) + m.amountMinor;
      });
    }
  }
  return flow;
}

export function cumulative(flow: readonly number[]): number[] {
  let acc = 0;
  return flow.map((v) => (acc += v));
}

/** Monthly rate equivalent to a yearly one: (1 + r)^(1/12) − 1. */
export const monthlyRate = (ratePerYear: number): number => (1 + ratePerYear) ** (1 / 12) - 1;

/**
 * Present value of a cost cash flow at the scenario's discount rate (month m discounted by
 * (1 + r_month)^m). Minor units, rounded once; a cost is positive.
 */
export function npv(flow: readonly number[], ratePerYear: number): number {
  const r = monthlyRate(ratePerYear);
  const v = flow.reduce((acc, amount, m) => acc + amount / (1 + r) ** m, 0);
  return Math.round(v);
}

export interface BreakEven {
  /** First month 0..horizon where the owned cumulative cost ≤ the cloud one; null when never within the horizon. */
  readonly month: number | null;
  /** When it is null: the month it would come at today's monthly saving, beyond the horizon; null if never. */
  readonly beyondHorizonMonth: number | null;
}

/**
 * Break-even of an owned option against a cloud one: the first month in which what owning has cost
 * so far (capex at month 0, then its running costs; the residual value counted at the horizon's end)
 * is no more than what renting would have cost so far.
 */
export function breakEven(owned: readonly number[], cloud: readonly number[]): BreakEven {
  const a = cumulative(owned);
  const b = cumulative(cloud);
  const horizon = Math.min(a.length, b.length) - 1;
  for (let m = 0; m <= horizon; m++) if ((a[m] ?? 0) <= (b[m] ?? 0)) return { month: m, beyondHorizonMonth: null };
  // Not within the horizon: extrapolate with the last full month's running costs (no residual).
  if (horizon < 2) return { month: null, beyondHorizonMonth: null };
  const saving = (cloud[horizon - 1] ?? 0) - (owned[horizon - 1] ?? 0);
  const gap = (a[horizon - 1] ?? 0) - (b[horizon - 1] ?? 0);
  if (saving <= 0) return { month: null, beyondHorizonMonth: null };
  return { month: null, beyondHorizonMonth: horizon - 1 + Math.ceil(gap / saving) };
}
