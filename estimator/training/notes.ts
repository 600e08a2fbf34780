import type { Gpu } from '../../catalog/schema/gpu';
import type { MemoryResult } from './memory';
import type { StepTime } from './throughput';
import type { EstimateInput, Precision } from './types';

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;
/** Share of a GPU left for model states when suggesting a ZeRO-3 degree (the rest: activations, logits, slack). */
const STATES_SHARE_OF_GPU = 0.8;
/** Step shares above which a note points at the cause (advice thresholds, not physics). */
const BUBBLE_NOTE_SHARE = 0.2;
const HOST_NOTE_SHARE = 0.25;
const COMMUNICATION_NOTE_SHARE = 0.3;
const pow2AtLeast = (n: number) => 2 ** Math.ceil(Math.log2(Math.max(2, n)));

/** Why an input ran at another precision than asked. */
export function precisionNote(gpu: Gpu, requested: Precision, effective: Precision): string | null {
  if (requested === effective) return null;
  if (requested.startsWith('bf16'))
    return `${gpu.name} has no bf16: use fp16-mixed (the estimate assumes fp16-mixed with loss scaling)`;
  return `${gpu.name} has no fp8 tensor cores: the estimate assumes ${effective}`;
}

/** "does not fit: 141.2 GB needed, 80 GB per GPU; try ..." with the changes most likely to make it fit. */
export function fitNote(input: EstimateInput, mem: MemoryResult): string | null {
  const per = `${gb(mem.required)} needed, ${gb(mem.capacity)} per GPU`;
  if (mem.confidence === 'fits') return null;
  if (mem.confidence === 'tight') return `tight: ${per}; the estimate's ±5% band crosses the GPU's capacity`;
  const tries: string[] = [];
  if (input.recompute !== 'full') tries.push('recompute "full" (gradient checkpointing)');
  if (input.method === 'full' && input.parallel.zero < 3) {
    const states = mem.breakdown.weights + mem.breakdown.gradients + mem.breakdown.optimizer;
    const room = Math.max(
      mem.capacity * STATES_SHARE_OF_GPU - mem.breakdown.activations - mem.breakdown.logits,
      mem.capacity * (1 - STATES_SHARE_OF_GPU),
    );
    tries.push(`ZeRO-3 over ${Math.max(input.gpus, pow2AtLeast(states / room))} GPUs`);
  }
  if (input.method === 'full') tries.push('LoRA or QLoRA');
  else if (input.method === 'lora') tries.push('QLoRA');
  if (input.microBatch > 1) tries.push('a smaller micro-batch with more gradient accumulation');
  return `does not fit: ${per}; try ${tries.join(' or ')}`;
}

/** Warnings about the layout and where the time goes. */
export function layoutNotes(input: EstimateInput, step: StepTime, notes: string[]): void {
  const { tp, pp, zero } = input.parallel;
  if (tp > input.gpusPerNode) notes.push(`tp (${tp}) spans nodes: every layer's all-reduces go over the network`);
  if (pp > 1 && zero >= 2)
    notes.push('DeepSpeed does not combine ZeRO-2/3 with pipeline parallelism; the estimate shards as asked');
  if (input.recompute === 'selective' && input.attention === 'flash')
    notes.push(
      'selective recompute saves no memory with flash attention (it drops the attention scores flash never stores)',
    );
  const b = step.breakdown;
  if (b.pipelineBubble > BUBBLE_NOTE_SHARE * step.stepSeconds)
    notes.push(
      `pipeline bubble is ${((100 * b.pipelineBubble) / step.stepSeconds).toFixed(0)}% of the step: raise gradAccum well above pp`,
    );
  if (b.hostOverhead > HOST_NOTE_SHARE * step.stepSeconds)
    notes.push(
      'the GPU waits on kernel launches for a large share of the step: a larger micro-batch would use it better',
    );
  if (b.communication > COMMUNICATION_NOTE_SHARE * step.stepSeconds)
    notes.push(
      `communication is ${((100 * b.communication) / step.stepSeconds).toFixed(0)}% of the step: a faster interconnect or fewer GPUs per model copy would help`,
    );
}
