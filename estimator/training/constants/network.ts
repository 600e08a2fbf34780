import type { InterconnectId } from '../../../catalog/schema/interconnect';
import { constant, type Constant } from './constant';

/** A link between nodes: bandwidth in GB/s (10^9 bytes/s, one direction) per GPU or per node, latency, achieved share. */
export interface InterNodeLink {
  readonly id: InterconnectId;
  readonly bandwidth: Constant;
  /** 'gpu': one NIC rail per GPU (InfiniBand/RoCE clusters); 'node': one link shared by the whole node. */
  readonly per: 'gpu' | 'node';
  readonly latency: Constant;
  readonly efficiency: Constant;
}

const IB_EFF = constant(
  'infinibandEfficiency',
  0.85,
  'fraction of line rate',
  'NCCL all-reduce bus bandwidth on InfiniBand reaches 80-90% of line rate (nccl-tests on DGX clusters)',
);
const ROCE_EFF = constant(
  'roceEfficiency',
  0.8,
  'fraction of line rate',
  'RoCE v2 with NCCL: slightly below InfiniBand (congestion control, PFC)',
);
const EFA_EFF = constant(
  'efaEfficiency',
  0.7,
  'fraction of line rate',
  'AWS EFA with the aws-ofi-nccl plugin (SRD transport); vendor guidance 60-80%',
);
const TCP_EFF = constant(
  'ethernetTcpEfficiency',
  0.6,
  'fraction of line rate',
  'NCCL over TCP sockets reaches about 60% of line rate',
);

const link = (
  id: InterconnectId,
  gbps: number,
  per: 'gpu' | 'node',
  latencyUs: number,
  efficiency: Constant,
  source: string,
): InterNodeLink => ({
  id,
  bandwidth: constant(`${id}.bandwidth`, gbps / 8, `GB/s per ${per}`, source),
  per,
  latency: constant(`${id}.latency`, latencyUs * 1e-6, 's', 'typical NCCL small-message latency for this fabric'),
  efficiency,
});

export const INTER_NODE_LINKS: Readonly<Record<InterconnectId, InterNodeLink>> = {
  'infiniband-hdr': link(
    'infiniband-hdr',
    200,
    'gpu',
    5,
    IB_EFF,
    'estimate contract: 200 Gb/s per GPU (DGX A100: 8 x HDR rails)',
  ),
  'infiniband-ndr': link(
    'infiniband-ndr',
    400,
    'gpu',
    5,
    IB_EFF,
    'estimate contract: 400 Gb/s per GPU (DGX H100: 8 x NDR rails)',
  ),
  'roce-400g': link('roce-400g', 400, 'gpu', 8, ROCE_EFF, '400 GbE RoCE NIC per GPU (rail-optimised cluster)'),
  'roce-200g': link('roce-200g', 200, 'gpu', 8, ROCE_EFF, '200 GbE RoCE NIC per GPU'),
  'roce-100g': link('roce-100g', 100, 'gpu', 8, ROCE_EFF, '100 GbE RoCE NIC per GPU'),
  'efa-400g': link('efa-400g', 400, 'node', 15, EFA_EFF, 'estimate contract: AWS p4d, 400 Gb/s per 8-GPU instance'),
  'efa-3200g': link('efa-3200g', 3200, 'node', 15, EFA_EFF, 'AWS p5.48xlarge: 3200 Gb/s EFA per 8-GPU instance'),
  'ethernet-100g': link('ethernet-100g', 100, 'node', 30, TCP_EFF, 'one 100 GbE port per node'),
  'ethernet-25g': link('ethernet-25g', 25, 'node', 40, TCP_EFF, 'one 25 GbE port per node'),
  'ethernet-10g': link('ethernet-10g', 10, 'node', 50, TCP_EFF, 'one 10 GbE port per node'),
};

/** NVLink/PCIe inside a node: the catalog gives bidirectional GB/s per GPU; collectives use one direction. */
export const NVLINK_EFFICIENCY = constant(
  'nvlinkBusEfficiency',
  0.8,
  'fraction of one-direction bandwidth',
  'nccl-tests all_reduce on 8 x H100 SXM: ~360 GB/s bus bandwidth of 450 GB/s per direction',
);
export const PCIE_EFFICIENCY = constant(
  'pcieBusEfficiency',
  0.7,
  'fraction of one-direction bandwidth',
  'NCCL over PCIe peer-to-peer reaches ~70% of the x16 link; also what crosses between NVLink bridges',
);
/**
 * NVLink bridges join only a few PCIe cards; a ring over more cards of a node crosses between bridges over PCIe
 * (communication.ts `intraNodeLink`).
 */
export const NVLINK_BRIDGE_CARDS_H100_NVL = constant(
  'nvlinkBridgeCardsH100Nvl',
  2,
  'cards per bridge domain',
  'NVIDIA H100 NVL product brief and nvidia.com H100 spec table (H100 NVL column): cards come in pairs joined by three NVLink bridges (600 GB/s); any other NVLink-bridged card is assumed paired too (RTX 3090, A100 PCIe)',
);
export const NVLINK_BRIDGE_CARDS_H200_NVL = constant(
  'nvlinkBridgeCardsH200Nvl',
  4,
  'cards per bridge domain',
  'NVIDIA H200 NVL (nvidia.com H200 spec table, H200 NVL column): "2- or 4-way NVLink bridge: 900 GB/s per GPU"; the estimate takes the 4-way bridge',
);
export const INTRA_NODE_LATENCY_SECONDS = constant(
  'intraNodeLatencySeconds',
  5e-6,
  's',
  'NCCL ring latency inside a node (nccl-tests, small messages)',
);
