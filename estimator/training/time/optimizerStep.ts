import type { Gpu } from '../../../catalog/schema/gpu';
import { CPU_ADAM_PARAMS_PER_SECOND, PCIE_GBPS_PER_GEN } from '../constants/compute';
import { PCIE_EFFICIENCY } from '../constants/network';
import type { EstimateInput } from '../types';
import type { Framework } from '../memory/dtypes';
import { memoryBytesPerSecond } from './efficiency';

/**
 * HBM bytes one optimizer update moves per parameter: read and write the master weight, read the gradient, read and
 * write each state (fused AdamW in fp32: 4+4+4+8+8 = 28 B). DeepSpeed/Megatron also upcast the 16-bit gradient and
 * write back the 16-bit model copy.
 */
export function updateBytesPerParam(input: EstimateInput, framework: Framework): number {
  const full = input.method === 'full';
  const half = input.precision === 'bf16';
  const w = half ? 2 : 4;
  const states =
    input.optimizer === 'adamw'
      ? 2 * w
      : input.optimizer === 'adamw-8bit'
        ? 2
        : input.optimizer === 'sgd'
          ? w
          : 0.05 * w;
  const mixedFramework = full && framework !== 'hf' && input.precision !== 'bf16' && input.precision !== 'fp32';
  return 2 * w + w + 2 * states + (mixedFramework ? 2 + 6 : 0);
}

/** Seconds of the optimizer step on one GPU for `elements` parameters it updates (its ZeRO partition). */
export function optimizerSeconds(
  input: EstimateInput,
  framework: Framework,
  gpu: Gpu,
  elements: number,
  gradWidth: number,
): number {
  if (input.parallel.offload === 'none')
    return (elements * updateBytesPerParam(input, framework)) / memoryBytesPerSecond(gpu);
  // ZeRO-Offload: gradients go to the host, CPU-Adam updates the fp32 master, 16-bit weights come back over PCIe.
  const pcie = PCIE_GBPS_PER_GEN.value * 2 ** (gpu.link.pcieGen - 3) * 1e9 * PCIE_EFFICIENCY.value;
  return (elements * (gradWidth + 2)) / pcie + elements / CPU_ADAM_PARAMS_PER_SECOND.value;
}
