import type { Measurement } from './types';

/**
 * Reads peak memory, tokens/s and GPU watts from pasted training-log lines (issue 9):
 * - Hugging Face Trainer: the final metrics dict `{'train_runtime': 95.1, 'train_samples_per_second': 5.4, ...}`
 *   (`train_tokens_per_second` when present, else samples/s x seqLen), and memory lines people print
 *   (`max_memory_allocated: 29.9 GB`, `Peak GPU memory: 27.9 GiB`). Transformers documents
 *   `train_tokens_per_second` (`include_tokens_per_second`) as per device, and `train_samples_per_second` as the
 *   whole run's: the first is multiplied by `gpus`.
 * - DeepSpeed: `see_memory_usage` (`MA 12.3 GB Max_MA 30.1 GB CA 13.4 GB Max_CA 31 GB`) and the throughput timer
 *   (`RunningAvgSamplesPerSec=12.5, CurrSamplesPerSec=12.8, MemAllocated=30.1GB, MaxMemAllocated=32.4GB`). DeepSpeed
 *   divides by 1024^3 and prints "GB": its GB are GiB, and are read as such. `TFLOPs` lines are recognised but not
 *   used (tokens/s from TFLOPs needs the model's FLOPs per token).
 * - torchrun / custom scripts: `tokens/s: 11329.8`, `tokens_per_sec=...`, `peak_mem_gb=29.9`, `power 477 W`,
 *   `gpu_watts=477`; per-GPU rates (`tokens_per_second_per_gpu:`, as torchtune logs) are multiplied by `gpus`.
 * Units: GB = 1e9 bytes, GiB = 2^30, MB = 1e6, MiB = 2^20 (outside DeepSpeed's lines). A key ending `_gb` is GB.
 * Several readings: memory takes the largest (a peak), tokens/s and watts the last (the steady state at the end).
 * Samples/s becomes tokens/s only with `seqLen` (tokens per sample); without it the result says what is missing.
 * A per-GPU rate without `gpus` is taken as one GPU's, and `missing` says so.
 */
export type LogFormat = 'hf-trainer' | 'deepspeed' | 'torchrun' | 'plain';

export type LogParse =
  | { ok: true; measured: Measurement; format: LogFormat; matched: string[]; missing: string[] }
  | { ok: false; error: string };

const UNIT_BYTES: Record<string, number> = {
  b: 1,
  bytes: 1,
  kb: 1e3,
  kib: 2 ** 10,
  mb: 1e6,
  mib: 2 ** 20,
  gb: 1e9,
  gib: 2 ** 30,
  tb: 1e12,
  tib: 2 ** 40,
};
const bytesOf = (value: string, unit: string | undefined, fallback: number): number =>
  Number(value) * (unit ? (UNIT_BYTES[unit.toLowerCase()] ?? fallback) : fallback);

const NUM = '([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)';
const MEM_UNIT = '\\s*(GiB|GB|MiB|MB|KiB|KB|TiB|TB|bytes|B)?\\b';

/** A Hugging Face metrics value: `'key': 123.4`. */
const hfValue = (line: string, key: string): number | null => {
  const m = new RegExp(`['"]${key}['"]\\s*:\\s*${NUM}`).exec(line);
  return m ? Number(m[1]) : null;
};

interface Found {
  memory: number[];
  tokens: number[];
  perGpuTokens: number[];
  samples: number[];
  watts: number[];
  formats: Set<LogFormat>;
  matched: string[];
}

