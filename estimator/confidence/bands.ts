import { findGpu, resolveModel, type EstimatorCatalog } from '../training/catalog';
import { paramCounts } from '../training/parameters';
import { shapeOf } from '../training/shape';
import type { EstimateInput } from '../training/types';
import type { ValidationRow } from '../validation/validate';
import {
  ESTIMATOR_VERSION,
  EXTRAPOLATION_WIDENING,
  MEMORY_BAND_FLOOR_PCT,
  POWER_BAND_FLOOR_PCT,
  THROUGHPUT_BAND_FLOOR_PCT,
} from './constants';
import { regimeChain, sizeClassOf, type RegimeKeys } from './regimes';
import storedJson from './bands.json';
import type { AccuracyBand, BandQuantity, BandRow, BandTable } from './types';

export const BAND_FLOOR: Record<BandQuantity, typeof MEMORY_BAND_FLOOR_PCT> = {
  memory: MEMORY_BAND_FLOOR_PCT,
  throughput: THROUGHPUT_BAND_FLOOR_PCT,
  power: POWER_BAND_FLOOR_PCT,
};

/**
 * Which band a validation quantity informs, and whether it measures time (the truth of tokens/s is then
 * predicted time / measured time: a run that took longer than predicted was slower).
 */
const BAND_OF: Record<string, { band: BandQuantity; time: boolean } | undefined> = {
  memory: { band: 'memory', time: false },
  throughput: { band: 'throughput', time: false },
  power: { band: 'power', time: false },
  'iteration-seconds': { band: 'throughput', time: true },
  'training-days': { band: 'throughput', time: true },
  'gpu-hours': { band: 'throughput', time: true },
};

/** One decimal place of a percent: bands are shown and stored rounded so recomputation compares exactly. */
const round1 = (v: number) => Math.round(v * 10) / 10;
const signed = (v: number) => `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(1)}%`;

/**
 * The validation rows that inform a band: estimator rows with a configuration (`context`), gated (informational
 * rows are left out: their reason is that the measurement is not what the estimate predicts), and not model-states or
 * OOM rows (they check a formula or a verdict, not a predicted figure).
 */
export function bandRowsOf(rows: readonly ValidationRow[]): BandRow[] {
  const out: BandRow[] = [];
  for (const r of rows) {
    const b = BAND_OF[r.quantity];
    if (!b || !r.context || r.informational || !(r.measured > 0) || !(r.predicted > 0)) continue;
    const ratio = b.time ? r.predicted / r.measured : r.measured / r.predicted;
    out.push({
      case: r.case,
      quantity: r.quantity,
      band: b.band,
      measured: r.measured,
      predicted: r.predicted,
      unit: r.unit,
      errorPct: round1(r.errorPct),
      truthPct: round1((ratio - 1) * 100),
      ...r.context,
    });
  }
  return out;
}

function bandFromRows(quantity: BandQuantity, key: string, label: string, rows: readonly BandRow[]): AccuracyBand {
  const floor = BAND_FLOOR[quantity].value;
  const under = Math.min(...rows.map((r) => r.truthPct));
  const over = Math.max(...rows.map((r) => r.truthPct));
  const lowerPct = round1(Math.min(under, -floor));
  const upperPct = round1(Math.max(over, floor));
  const widened = lowerPct !== round1(under) || upperPct !== round1(over) ? `, widened to the ${floor}% floor` : '';
  return {
    quantity,
    regime: key,
    basedOn: key,
    level: 'regime',
    lowerPct,
    upperPct,
    rows: rows.length,
    basis: `${rows.length} validation row${rows.length === 1 ? '' : 's'}: ${label} (worst ${signed(under)}/${signed(over)}${widened})`,
    estimatorVersion: ESTIMATOR_VERSION,
  };
}

const QUANTITIES: readonly BandQuantity[] = ['memory', 'throughput', 'power'];

/**
 * The accuracy bands of every regime the validation rows cover, at every level of each regime chain (regimes.ts),
 * plus the rows themselves (for fallbacks and the nearest rows of a derivation). Deterministic: sorted by quantity
 * and regime key.
 */
