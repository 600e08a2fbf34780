import { describe, expect, it } from 'vitest';
import { parseTrainingLog } from './log';

const ok = (text: string, seqLen?: number, gpus?: number) => {
  const r = parseTrainingLog(text, {
    ...(seqLen === undefined ? {} : { seqLen }),
    ...(gpus === undefined ? {} : { gpus }),
  });
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('parseTrainingLog', () => {
  it('reads a Hugging Face Trainer run: metrics dict with tokens/s, a printed peak in GiB', () => {
    const r = ok(`
{'loss': 1.8234, 'grad_norm': 0.412, 'learning_rate': 1.8e-05, 'epoch': 0.5}
{'train_runtime': 882.3411, 'train_samples_per_second': 5.441, 'train_steps_per_second': 0.34, 'train_tokens_per_second': 11142.7, 'train_loss': 1.7012, 'epoch': 1.0}
Peak GPU memory: 27.86 GiB
`);
    expect(r.format).toBe('hf-trainer');
    // Transformers reports train_tokens_per_second per device: one GPU unless told.
    expect(r.measured.tokensPerSecond).toBe(11142.7);
    expect(r.missing[0]).toMatch(/^gpus: the log gives 11142\.7 tokens\/s per GPU; taken as 1 GPU/);
    expect(r.measured.peakMemoryBytes).toBeCloseTo(27.86 * 2 ** 30, 0);
    expect(r.matched).toHaveLength(2);
  });

  it('scales per-GPU rates (Transformers, torchtune) by the GPU count', () => {
    const hf =
      "{'train_runtime': 882.3, 'train_samples_per_second': 5.441, 'train_tokens_per_second': 1392.8, 'epoch': 1.0}";
    expect(ok(hf, undefined, 8).measured.tokensPerSecond).toBeCloseTo(1392.8 * 8, 9);
    expect(ok(hf, undefined, 8).missing).toEqual([]);
    const tt = ok(
      'Step 9 | loss:2.0088 lr:2e-05 tokens_per_second_per_gpu:1184.2\nStep 10 | loss:2.467 lr:2e-05 tokens_per_second_per_gpu:1215.3',
      undefined,
      4,
    );
    expect(tt.format).toBe('torchrun');
    expect(tt.measured.tokensPerSecond).toBeCloseTo(1215.3 * 4, 9);
  });

  it('turns samples/s into tokens/s with seqLen, and says what is missing without it', () => {
    const line =
      "{'train_runtime': 95.1, 'train_samples_per_second': 5.4, 'train_steps_per_second': 0.675, 'train_loss': 2.1, 'epoch': 1.0}";
    expect(ok(line, 2048).measured.tokensPerSecond).toBeCloseTo(5.4 * 2048, 9);
    const r = parseTrainingLog(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^seqLen: the log gives 5\.4 samples\/s/);
    const withMem = ok(`${line}\ntorch.cuda.max_memory_allocated() = 29919898112`);
    expect(withMem.measured).toEqual({ peakMemoryBytes: 29919898112 });
    expect(withMem.missing[0]).toMatch(/^seqLen/);
  });

  it('reads DeepSpeed: see_memory_usage (its GB are GiB) and the throughput timer', () => {
    const r = ok(
      `[2026-11-20 10:01:12,345] [INFO] [utils.py:781:see_memory_usage] After forward
[2026-11-20 10:01:12,346] [INFO] [utils.py:782:see_memory_usage] MA 12.31 GB         Max_MA 30.12 GB         CA 13.4 GB         Max_CA 31 GB 
[2026-11-20 10:01:12,346] [INFO] [utils.py:789:see_memory_usage] CPU Virtual Memory:  used = 43.2 GB, percent = 8.6%
[2026-11-20 10:02:40,112] [INFO] [timer.py:264:stop] epoch=0/micro_step=100/global_step=100, RunningAvgSamplesPerSec=12.52, CurrSamplesPerSec=12.81, MemAllocated=14.2GB, MaxMemAllocated=31.05GB
[2026-11-20 10:02:40,113] [INFO] [logging.py:96:log_dist] [Rank 0] step=100, skipped=0, lr=[1e-05], mom=[(0.9, 0.95)]
estimated model TFLOPs: 182.4`,
      4096,
    );
    expect(r.format).toBe('deepspeed');
    expect(r.measured.peakMemoryBytes).toBeCloseTo(31.05 * 2 ** 30, 0);
    expect(r.measured.tokensPerSecond).toBeCloseTo(12.52 * 4096, 9);
    expect(r.matched).toHaveLength(2);
  });

  it('reads torchrun / custom lines: tokens/s, peak_mem_gb (GB = 1e9), power in W; the last reading of a rate wins', () => {
    const r = ok(`step 10 | loss 2.31 | tokens/s: 10980.2 | peak_mem_gb=29.9
step 20 | loss 2.17 | tokens/s: 11329.8 | peak_mem_gb=29.92
gpu0 power 477 W util 98%`);
    expect(r.format).toBe('torchrun');
    expect(r.measured).toEqual({ tokensPerSecond: 11329.8, peakMemoryBytes: 29.92e9, gpuWatts: 477 });
  });

  it('converts MB / MiB and plain "GPU memory" lines', () => {
    expect(ok('GPU memory used: 30500 MiB').measured.peakMemoryBytes).toBe(30500 * 2 ** 20);
    expect(ok('max_memory_allocated: 29920 MB').measured.peakMemoryBytes).toBe(29920e6);
    expect(ok('max_memory_allocated: 29920 MB').format).toBe('plain');
  });

  it('says what it looks for when nothing matches', () => {
    const r = parseTrainingLog('epoch 1 done\nsaving checkpoint');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^log: found no peak memory, tokens\/s or watts/);
  });
});