function scanLine(raw: string, f: Found): void {
  const line = raw.trim();
  if (!line) return;
  const count = () => f.memory.length + f.tokens.length + f.perGpuTokens.length + f.samples.length + f.watts.length;
  const before = count();
  let seen = false;

  // Hugging Face Trainer metrics dict.
  if (/['"]train_runtime['"]\s*:/.test(line) || /['"]train_samples_per_second['"]/.test(line)) {
    f.formats.add('hf-trainer');
    const tok = hfValue(line, 'train_tokens_per_second');
    const smp = hfValue(line, 'train_samples_per_second');
    if (tok !== null) f.perGpuTokens.push(tok);
    else if (smp !== null) f.samples.push(smp);
    seen = true;
  }

  // DeepSpeed see_memory_usage and the throughput timer (GB there are GiB).
  const maxMa = new RegExp(`\\bMax_MA\\s+${NUM}\\s*GB`).exec(line);
  if (maxMa) {
    f.formats.add('deepspeed');
    f.memory.push(Number(maxMa[1]) * 2 ** 30);
    seen = true;
  }
  const maxAlloc = new RegExp(`MaxMemAllocated=${NUM}\\s*GB`).exec(line);
  if (maxAlloc) {
    f.formats.add('deepspeed');
    f.memory.push(Number(maxAlloc[1]) * 2 ** 30);
    seen = true;
  }
  const samples = new RegExp(`(?:RunningAvg|Curr)?SamplesPerSec=${NUM}`).exec(line);
  if (samples) {
    f.formats.add('deepspeed');
    const avg = new RegExp(`RunningAvgSamplesPerSec=${NUM}`).exec(line);
    f.samples.push(Number((avg ?? samples)[1]));
    seen = true;
  }
  if (/\bTFLOPs\b/.test(line) && !seen) {
    f.formats.add('deepspeed');
    seen = true;
  }

  // torchrun / custom key=value or key: value lines.
  const perGpu = new RegExp(
    `\\b(?:tokens?|tok)(?:/s|/sec|_per_sec(?:ond)?|_per_s)(?:_per_gpu|_per_device|/gpu)\\s*[:=]?\\s*${NUM}`,
    'i',
  ).exec(line);
  if (perGpu) {
    f.formats.add('torchrun');
    f.perGpuTokens.push(Number(perGpu[1]));
    seen = true;
  }
  const tokens = new RegExp(`\\b(?:tokens?|tok)(?:/s|/sec|_per_sec(?:ond)?|_per_s|ps)\\b\\s*[:=]?\\s*${NUM}`, 'i').exec(
    line,
  );
  if (tokens && !/train_tokens_per_second/.test(line)) {
    f.formats.add('torchrun');
    f.tokens.push(Number(tokens[1]));
    seen = true;
  }
  const keyGb = new RegExp(`\\b(?:peak|max)_?mem(?:ory)?(?:_allocated)?_(gib|gb|mib|mb)\\s*[:=]\\s*${NUM}`, 'i').exec(
    line,
  );
  if (keyGb) {
    f.formats.add('torchrun');
    f.memory.push(bytesOf(keyGb[2]!, keyGb[1], 1e9));
    seen = true;
  }
  const watts = new RegExp(`\\b(?:gpu_?)?(?:power|watts)(?:_w)?\\b\\s*[:=]?\\s*${NUM}\\s*(W|watts)?\\b`, 'i').exec(
    line,
  );
  if (watts && (watts[2] || /watts|_w\b/i.test(watts[0]))) {
    f.formats.add('torchrun');
    f.watts.push(Number(watts[1]));
    seen = true;
  }

  // Memory lines people print: max_memory_allocated, "GPU memory", "peak memory".
  if (!maxMa && !maxAlloc && !keyGb) {
    const mem = new RegExp(
      `(?:max_memory_allocated(?:\\(\\))?|max memory allocated|peak (?:gpu )?memory(?: allocated)?|gpu memory(?: used| allocated| peak)?)[^0-9]{0,20}${NUM}${MEM_UNIT}`,
      'i',
    ).exec(line);
    if (mem) {
      // A bare number is bytes (torch returns bytes); a number with a unit is in that unit.
      f.memory.push(bytesOf(mem[1]!, mem[2], 1));
      if (!f.formats.has('hf-trainer') && !f.formats.has('deepspeed') && !f.formats.has('torchrun'))
        f.formats.add('plain');
      seen = true;
    }
  }
  if (seen && count() > before) f.matched.push(line);
}

/** Reads a pasted training log (see the top of this file); `seqLen` turns samples/s into tokens/s, `gpus` scales per-GPU rates. */
export function parseTrainingLog(text: string, options: { seqLen?: number; gpus?: number } = {}): LogParse {
  const f: Found = {
    memory: [],
    tokens: [],
    perGpuTokens: [],
    samples: [],
    watts: [],
    formats: new Set(),
    matched: [],
  };
  for (const line of text.split(/\r?\n/)) scanLine(line, f);
  const measured: Measurement = {};
  const missing: string[] = [];
  if (f.memory.length) measured.peakMemoryBytes = Math.max(...f.memory);
  if (f.tokens.length) measured.tokensPerSecond = f.tokens[f.tokens.length - 1];
  else if (f.perGpuTokens.length) {
    const perGpu = f.perGpuTokens[f.perGpuTokens.length - 1]!;
    const gpus = options.gpus && options.gpus > 0 ? options.gpus : 1;
    measured.tokensPerSecond = perGpu * gpus;
    if (!options.gpus)
      missing.push(`gpus: the log gives ${perGpu} tokens/s per GPU; taken as 1 GPU (give the GPU count to scale it)`);
  } else if (f.samples.length) {
    const samples = f.samples[f.samples.length - 1]!;
    if (options.seqLen && options.seqLen > 0) measured.tokensPerSecond = samples * options.seqLen;
    else missing.push(`seqLen: the log gives ${samples} samples/s; tokens/s needs the tokens per sample (seqLen)`);
  }
  if (f.watts.length) measured.gpuWatts = f.watts[f.watts.length - 1];
  if (!Object.keys(measured).length)
    return {
      ok: false,
      error: missing.length
        ? missing[0]!
        : 'log: found no peak memory, tokens/s or watts (expected a Hugging Face Trainer metrics dict, DeepSpeed MA/Max_MA or SamplesPerSec lines, or "tokens/s: ...", "peak_mem_gb=...", "power ... W")',
    };
  const order: LogFormat[] = ['hf-trainer', 'deepspeed', 'torchrun', 'plain'];
  const format = order.find((o) => f.formats.has(o)) ?? 'plain';
  return { ok: true, measured, format, matched: f.matched, missing };
}
