import type { Scenario, ScenarioOption } from '../scenario/schema';
import { compare } from './compare';
import { memoize } from './layout';
import type { CompareCatalog, CompareDeps } from './types';

/**
 * How the ranking moves when one input moves: electricity price, owned utilization, spot price and
 * the price of owned hardware, each scaled by a few multipliers (± 30% by default), everything else
 * held. Prices do not change the training estimates, so one memoized estimator serves every run.
 */

export const SENSITIVITY_FACTORS = ['electricity', 'utilizationOwned', 'spotPrice', 'hardwarePrice'] as const;
export type SensitivityFactor = (typeof SENSITIVITY_FACTORS)[number];

export interface SensitivityPoint {
  readonly factor: SensitivityFactor;
  readonly multiplier: number;
  /** Options in rank order with their total cost (null when they do not fit or never finish). */
  readonly ranking: readonly {
    readonly optionId: string;
    readonly totalCost: number | null;
    readonly feasible: boolean;
  }[];
  readonly cheapestOptionId: string | null;
  /** The cheapest differs from the base case's. */
  readonly winnerChanges: boolean;
}

const scalePrice = <T extends { amount: number }>(p: T | undefined, k: number): T | undefined =>
  p ? { ...p, amount: p.amount * k } : p;

/** The scenario and catalog with one factor scaled by k. */
export function scaled(
  s: Scenario,
  catalog: CompareCatalog,
  factor: SensitivityFactor,
  k: number,
): { scenario: Scenario; catalog: CompareCatalog } {
  const a = s.assumptions;
  switch (factor) {
    case 'electricity':
      return {
        scenario: { ...s, assumptions: { ...a, electricity: { ...a.electricity, amount: a.electricity.amount * k } } },
        catalog,
      };
    case 'utilizationOwned':
      return {
        scenario: {
          ...s,
          assumptions: { ...a, utilizationOwned: Math.min(1, Math.max(0.01, a.utilizationOwned * k)) },
        },
        catalog,
      };
    case 'spotPrice': {
      const options = s.options.map((o): ScenarioOption => {
        if (o.kind !== 'cloud' || typeof o.offer === 'string') return o;
        return { ...o, offer: { ...o.offer, prices: { ...o.offer.prices, spot: scalePrice(o.offer.prices.spot, k) } } };
      });
      const offers = catalog.offers.map((r) => ({ ...r, prices: { ...r.prices, spot: scalePrice(r.prices.spot, k) } }));
      return { scenario: { ...s, options }, catalog: { ...catalog, offers } };
    }
    case 'hardwarePrice': {
      const options = s.options.map((o): ScenarioOption => {
        if (o.kind === 'cloud' || typeof o.system === 'string') return o;
        return { ...o, system: { ...o.system, price: { ...o.system.price, amount: o.system.price.amount * k } } };
      });
      const systems = catalog.systems.map((r) => ({ ...r, price: { ...r.price, amount: r.price.amount * k } }));
      return { scenario: { ...s, options }, catalog: { ...catalog, systems } };
    }
  }
}

export function sensitivity(
  s: Scenario,
  catalog: CompareCatalog,
  deps: CompareDeps,
  multipliers: readonly number[] = [0.7, 1.3],
  factors: readonly SensitivityFactor[] = SENSITIVITY_FACTORS,
): { base: SensitivityPoint; points: SensitivityPoint[] } {
  const estimate = memoize(deps.estimate);
  const run = (factor: SensitivityFactor, k: number, baseWinner: string | null): SensitivityPoint => {
    const v = scaled(s, catalog, factor, k);
    const c = compare(v.scenario, v.catalog, { ...deps, estimate });
    return {
      factor,
      multiplier: k,
      ranking: c.rows.map((r) => ({ optionId: r.optionId, totalCost: r.totalCost, feasible: r.feasible })),
      cheapestOptionId: c.cheapestOptionId,
      winnerChanges: c.cheapestOptionId !== baseWinner,
    };
  };
  const base = run('electricity', 1, null);
  const winner = base.cheapestOptionId;
  const points = factors.flatMap((f) => multipliers.map((k) => run(f, k, winner)));
  return { base: { ...base, winnerChanges: false }, points };
}
