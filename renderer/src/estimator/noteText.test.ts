import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTE_CODES, REMEDY_CODES } from '../../../estimator/training/notes';
import { est } from '../../../estimator/training/testing';
import type { Estimate } from '../../../estimator/training';
import en from '../i18n/locales/en/estimator.json';
import zh from '../i18n/locales/zh-CN/estimator.json';
import { noteText, remedyParams, type Translate } from './noteText';

let t: { en: Translate; zh: Translate };
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { estimator: en }, 'zh-CN': { estimator: zh } },
    lng: 'en',
    fallbackLng: false,
    defaultNS: 'estimator',
    interpolation: { escapeValue: false },
  });
  const fixed = (lng: string): Translate => {
    const f = instance.getFixedT(lng, 'estimator');
    return (key, options) => f(key, options);
  };
  t = { en: fixed('en'), zh: fixed('zh-CN') };
});

const lookup = (tree: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), tree);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Setups that between them make the estimator say every kind of note. */
const SETUPS: Record<string, unknown>[] = [
  // V100 has no bf16; 7B full fine-tune does not fit one 32 GB card.
  {
    model: 'deepseek-llm-7b-base',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 2048,
    microBatch: 1,
    gpu: 'v100-sxm2-32gb',
  },
  // No fp8 before Hopper/Ada; tight on the A100 40GB.
  {
    model: 'deepseek-r1-distill-qwen-14b',
    method: 'lora',
    precision: 'fp8-mixed',
    seqLen: 4096,
    microBatch: 1,
    recompute: 'full',
    gpu: 'a100-sxm4-40gb',
  },
  // Recompute and a smaller micro-batch needed together with more: the combined advice.
  {
    model: 'deepseek-llm-67b-base',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 4096,
    microBatch: 2,
    gpu: 'h800-sxm-80gb',
    gpus: 8,
    parallel: { zero: 1 },
  },
  // Nothing in reach.
  { model: 'deepseek-v3', method: 'full', precision: 'fp32', seqLen: 8192, microBatch: 1, gpu: 'jetson-agx-orin-64gb' },
  // tp across nodes over 10 GbE: spans nodes, communication-bound.
  {
    model: 'llama-3.1-8b',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 4096,
    microBatch: 1,
    recompute: 'full',
    gpu: 'h100-sxm5-80gb',
    gpus: 16,
    gpusPerNode: 8,
    interconnect: 'ethernet-10g',
    parallel: { tp: 16 },
  },
  // Pipeline with ZeRO-2, few micro-batches: the bubble; selective recompute with flash attention.
  {
    model: 'llama-3.1-8b',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 4096,
    microBatch: 1,
    recompute: 'selective',
    gpu: 'h100-sxm5-80gb',
    gpus: 4,
    parallel: { pp: 4, zero: 2 },
  },
  // A small model at micro-batch 1 on the slow calibration host: host-bound.
  {
    model: 'deepseek-coder-1.3b-base',
    method: 'lora',
    precision: 'bf16-mixed',
    seqLen: 256,
    microBatch: 1,
    gpu: 'h100-sxm5-80gb',
  },
  // Tensor parallelism over 4 H100 NVL cards: across NVLink bridges.
  {
    model: 'llama-3.1-8b',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 4096,
    microBatch: 1,
    recompute: 'full',
    gpu: 'h100-nvl-94gb',
    gpus: 4,
    parallel: { tp: 4 },
  },
  // A rating below the cards' own TDP.
  {
    model: 'llama-3.1-8b',
    method: 'lora',
    precision: 'bf16-mixed',
    seqLen: 2048,
    microBatch: 4,
    recompute: 'full',
    gpu: 'rtx-4090-24gb',
    gpus: 8,
    nodeMaxWatts: 3000,
  },
  // One bigger GPU alone; ZeRO-3 on the same GPUs with recompute and micro-batch 1: both kinds of advice.
  {
    model: 'deepseek-llm-7b-base',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 2048,
    microBatch: 4,
    gpus: 8,
    gpu: 'v100-sxm2-32gb',
    parallel: { zero: 1 },
  },
  // Plain advice: recompute, a smaller micro-batch, ZeRO-3.
  {
    model: 'deepseek-llm-7b-base',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: 2048,
    microBatch: 4,
    gpus: 8,
    gpu: 'a100-sxm4-80gb',
    parallel: { zero: 1 },
  },
  // QLoRA of a 32B on one RTX 4090: offload, more cards, a bigger GPU.
  {
    model: 'deepseek-r1-distill-qwen-32b',
    method: 'qlora',
    precision: 'bf16-mixed',
    seqLen: 2048,
    microBatch: 1,
    recompute: 'full',
    gpu: 'rtx-4090-24gb',
  },
];
const estimates: Estimate[] = SETUPS.map((raw) => est(raw));
const emitted = estimates.flatMap((e) => e.noteCodes.map((c, i) => ({ c, text: e.notes[i]! })));

