import type { Gpu } from '../../catalog/schema/gpu';
import type { InterconnectId } from '../../catalog/schema/interconnect';
import { INTER_NODE_LINKS, INTRA_NODE_LATENCY_SECONDS, NVLINK_EFFICIENCY, PCIE_EFFICIENCY } from './constants/network';

/** Bandwidth (bytes/s, one direction, achieved) and latency (s) one collective group sees. */
export interface GroupLink {
  bytesPerSecond: number;
  latency: number;
}

/** NVLink/PCIe inside a node: the catalog's bidirectional GB/s per GPU, one direction, at NCCL's achieved share. */
export function intraNodeLink(gpu: Gpu): GroupLink {
  const oneWay = (gpu.link.gbPerSecond * 1e9) / 2;
  const eff = gpu.link.kind === 'pcie' || gpu.link.kind === 'unified' ? PCIE_EFFICIENCY.value : NVLINK_EFFICIENCY.value;
  return { bytesPerSecond: Math.max(1, oneWay * eff), latency: INTRA_NODE_LATENCY_SECONDS.value };
}

/** The inter-node link a GPU gets when the input names none: InfiniBand for SXM systems, 100 GbE for PCIe boxes. */
export function defaultInterconnect(gpu: Gpu): InterconnectId {
  if (gpu.link.kind === 'pcie' || gpu.link.kind === 'unified') return 'ethernet-100g';
  return gpu.link.pcieGen >= 5 ? 'infiniband-ndr' : 'infiniband-hdr';
}

/** All of one node's inter-node bandwidth (bytes/s achieved) for a link id. */
export function nodeNetworkBytesPerSecond(id: InterconnectId, gpusPerNode: number): number {
  const l = INTER_NODE_LINKS[id];
  const perNode = l.per === 'gpu' ? l.bandwidth.value * gpusPerNode : l.bandwidth.value;
  return perNode * 1e9 * l.efficiency.value;
}

/**
 * The link a group of `size` ranks sees when `ranksPerNode` of them share a node and `groupsPerNode` such groups
 * run at once (they split the node's network). Rings over nodes are limited by the network, inside a node by NVLink/PCIe.
 */
export function groupLink(
  gpu: Gpu,
  id: InterconnectId,
  gpusPerNode: number,
  size: number,
  ranksPerNode: number,
): GroupLink {
  const intra = intraNodeLink(gpu);
  if (size <= ranksPerNode) return intra;
  const groupsPerNode = Math.max(1, gpusPerNode / ranksPerNode);
  const share = nodeNetworkBytesPerSecond(id, gpusPerNode) / groupsPerNode;
  // Hierarchical collectives: each node moves 2(N-1)/N of the data over its share of the network (N nodes);
  // expressed as a ring over all `size` ranks, that is this bandwidth.
  const nodes = size / ranksPerNode;
  const ringOverNodes = (size - 1) / size / ((nodes - 1) / nodes);
  return {
    bytesPerSecond: Math.min(intra.bytesPerSecond, share * ringOverNodes),
    latency: INTER_NODE_LINKS[id].latency.value,
  };
}

/** Ring all-reduce of `bytes` per rank over `n` ranks (reduce-scatter + all-gather): 2(n-1)/n of the data crosses each link. */
export const allReduceSeconds = (bytes: number, n: number, l: GroupLink): number =>
  n <= 1 ? 0 : (2 * (n - 1) * bytes) / n / l.bytesPerSecond + 2 * (n - 1) * l.latency;

/** Reduce-scatter or all-gather: half an all-reduce. */
export const gatherSeconds = (bytes: number, n: number, l: GroupLink): number =>
  n <= 1 ? 0 : ((n - 1) * bytes) / n / l.bytesPerSecond + (n - 1) * l.latency;

/** All-to-all of `bytes` per rank (MoE token dispatch/combine). */
export const allToAllSeconds = (bytes: number, n: number, l: GroupLink): number =>
  n <= 1 ? 0 : ((n - 1) * bytes) / n / l.bytesPerSecond + (n - 1) * l.latency;

/** Point-to-point send of `bytes`. */
export const p2pSeconds = (bytes: number, l: GroupLink): number => bytes / l.bytesPerSecond + l.latency;
