import type { Scenario, ScenarioOption } from '../scenario/schema';
import { PRICINGS, type Pricing } from '../scenario/rows';
import { assemble, evaluateOption, prepare, type Evaluated } from './compare';
import { memoize } from './layout';
import { resolveOption } from './resolve';
import type { AbortSignalLike, CompareCatalog, CompareDeps, ComparisonRow } from './types';

/**
 * "Suggest": sweeps the catalog for the options that answer the scenario's workload best: every
 * system as one owned server and as clusters of 2-16 nodes on every scale-out network, every cloud
 * offer at every pricing it has, on 1 instance or (when it names an interconnect) 2-16, each with its fastest fitting layout; then returns the
 * cheapest few that fit and keep up (the best of each kind first, so owned, cluster and cloud are
 * all represented when any of them works). Cancellable and reporting progress, for a Web Worker.
 */

export interface SuggestProgress {
  readonly done: number;
  readonly total: number;
  /** What is being evaluated: "cluster of 4 × dgx-h100 on ib-ndr". */
  readonly current: string;
}

export interface SuggestOptions {
  readonly onProgress?: (p: SuggestProgress) => void;
  readonly signal?: AbortSignalLike;
  /** How many options to return (default 5). */
  readonly limit?: number;
  /** Largest cluster / instance count tried (default 16). */
  readonly maxNodes?: number;
  /** Let the event loop run (cancel messages, progress painting) every this many candidates (default 4). */
  readonly yieldEvery?: number;
}

export interface Suggestion {
  /** Ready to append to `scenario.options` (its id is unique there). */
  readonly option: ScenarioOption;
  readonly row: ComparisonRow;
}

const NODE_COUNTS = [2, 4, 8, 16, 32, 64];
const INSTANCE_COUNTS = [1, 2, 4, 8, 16, 32, 64];

type Globals = { setTimeout?: (cb: () => void, ms: number) => unknown };
const nextTick = (): Promise<void> =>
  new Promise((resolve) => {
    const st = (globalThis as Globals).setTimeout;
    if (st) st(resolve, 0);
    else resolve();
  });

/** Every option the catalog offers for this workload (before any is evaluated). */
export function candidateOptions(catalog: CompareCatalog, maxNodes = 16): { option: ScenarioOption; what: string }[] {
  const out: { option: ScenarioOption; what: string }[] = [];
  const gpuKnown = (id: string) => catalog.gpus.some((g) => g.id === id);
  const fabrics = catalog.networks.filter((n) => n.layer === 'scale-out' && n.interconnect);
  for (const sys of catalog.systems) {
    if (!gpuKnown(sys.gpu)) continue;
    out.push({ option: { id: `own-${sys.id}`, kind: 'owned', system: sys.id, count: 1 }, what: `1 × ${sys.id}` });
    for (const net of fabrics)
      for (const nodes of NODE_COUNTS.filter((n) => n <= maxNodes))
        out.push({
          option: {
            id: `cluster-${nodes}x-${sys.id}-${net.id}`,
            kind: 'cluster',
            system: sys.id,
            nodes,
            network: net.id,
          },
          what: `cluster of ${nodes} × ${sys.id} on ${net.id}`,
        });
  }
  for (const offer of catalog.offers) {
    if (!gpuKnown(offer.gpu)) continue;
    const prices = offer.prices as Partial<Record<Pricing, unknown>>;
    for (const pricing of PRICINGS.filter((p) => prices[p] !== undefined))
      // A run spans instances only over a fabric the offer names; without one, one instance a run.
      for (const instances of INSTANCE_COUNTS.filter((n) => n <= maxNodes && (n === 1 || offer.interconnect)))
        out.push({
          option: {
            id: `cloud-${offer.id}-${pricing}-${instances}`,
            kind: 'cloud',
            offer: offer.id,
            pricing,
            instances,
          },
          what: `${instances} × ${offer.id} ${pricing}`,
        });
  }
  return out;
}

const hardwareKey = (o: ScenarioOption): string =>
  o.kind === 'cloud'
    ? `cloud:${String(o.offer)}`
    : `${o.kind}:${typeof o.system === 'string' ? o.system : o.system.name}`;

/** `base` made into an option id not yet in `taken` (and added to it): `own-dgx-h100`, `own-dgx-h100-2`, … */
export function uniqueId(base: string, taken: Set<string>): string {
  const clean = base
    .toLowerCase()
    .replace(/[^a-z0-9.+-]+/g, '-')
    .slice(0, 72);
  let id = clean;
  for (let i = 2; taken.has(id); i++) id = `${clean}-${i}`;
  taken.add(id);
  return id;
}

export async function suggest(
  scenario: Scenario,
  catalog: CompareCatalog,
  deps: CompareDeps,
  options: SuggestOptions = {},
): Promise<Suggestion[]> {
  const { onProgress, signal, limit = 5, maxNodes = 16, yieldEvery = 4 } = options;
  const all = candidateOptions(catalog, maxNodes);
  const sweep: Scenario = { ...scenario, options: all.map((c) => c.option) };
  // Validate the workload and assumptions once (fx for catalog prices included); an unconvertible
  // catalog row is skipped rather than failing the sweep.
  const prepared = prepare({ ...scenario, options: [] }, catalog);
  const withOptions = { ...prepared, scenario: sweep };
  const estimate = memoize(deps.estimate);
  const evaluated: Evaluated[] = [];
  for (let i = 0; i < all.length; i++) {
    signal?.throwIfAborted();
    const c = all[i]!;
    onProgress?.({ done: i, total: all.length, current: c.what });
    const issuesBefore = prepared.converter.issues.length;
    const hw = resolveOption(sweep, i, catalog, prepared.converter);
    prepared.converter.issues.length = issuesBefore; // skip rows the scenario cannot price
    if (hw) {
      const ev = evaluateOption(withOptions, hw, { ...deps, estimate }, signal);
      if (ev.cost && ev.layout.best) evaluated.push(ev);
    }
    if ((i + 1) % yieldEvery === 0) await nextTick();
  }
  signal?.throwIfAborted();
  onProgress?.({ done: all.length, total: all.length, current: '' });

  const comparison = assemble(withOptions, evaluated);
  const feasible = comparison.rows.filter((r) => r.feasible);
  const optionOf = new Map(evaluated.map((e) => [e.hw.option.id, e.hw.option]));
  // Best per hardware (a system or an offer appears once, at its cheapest size and pricing).
  const bestPer = new Map<string, ComparisonRow>();
  for (const r of feasible) {
    const key = hardwareKey(optionOf.get(r.optionId)!);
    if (!bestPer.has(key)) bestPer.set(key, r);
  }
  const distinct = [...bestPer.values()];
  const picked: ComparisonRow[] = [];
  for (const kind of ['owned', 'cluster', 'cloud'] as const) {
    const first = distinct.find((r) => r.kind === kind);
    if (first && picked.length < limit) picked.push(first);
  }
  for (const r of distinct) if (picked.length < limit && !picked.includes(r)) picked.push(r);
  picked.sort((a, b) => (a.totalCost ?? 0) - (b.totalCost ?? 0));

  const taken = new Set(scenario.options.map((o) => o.id));
  return picked.map((row) => {
    const option = { ...optionOf.get(row.optionId)!, id: uniqueId(row.optionId, taken) } as ScenarioOption;
    return { option, row: { ...row, optionId: option.id } };
  });
}
