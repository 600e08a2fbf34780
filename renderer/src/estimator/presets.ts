import { DEFAULT_FORM, type EstimatorForm } from './form';

/**
 * Starting points one click away. Each is a whole form (the defaults plus what the preset says), so
 * nothing from the previous setup leaks in. Label keys are in the `estimator` namespace.
 */
export interface QuickPreset {
  id: string;
  labelKey: string;
  form: EstimatorForm;
}

const preset = (id: string, patch: Partial<EstimatorForm>): QuickPreset => ({
  id,
  labelKey: `presets.${id}`,
  form: { ...DEFAULT_FORM, ...patch },
});

export const QUICK_PRESETS: readonly QuickPreset[] = [
  // A V100 has no bf16: fp16 mixed precision with loss scaling, as people run it.
  preset('lora-7b-v100', {
    presetId: 'deepseek-llm-7b-base',
    method: 'lora',
    loraRank: '16',
    loraTargets: 'all-linear',
    precision: 'fp16-mixed',
    seqLen: '2048',
    microBatch: '1',
    gradAccum: '16',
    recompute: 'full',
    gpu: 'v100-sxm2-32gb',
    gpus: '1',
    trainingTokens: '100000000',
  }),
  preset('qlora-14b-4090', {
    presetId: 'deepseek-r1-distill-qwen-14b',
    method: 'qlora',
    loraRank: '16',
    precision: 'bf16-mixed',
    seqLen: '2048',
    microBatch: '1',
    gradAccum: '16',
    recompute: 'full',
    gpu: 'rtx-4090-24gb',
    gpus: '1',
    trainingTokens: '100000000',
  }),
  preset('full-8b-h100x8', {
    presetId: 'llama-3.1-8b',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: '4096',
    microBatch: '1',
    gradAccum: '8',
    recompute: 'full',
    gpu: 'h100-sxm5-80gb',
    gpus: '8',
    zero: 3,
    trainingTokens: '1000000000',
  }),
  // 8 nodes of 8 H800s over InfiniBand NDR, ZeRO-3.
  preset('full-67b-h800x64', {
    presetId: 'deepseek-llm-67b-base',
    method: 'full',
    precision: 'bf16-mixed',
    seqLen: '4096',
    microBatch: '1',
    gradAccum: '4',
    recompute: 'full',
    gpu: 'h800-sxm-80gb',
    gpus: '64',
    gpusPerNode: '8',
    interconnect: 'infiniband-ndr',
    zero: 3,
    trainingTokens: '2000000000',
  }),
];
