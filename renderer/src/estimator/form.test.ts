import { describe, expect, it } from 'vitest';
import { loadShippedGpus } from '../../../catalog';
import { loadShippedModels } from '../../../catalog/models';
import { estimate, isEstimateError } from '../../../estimator/training';
import { DEFAULT_FORM, formToRaw, numberFromText, restoreForm, validateForm, type EstimatorForm } from './form';
import { QUICK_PRESETS } from './presets';

const withFields = (patch: Partial<EstimatorForm>): EstimatorForm => ({ ...DEFAULT_FORM, ...patch });

describe('numbers as typed', () => {
  it('reads plain numbers, grouping and (for token counts) suffixes; passes anything else on as text', () => {
    expect(numberFromText('2048')).toBe(2048);
    expect(numberFromText(' 2,000_000 ')).toBe(2_000_000);
    expect(numberFromText('-1')).toBe(-1);
    expect(numberFromText('')).toBeUndefined();
    expect(numberFromText('abc')).toBe('abc');
    expect(numberFromText('4k')).toBe('4k');
    expect(numberFromText('2B', true)).toBe(2e9);
    expect(numberFromText('500M', true)).toBe(5e8);
    expect(numberFromText('1.5t', true)).toBe(1.5e12);
    expect(numberFromText('2e9', true)).toBe(2e9);
  });
});

describe('validation with the estimator parser', () => {
  it('accepts the default form and fills the contract defaults', () => {
    const { input, errors } = validateForm(DEFAULT_FORM);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ seqLen: 2048, gpusPerNode: 1, interconnect: null, trainingTokens: 1e8 });
  });

  it('names the field and the allowed range for a negative sequence length', () => {
    const { input, errors } = validateForm(withFields({ seqLen: '-1' }));
    expect(input).toBeNull();
    expect(errors).toEqual({ seqLen: 'seqLen: must be a whole number of tokens from 1 to 10000000' });
  });

  it('says a cleared required field is required', () => {
    expect(validateForm(withFields({ microBatch: '' })).errors.microBatch).toMatch(/^microBatch: is required/);
  });

  it('reports every wrong field at once, each under its own path', () => {
    const { errors } = validateForm(
      withFields({ seqLen: '0', microBatch: '1.5', gpus: '8', tp: '3', loraRank: 'x', trainingTokens: '-5' }),
    );
    expect(Object.keys(errors).sort()).toEqual(['lora.rank', 'microBatch', 'parallel.tp', 'seqLen', 'trainingTokens']);
    expect(errors['parallel.tp']).toBe('parallel.tp: tp x pp (3) must divide gpus (8)');
    expect(errors.trainingTokens).toBe('trainingTokens: must be a number of tokens > 0');
  });

  it('does not blame a field for a check it fails only because another field was wrong', () => {
    const { errors } = validateForm(withFields({ gpus: '-8', gpusPerNode: '8' }));
    expect(Object.keys(errors)).toEqual(['gpus']);
  });

  it('checks a custom architecture field by field', () => {
    const custom = (patch: Partial<EstimatorForm['custom']>) =>
      validateForm(withFields({ modelSource: 'custom', custom: { ...DEFAULT_FORM.custom, ...patch } })).errors;
    expect(custom({ hidden: '4100' })).toEqual({ 'model.heads': 'model.heads: must divide hidden (4100) evenly' });
    expect(custom({ kvHeads: '5' })).toEqual({ 'model.kvHeads': 'model.kvHeads: must divide heads (32) evenly' });
    expect(Object.keys(custom({ layers: '0', vocab: '-1' })).sort()).toEqual(['model.layers', 'model.vocab']);
    const moe = { ...DEFAULT_FORM.custom.moe, enabled: true, experts: '4', activeExperts: '8' };
    expect(custom({ moe })).toEqual({
      'model.moe.activeExperts': 'model.moe.activeExperts: must be from 1 to experts (4)',
    });
  });

  it('sends LoRA settings only for LoRA and QLoRA', () => {
    expect(formToRaw(withFields({ method: 'full' }))).not.toHaveProperty('lora');
    expect(formToRaw(withFields({ method: 'qlora', loraRank: '64' }))).toMatchObject({ lora: { rank: 64 } });
  });
});

describe('stored forms', () => {
  it('restores what was stored, and takes defaults for anything missing or of the wrong kind', () => {
    expect(restoreForm(undefined)).toEqual(DEFAULT_FORM);
    expect(restoreForm('garbage')).toEqual(DEFAULT_FORM);
    const restored = restoreForm({
      seqLen: '4096',
      method: 'dreambooth',
      zero: 7,
      gpus: 8,
      custom: { layers: '12', mlp: 'weird' },
      unknownField: 1,
    });
    expect(restored.seqLen).toBe('4096');
    expect(restored.method).toBe(DEFAULT_FORM.method);
    expect(restored.zero).toBe(DEFAULT_FORM.zero);
    expect(restored.gpus).toBe(DEFAULT_FORM.gpus);
    expect(restored.custom.layers).toBe('12');
    expect(restored.custom.mlp).toBe('gated');
    expect(restored).not.toHaveProperty('unknownField');
  });
});

describe('quick presets', () => {
  const catalog = { gpus: loadShippedGpus(), models: loadShippedModels() };
  it.each(QUICK_PRESETS.map((p) => [p.id, p] as const))('%s is valid and fits, with a time', (_id, preset) => {
    const { input, errors } = validateForm(preset.form);
    expect(errors).toEqual({});
    const result = estimate(input!, catalog);
    if (isEstimateError(result)) throw new Error(result.error);
    expect(result.memory.fitsConfidence).toBe('fits');
    expect(result.time?.seconds).toBeGreaterThan(0);
  });

  it('has the two the e2e test and the issue name', () => {
    const ids = QUICK_PRESETS.map((p) => p.id);
    expect(ids).toContain('lora-7b-v100');
    expect(ids).toContain('full-67b-h800x64');
    const big = QUICK_PRESETS.find((p) => p.id === 'full-67b-h800x64')!.form;
    expect(big).toMatchObject({ presetId: 'deepseek-llm-67b-base', method: 'full', gpu: 'h800-sxm-80gb', gpus: '64' });
  });
});
