/**
 * `npm run bench`: estimates per second on one thread over a sweep of configurations the app explores
 * (every preset x GPU x method x layout of a cluster x sequence length x micro-batch), with the machine's CPU.
 */
import { cpus } from 'node:os';
import { estimate } from '../training/estimate';
import { parseEstimateInput } from '../training/input';
import type { EstimateInput } from '../training/types';
import { shippedCatalog } from './catalog';

const catalog = shippedCatalog();
const METHODS = [
  { method: 'full', precision: 'bf16-mixed' },
  { method: 'lora', precision: 'bf16-mixed' },
  { method: 'qlora', precision: 'bf16-mixed' },
] as const;
const LAYOUTS = [
  { gpus: 1, parallel: {} },
  { gpus: 4, parallel: {} },
  { gpus: 8, parallel: { zero: 3 } },
  { gpus: 8, parallel: { tp: 8 } },
  { gpus: 16, gpusPerNode: 8, parallel: { zero: 2, offload: 'optimizer' } },
  { gpus: 64, gpusPerNode: 8, parallel: { tp: 8, pp: 2, zero: 1 } },
];
const SEQ = [2048, 8192];
const MICRO = [1, 4];

function sweep(): EstimateInput[] {
  const out: EstimateInput[] = [];
  for (const model of catalog.models)
    for (const gpu of catalog.gpus)
      for (const m of METHODS)
        for (const layout of LAYOUTS)
          for (const seqLen of SEQ)
            for (const microBatch of MICRO) {
              const moe = model.architecture.moe !== undefined;
              const p = parseEstimateInput({
                model: model.id,
                ...m,
                gpu: gpu.id,
                seqLen,
                microBatch,
                recompute: 'full',
                ...layout,
                parallel: {
                  ...layout.parallel,
                  ...(moe && layout.gpus >= 8 ? { ep: layout.gpus === 64 ? 4 : 1 } : {}),
                },
              });
              if (p.ok) out.push(p.input);
            }
  return out;
}

const inputs = sweep();
let errors = 0;
for (const i of inputs) if ('error' in estimate(i, catalog)) errors++; // warm-up: JIT, shape caches
// Timed passes over the whole sweep; the median pass is the figure (the best shows what an unloaded core does).
const passes = 7;
const rates: number[] = [];
let sink = 0;
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  for (const i of inputs) {
    const e = estimate(i, catalog);
    if (!('error' in e)) sink += e.memory.peakBytesPerGpu;
  }
  rates.push(inputs.length / ((performance.now() - t0) / 1000));
}
rates.sort((a, b) => a - b);
const fmt = (r: number) => Math.round(r).toLocaleString('en-US');
console.log(`configurations: ${inputs.length} (${errors} rejected), passes: ${passes}`);
console.log(
  `estimates/s (one thread): ${fmt(rates[passes >> 1] ?? 0)} median, ${fmt(rates[passes - 1] ?? 0)} best pass`,
);
console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} logical cores), Node ${process.version}`);
if (sink === 0) console.log('(no estimate succeeded)');