describe('estimator notes in both languages', () => {
  it('has an English and a Chinese template for every code the estimator can emit, with the same placeholders', () => {
    for (const code of NOTE_CODES) {
      const e = lookup(en, `notes.codes.${code}`);
      const z = lookup(zh, `notes.codes.${code}`);
      expect(typeof e, `en notes.codes.${code}`).toBe('string');
      expect(typeof z, `zh-CN notes.codes.${code}`).toBe('string');
      expect(placeholders(z as string), code).toEqual(placeholders(e as string));
    }
    for (const code of REMEDY_CODES) {
      const e = lookup(en, `notes.remedies.${code}`);
      const z = lookup(zh, `notes.remedies.${code}`);
      expect(typeof e, `en notes.remedies.${code}`).toBe('string');
      expect(typeof z, `zh-CN notes.remedies.${code}`).toBe('string');
      expect(placeholders(z as string), code).toEqual(placeholders(e as string));
    }
    for (const key of ['notes.or', 'notes.and', 'notes.with.recompute', 'notes.with.microBatch'])
      for (const tree of [en, zh]) expect(typeof lookup(tree, key), key).toBe('string');
  });

  it('the setups above make the estimator say every kind of note and remedy', () => {
    expect(new Set(emitted.map((x) => x.c.code))).toEqual(new Set(NOTE_CODES));
    const remedies = new Set<string>();
    for (const { c } of emitted)
      for (let i = 1; i <= Number(c.params.remedies ?? 0); i++) remedies.add(String(c.params[`remedy${i}`]));
    expect(remedies.size).toBeGreaterThanOrEqual(8);
  });

  it('in English reads exactly as the estimator wrote it', () => {
    for (const { c, text } of emitted) expect(noteText(t.en, c, text)).toBe(text);
  });

  it('in Chinese: every value filled in, GPU memory is 显存, and a note that does not fit says 显存不足', () => {
    for (const { c, text } of emitted) {
      const s = noteText(t.zh, c, text);
      expect(s, c.code).not.toBe(text);
      expect(s).not.toMatch(/\{\{|\}\}|undefined/);
      expect(s).not.toMatch(/GPU ?内存/);
      if (c.code.startsWith('doesNotFit')) {
        expect(s.startsWith('显存不足')).toBe(true);
        expect(s).toContain(`${c.params.needed} GB`);
      }
      for (let i = 1; i <= Number(c.params.remedies ?? 0); i++)
        expect(s).toContain(`${remedyParams(c.params, i).gb} GB`);
    }
  });

  it('falls back to the English text for a code (or a remedy) without a template, or no code at all', () => {
    expect(noteText(t.zh, { code: 'somethingNew', params: {} }, 'English')).toBe('English');
    expect(noteText(t.zh, { code: 'title', params: {} }, 'English')).toBe('English');
    expect(noteText(t.zh, { code: 'notes.title', params: {} }, 'English')).toBe('English');
    expect(
      noteText(
        t.zh,
        { code: 'doesNotFit', params: { needed: '1.0', capacity: '2.0', remedies: 1, remedy1: 'teleport' } },
        'E',
      ),
    ).toBe('E');
    expect(noteText(t.zh, undefined, 'English')).toBe('English');
  });

  it('splits a remedy list back into each remedy', () => {
    expect(
      remedyParams({ remedies: 2, remedy1: 'zero', remedy1Stage: 3, remedy1Gb: '49.1', remedy12Gb: 'x' }, 1),
    ).toEqual({
      stage: 3,
      gb: '49.1',
    });
  });
});
