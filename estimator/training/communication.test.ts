import { describe, expect, it } from 'vitest';
import type { Gpu } from '../../catalog/schema/gpu';
import { groupLink, intraNodeLink, pcieLink } from './communication';
import { NVLINK_BRIDGE_CARDS_H100_NVL, NVLINK_BRIDGE_CARDS_H200_NVL } from './constants/network';
import { estimate } from './estimate';
import { parseEstimateInput } from './input';
import { catalog, est } from './testing';

const gpu = (id: string): Gpu => {
  const g = catalog.gpus.find((x) => x.id === id);
  if (!g) throw new Error(id);
  return g;
};
const share = (e: ReturnType<typeof est>) => e.throughput.stepBreakdown.communication / e.throughput.stepSeconds;

/** The preset "67B full fine-tune on 64 H800s": 8 nodes of 8, ZeRO-3, recompute. */
const ds67x64 = {
  model: 'deepseek-llm-67b-base',
  method: 'full',
  precision: 'bf16-mixed',
  seqLen: 4096,
  microBatch: 1,
  gradAccum: 4,
  recompute: 'full',
  gpu: 'h800-sxm-80gb',
  gpus: 64,
  gpusPerNode: 8,
  parallel: { zero: 3 },
};

describe('ZeRO-3 across nodes: the interconnect shows in the step', () => {
  const by = (interconnect: string) => est({ ...ds67x64, interconnect });

  it('leaves communication on the step over InfiniBand NDR (frameworks hide only part of it)', () => {
    const ndr = by('infiniband-ndr');
    expect(ndr.throughput.stepBreakdown.communication).toBeGreaterThan(0.03 * ndr.throughput.stepSeconds);
    expect(share(ndr)).toBeLessThan(0.3);
  });

  it('RoCE 200G (half the rail bandwidth of NDR) is slower than NDR; 25 and 10 GbE far slower', () => {
    const ndr = by('infiniband-ndr');
    const roce = by('roce-200g');
    const e25 = by('ethernet-25g');
    const e10 = by('ethernet-10g');
    expect(roce.throughput.stepBreakdown.communication).toBeGreaterThan(
      1.1 * ndr.throughput.stepBreakdown.communication,
    );
    expect(roce.throughput.tokensPerSecond).toBeLessThan(ndr.throughput.tokensPerSecond);
    expect(share(e25)).toBeGreaterThan(0.8);
    expect(share(e10)).toBeGreaterThan(share(e25));
    expect(e10.throughput.tokensPerSecond).toBeLessThan(0.1 * ndr.throughput.tokensPerSecond);
  });

  it('is bound by the node network, not NVLink, once a rail carries less than NVLink', () => {
    // H800: NVLink 200 GB/s a direction; a ring over 8 nodes sends 7/8 of each GPU's traffic over NVLink, 1/8 over its rail.
    const h800 = gpu('h800-sxm-80gb');
    const ndr = groupLink(h800, 'infiniband-ndr', 8, 64, 8);
    const roce = groupLink(h800, 'roce-200g', 8, 64, 8);
    expect(roce.bytesPerSecond).toBeLessThan(ndr.bytesPerSecond);
    // A single 10 GbE port per node carries the whole node's share: at most 10 Gb/s x 8 / 7 per ring byte.
    expect(groupLink(h800, 'ethernet-10g', 8, 64, 8).bytesPerSecond).toBeLessThan(1.25e9 * 1.2);
  });
});

describe('data-parallel sync over 10 GbE, 8 nodes (seed article 000: ">30% of the step")', () => {
  const base = {
    model: 'deepseek-llm-7b-base',
    precision: 'bf16-mixed',
    seqLen: 4096,
    microBatch: 1,
    gradAccum: 8,
    recompute: 'full',
    gpu: 'a100-sxm4-80gb',
    gpus: 64,
    gpusPerNode: 8,
  };
  it('full fine-tuning: gradient sync is most of the step, not 30%', () => {
    const e = est({ ...base, method: 'full', interconnect: 'ethernet-10g', parallel: { zero: 2 } });
    expect(share(e)).toBeGreaterThan(0.8);
    const ib = est({ ...base, method: 'full', interconnect: 'infiniband-hdr', parallel: { zero: 2 } });
    expect(share(ib)).toBeLessThan(0.15);
  });
  it('LoRA: the adapters are small, so 10 GbE costs a share of the step, not most of it', () => {
    const e = est({ ...base, method: 'lora', interconnect: 'ethernet-10g' });
    expect(share(e)).toBeLessThan(0.5);
  });
});

