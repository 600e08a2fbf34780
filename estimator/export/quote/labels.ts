import type { Comparison, ComparisonRow } from '../../compare/types';
import type { Messages } from '../messages';

/**
 * What each option is called in the quote: its label, and where two share one (the same cloud
 * instance at two pricings) what tells them apart: the pricing or kind, then the count, then the id.
 * The same rule as the app's grid (renderer/src/scenario/format.ts `useOptionNames`).
 */
export function optionNames(c: Comparison, m: Messages): Map<string, string> {
  const names = new Map(c.rows.map((r) => [r.optionId, r.label]));
  const refine = (extra: (r: ComparisonRow) => string) => {
    const seen = new Map<string, number>();
    for (const name of names.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
    for (const r of c.rows) {
      const name = names.get(r.optionId)!;
      if (seen.get(name)! > 1) names.set(r.optionId, `${name} · ${extra(r)}`);
    }
  };
  refine((r) => (r.pricing ? m.pricing[r.pricing] : m.kind[r.kind]));
  refine((r) => `× ${r.nodes}`);
  refine((r) => r.optionId);
  return names;
}

/** "cluster", "cloud instance · spot". */
export const kindText = (r: Pick<ComparisonRow, 'kind' | 'pricing'>, m: Messages): string =>
  r.pricing ? `${m.kind[r.kind]} · ${m.pricing[r.pricing]}` : m.kind[r.kind];
