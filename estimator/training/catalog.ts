import type { Gpu } from '../../catalog/schema/gpu';
import type { Architecture, ModelPreset } from '../../catalog/schema/model';

/** What `estimate` needs from the catalog. */
export interface EstimatorCatalog {
  readonly gpus: readonly Gpu[];
  readonly models: readonly ModelPreset[];
}

const GPU_INDEX = new WeakMap<readonly Gpu[], Map<string, Gpu>>();
const MODEL_INDEX = new WeakMap<readonly ModelPreset[], Map<string, ModelPreset>>();

function index<T extends { id: string }>(
  cache: WeakMap<readonly T[], Map<string, T>>,
  rows: readonly T[],
): Map<string, T> {
  let m = cache.get(rows);
  if (!m) {
    m = new Map(rows.map((r) => [r.id, r]));
    cache.set(rows, m);
  }
  return m;
}

export const findGpu = (c: EstimatorCatalog, id: string): Gpu | undefined => index(GPU_INDEX, c.gpus).get(id);

export type ResolvedModel = { id: string | null; name: string; architecture: Architecture };

export function resolveModel(c: EstimatorCatalog, model: string | Architecture): ResolvedModel | undefined {
  if (typeof model !== 'string') return { id: null, name: 'custom architecture', architecture: model };
  const p = index(MODEL_INDEX, c.models).get(model);
  return p ? { id: p.id, name: p.name, architecture: p.architecture } : undefined;
}

export const knownIds = (rows: readonly { id: string }[]): string => rows.map((r) => r.id).join(', ');