describe('GPUs without a GPU-to-GPU link (Jetson AGX Orin: gbPerSecond 0)', () => {
  const jetson = {
    model: 'deepseek-r1-distill-qwen-1.5b',
    method: 'lora',
    precision: 'bf16-mixed',
    seqLen: 512,
    microBatch: 1,
    gpu: 'jetson-agx-orin-64gb',
  };
  const run = (raw: Record<string, unknown>) => {
    const p = parseEstimateInput(raw);
    if (!p.ok) throw new Error(p.error);
    return estimate(p.input, catalog);
  };

  it('several in one node: an error naming gpus, never a division by zero', () => {
    expect(run({ ...jetson, gpus: 2 })).toEqual({
      error:
        'gpus: NVIDIA Jetson AGX Orin 64GB has no GPU-to-GPU link: 1 module only (for several, set gpusPerNode 1 and the interconnect between them)',
    });
    expect(run({ ...jetson, gpus: 4, gpusPerNode: 2, interconnect: 'ethernet-10g' })).toMatchObject({
      error: expect.stringMatching(/^gpusPerNode: NVIDIA Jetson AGX Orin 64GB has no GPU-to-GPU link/),
    });
  });

  it('one per node: across nodes only over an interconnect the input names', () => {
    expect(run({ ...jetson, gpus: 2, gpusPerNode: 1 })).toMatchObject({
      error: expect.stringMatching(/^interconnect: .*Jetson AGX Orin 64GB.* name the link between the nodes/),
    });
    const e = run({ ...jetson, gpus: 2, gpusPerNode: 1, interconnect: 'ethernet-10g' });
    if ('error' in e) throw new Error(e.error);
    expect(Number.isFinite(e.throughput.stepSeconds)).toBe(true);
    expect(e.throughput.stepSeconds).toBeLessThan(60);
    expect(e.layout.interconnect).toBe('ethernet-10g');
  });

  it('one module alone is fine', () => {
    const e = run(jetson);
    expect('error' in e).toBe(false);
  });
});

describe('NVLink bridges join 2 (H100 NVL) or up to 4 (H200 NVL) cards; beyond that, PCIe', () => {
  it('has the bridge domain sizes as sourced constants', () => {
    expect(NVLINK_BRIDGE_CARDS_H100_NVL.value).toBe(2);
    expect(NVLINK_BRIDGE_CARDS_H200_NVL.value).toBe(4);
    for (const c of [NVLINK_BRIDGE_CARDS_H100_NVL, NVLINK_BRIDGE_CARDS_H200_NVL]) expect(c.source).toMatch(/NVIDIA/);
  });

  it('a group inside the bridge gets the bridge; a larger one is limited by PCIe between bridges', () => {
    const h100nvl = gpu('h100-nvl-94gb');
    const h200nvl = gpu('h200-nvl-141gb');
    const pcie = pcieLink(h100nvl).bytesPerSecond;
    expect(intraNodeLink(h100nvl, 2).bytesPerSecond).toBeGreaterThan(3 * pcie);
    expect(intraNodeLink(h100nvl, 4).bytesPerSecond).toBeLessThan(intraNodeLink(h100nvl, 2).bytesPerSecond / 2);
    expect(intraNodeLink(h100nvl, 4).bytesPerSecond).toBeGreaterThanOrEqual(pcie);
    expect(intraNodeLink(h200nvl, 4).bytesPerSecond).toBe(intraNodeLink(h200nvl, 2).bytesPerSecond);
    expect(intraNodeLink(h200nvl, 8).bytesPerSecond).toBeLessThan(intraNodeLink(h200nvl, 4).bytesPerSecond / 2);
  });

  it('tensor parallelism over 4 H100 NVL cards communicates far longer than over 2, and says why', () => {
    const raw = {
      model: 'llama-3.1-8b',
      method: 'full',
      precision: 'bf16-mixed',
      seqLen: 4096,
      microBatch: 1,
      recompute: 'full',
    };
    const tp2 = est({ ...raw, gpu: 'h100-nvl-94gb', gpus: 2, parallel: { tp: 2 } });
    const tp4 = est({ ...raw, gpu: 'h100-nvl-94gb', gpus: 4, parallel: { tp: 4 } });
    expect(tp4.throughput.stepBreakdown.communication).toBeGreaterThan(3 * tp2.throughput.stepBreakdown.communication);
    expect(tp4.notes.join(' ')).toMatch(/NVLink bridges join 2 cards/);
    expect(tp2.notes.join(' ')).not.toMatch(/NVLink bridge/);
    const h200tp4 = est({ ...raw, gpu: 'h200-nvl-141gb', gpus: 4, parallel: { tp: 4 } });
    expect(h200tp4.notes.join(' ')).not.toMatch(/NVLink bridge/);
  });
});