export function computeBands(rows: readonly ValidationRow[]): BandTable {
  const bandRows = bandRowsOf(rows);
  const bands = new Map<string, AccuracyBand>();
  for (const q of QUANTITIES) {
    const mine = bandRows.filter((r) => r.band === q);
    for (const r of mine)
      for (const step of regimeChain(q, r)) {
        const id = `${q}:${step.key}`;
        if (bands.has(id)) continue;
        bands.set(id, bandFromRows(q, step.key, step.label, mine.filter(step.matches)));
      }
  }
  const sorted = [...bands.values()].sort((a, b) =>
    a.quantity === b.quantity ? a.regime.localeCompare(b.regime) : a.quantity.localeCompare(b.quantity),
  );
  return {
    format: 'gpu-planner.bands',
    version: 1,
    estimatorVersion: ESTIMATOR_VERSION,
    bands: sorted,
    rows: bandRows,
  };
}

/** The band table stored with the estimator (estimator/confidence/bands.json). */
export const STORED_BANDS = storedJson as BandTable;

const widen = (v: number) => round1(v * EXTRAPOLATION_WIDENING.value);

/** A regime's band from the table, falling back to the nearest broader regime (widened), then to the floor (widened). */
export function bandForKeys(quantity: BandQuantity, keys: RegimeKeys, table: BandTable = STORED_BANDS): AccuracyBand {
  const chain = regimeChain(quantity, keys);
  const own = chain[0]!;
  for (let i = 0; i < chain.length; i++) {
    const step = chain[i]!;
    const b = table.bands.find((x) => x.quantity === quantity && x.regime === step.key);
    if (!b) continue;
    if (i === 0) return b;
    return {
      ...b,
      regime: own.key,
      level: 'broader',
      lowerPct: widen(b.lowerPct),
      upperPct: widen(b.upperPct),
      basis: `no validation rows for ${own.label}; nearest broader regime: ${b.basis}, widened ×${EXTRAPOLATION_WIDENING.value} for extrapolation`,
    };
  }
  const floor = BAND_FLOOR[quantity].value;
  return {
    quantity,
    regime: own.key,
    basedOn: 'floor',
    level: 'floor',
    lowerPct: widen(-floor),
    upperPct: widen(floor),
    rows: 0,
    basis: `no validation rows for ${own.label} or any broader regime: the ${floor}% floor widened ×${EXTRAPOLATION_WIDENING.value} for extrapolation`,
    estimatorVersion: table.estimatorVersion,
  };
}

/** The regime keys of an input (its GPU family and model size from the catalog); null when the catalog lacks them. */
export function regimeKeysOf(input: EstimateInput, catalog: EstimatorCatalog): RegimeKeys | null {
  const gpu = findGpu(catalog, input.gpu);
  const model = resolveModel(catalog, input.model);
  if (!gpu || !model) return null;
  return {
    method: input.method,
    recompute: input.recompute,
    gpuFamily: gpu.architecture,
    paramsTotal: paramCounts(shapeOf(model.architecture)).total,
  };
}

/** The accuracy band of one quantity for one configuration (unknown GPU or model: the widened floor). */
export function bandFor(
  quantity: BandQuantity,
  input: EstimateInput,
  catalog: EstimatorCatalog,
  table: BandTable = STORED_BANDS,
): AccuracyBand {
  return bandForKeys(quantity, keysOrUnknown(input, catalog), table);
}

/** The regime keys, or those of an unknown GPU and model (the widened floor) when the catalog lacks them. */
export const keysOrUnknown = (input: EstimateInput, catalog: EstimatorCatalog): RegimeKeys =>
  regimeKeysOf(input, catalog) ?? {
    method: input.method,
    recompute: input.recompute,
    gpuFamily: 'unknown',
    paramsTotal: 0,
  };

const STORED_BY_REGIME = new Map<string, Record<BandQuantity, AccuracyBand>>();

/**
 * The three bands of a configuration. Compare's layout sweep asks for every layout it tries, and the answer depends
 * only on the regime (method, recompute, GPU family, size class), so the stored table's answers are kept per regime.
 */
export function bandsFor(
  input: EstimateInput,
  catalog: EstimatorCatalog,
  table: BandTable = STORED_BANDS,
): Record<BandQuantity, AccuracyBand> {
  const keys = keysOrUnknown(input, catalog);
  // Frozen: one answer is shared by every estimate of the regime.
  const compute = () =>
    Object.freeze({
      memory: Object.freeze(bandForKeys('memory', keys, table)),
      throughput: Object.freeze(bandForKeys('throughput', keys, table)),
      power: Object.freeze(bandForKeys('power', keys, table)),
    });
  if (table !== STORED_BANDS) return compute();
  const id = `${keys.method}|${keys.recompute}|${keys.gpuFamily}|${sizeClassOf(keys.paramsTotal)}`;
  let bands = STORED_BY_REGIME.get(id);
  if (!bands) STORED_BY_REGIME.set(id, (bands = compute()));
  return bands;
}
