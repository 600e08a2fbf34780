import { SIZE_CLASS_MEDIUM_MAX, SIZE_CLASS_SMALL_MAX } from './constants';
import type { BandQuantity } from './types';

/** What decides a configuration's regime, for an estimate input or a validation row alike. */
export interface RegimeKeys {
  method: string;
  recompute: string;
  gpuFamily: string;
  paramsTotal: number;
}

export interface RegimeStep {
  /** Stable key, e.g. "lora/no-recompute", "hopper/3-15B", "all". */
  key: string;
  /** English, e.g. "LoRA, no recompute". */
  label: string;
  matches: (k: RegimeKeys) => boolean;
}

const METHOD_LABEL: Record<string, string> = { full: 'full fine-tune', lora: 'LoRA', qlora: 'QLoRA' };
const methodLabel = (m: string) => METHOD_LABEL[m] ?? m;
const recomputeKey = (r: string) => (r === 'none' ? 'no-recompute' : 'recompute');
const recomputeLabel = (r: string) => (r === 'none' ? 'no recompute' : 'with recompute');

export type SizeClass = '<3B' | '3-15B' | '>15B';
export const sizeClassOf = (params: number): SizeClass =>
  params < SIZE_CLASS_SMALL_MAX.value ? '<3B' : params <= SIZE_CLASS_MEDIUM_MAX.value ? '3-15B' : '>15B';

const familyLabel = (f: string) => (f.length <= 4 ? f.toUpperCase() : f[0]!.toUpperCase() + f.slice(1));

/**
 * The regimes of one quantity for a configuration, narrowest first; the last is every row of the quantity.
 * Memory: method x recompute (none / any), then method. Throughput: GPU family x model size class, then the family,
 * then the size class on any GPU. Power: GPU family.
 */
export function regimeChain(quantity: BandQuantity, k: RegimeKeys): RegimeStep[] {
  const all: RegimeStep = { key: 'all', label: `every ${quantity} row`, matches: () => true };
  if (quantity === 'memory') {
    const rk = recomputeKey(k.recompute);
    return [
      {
        key: `${k.method}/${rk}`,
        label: `${methodLabel(k.method)}, ${recomputeLabel(k.recompute)}`,
        matches: (r) => r.method === k.method && recomputeKey(r.recompute) === rk,
      },
      { key: k.method, label: methodLabel(k.method), matches: (r) => r.method === k.method },
      all,
    ];
  }
  const fam = familyLabel(k.gpuFamily);
  if (quantity === 'throughput') {
    const size = sizeClassOf(k.paramsTotal);
    return [
      {
        key: `${k.gpuFamily}/${size}`,
        label: `${fam}, ${size} models`,
        matches: (r) => r.gpuFamily === k.gpuFamily && sizeClassOf(r.paramsTotal) === size,
      },
      { key: k.gpuFamily, label: `${fam}, any model size`, matches: (r) => r.gpuFamily === k.gpuFamily },
      { key: `any/${size}`, label: `${size} models, any GPU`, matches: (r) => sizeClassOf(r.paramsTotal) === size },
      all,
    ];
  }
  return [{ key: k.gpuFamily, label: fam, matches: (r) => r.gpuFamily === k.gpuFamily }, all];
}
