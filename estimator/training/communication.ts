import type { Gpu } from '../../catalog/schema/gpu';
import type { InterconnectId } from '../../catalog/schema/interconnect';
import { PCIE_GBPS_PER_GEN } from './constants/compute';
import {
  INTER_NODE_LINKS,
  INTRA_NODE_LATENCY_SECONDS,
  NVLINK_BRIDGE_CARDS_H100_NVL,
  NVLINK_BRIDGE_CARDS_H200_NVL,
  NVLINK_EFFICIENCY,
  PCIE_EFFICIENCY,
} from './constants/network';
import type { EstimateInput } from './types';

/**
 * Collectives as NCCL runs them: rings (all-gather and reduce-scatter always; all-reduce = both), one ring per channel,
 * the channels rotated so that every GPU of a node is the one that leaves the node for its share of them.
 *
 * A ring over n ranks, r of them in each node, moves (n-1)/n of the data through every hop. Per GPU, (r-1)/r of its
 * traffic goes over its in-node link (NVLink, a bridge or PCIe) and the rest leaves the node; per node, the ring's
 * crossings add up to all of the data once through the node's network (its NICs, shared by the groups that run at
 * once). The collective takes as long as the busier of the two: that is the bandwidth `GroupLink` gives.
 */

/** Bandwidth (bytes/s, one direction, achieved) and latency (s) one collective group sees. */
export interface GroupLink {
  bytesPerSecond: number;
  latency: number;
}

const PAIRED = (g: Gpu) => g.link.kind === 'pcie' || g.link.kind === 'unified';

/** The GPU's own link (the catalog's bidirectional GB/s per GPU), one direction, at NCCL's achieved share. */
const ownLinkBytesPerSecond = (gpu: Gpu): number =>
  ((gpu.link.gbPerSecond * 1e9) / 2) * (PAIRED(gpu) ? PCIE_EFFICIENCY.value : NVLINK_EFFICIENCY.value);

/** One direction of the card's PCIe x16 slot, peer to peer through the host, at NCCL's achieved share. */
export function pcieLink(gpu: Gpu): GroupLink {
  return {
    bytesPerSecond: PCIE_GBPS_PER_GEN.value * 2 ** (gpu.link.pcieGen - 3) * 1e9 * PCIE_EFFICIENCY.value,
    latency: INTRA_NODE_LATENCY_SECONDS.value,
  };
}

/** Cards one NVLink bridge joins (Infinity for switched NVLink, Infinity Fabric and PCIe: every card reaches every other). */
export function bridgeCards(gpu: Gpu): number {
  if (gpu.link.kind !== 'nvlink-bridge') return Infinity;
  return gpu.id.startsWith('h200-nvl') ? NVLINK_BRIDGE_CARDS_H200_NVL.value : NVLINK_BRIDGE_CARDS_H100_NVL.value;
}

/** Ranks of a group that share one bridge: consecutive ranks `stride` apart (a data-parallel group skips the tp ranks). */
const ranksPerBridge = (gpu: Gpu, ranks: number, stride: number): number =>
  Math.max(1, Math.min(ranks, Math.floor(bridgeCards(gpu) / Math.max(1, stride))));

/** Whether a group of `ranks` GPUs in one node, `stride` apart, spans more than one NVLink bridge. */
export const crossesBridge = (gpu: Gpu, ranks: number, stride = 1): boolean =>
  ranks > 1 && gpu.link.kind === 'nvlink-bridge' && ranks > ranksPerBridge(gpu, ranks, stride);

/**
 * A ring of `ranks` GPUs inside one node, consecutive ranks `stride` apart. NVLink through NVSwitch, Infinity Fabric
 * and PCIe carry every hop at the GPU's own link rate. NVLink bridges join only `bridgeCards` cards: over more, 1/d of
 * a card's traffic (d cards per bridge) crosses to the next bridge over its PCIe slot, the rest stays on the bridge.
 */
export function intraNodeLink(gpu: Gpu, ranks = 2, stride = 1): GroupLink {
  const latency = INTRA_NODE_LATENCY_SECONDS.value;
  const own = ownLinkBytesPerSecond(gpu);
  if (!crossesBridge(gpu, ranks, stride)) return { bytesPerSecond: own, latency };
  const d = ranksPerBridge(gpu, ranks, stride);
  const perByte = Math.max((d - 1) / d / own, 1 / d / pcieLink(gpu).bytesPerSecond);
  return { bytesPerSecond: 1 / perByte, latency };
}

/**
 * The inter-node link a GPU gets when the input names none: InfiniBand for SXM systems, 100 GbE for PCIe boxes; none
 * for a GPU without a GPU-to-GPU link (an edge module: its network must be named, see `linkError`).
 */
export function defaultInterconnect(gpu: Gpu): InterconnectId | null {
  if (!(gpu.link.gbPerSecond > 0)) return null;
  if (PAIRED(gpu)) return 'ethernet-100g';
  return gpu.link.pcieGen >= 5 ? 'infiniband-ndr' : 'infiniband-hdr';
}

/**
 * What a layout asks of a GPU without a GPU-to-GPU link (catalog `link.gbPerSecond` 0, e.g. Jetson AGX Orin): one per
 * node, and between nodes only the network the input names. Null when the layout is possible.
 */
export function linkError(gpu: Gpu, input: EstimateInput): string | null {
  if (gpu.link.gbPerSecond > 0 || input.gpus <= 1) return null;
  if (input.gpusPerNode > 1) {
    const field = input.gpusPerNode === input.gpus ? 'gpus' : 'gpusPerNode';
    const one = gpu.formFactor === 'module' ? '1 module only' : '1 GPU per node only';
    return `${field}: ${gpu.name} has no GPU-to-GPU link: ${one} (for several, set gpusPerNode 1 and the interconnect between them)`;
  }
  if (input.interconnect === null)
    return `interconnect: ${gpu.name} has no GPU-to-GPU link and no default network: name the link between the nodes (e.g. "ethernet-10g")`;
  return null;
}

/** All of one node's inter-node bandwidth (bytes/s achieved) for a link id: its NIC rails together, or its one port. */
export function nodeNetworkBytesPerSecond(id: InterconnectId, gpusPerNode: number): number {
  const l = INTER_NODE_LINKS[id];
  const perNode = l.per === 'gpu' ? l.bandwidth.value * gpusPerNode : l.bandwidth.value;
  return perNode * 1e9 * l.efficiency.value;
}

/**
 * The link a ring of `size` ranks sees when `ranksPerNode` of them share a node (consecutive ranks `stride` apart) and
 * gpusPerNode / ranksPerNode such groups run at once, splitting the node's network. Inside one node: `intraNodeLink`.
 * Across nodes: per GPU (r-1)/r of the ring's bytes on the in-node link, per node all of them through its share of the
 * network; the slower of the two sets the pace.
 */
export function groupLink(
  gpu: Gpu,
  id: InterconnectId,
  gpusPerNode: number,
  size: number,
  ranksPerNode: number,
  stride = 1,
): GroupLink {
  const r = Math.max(1, Math.min(size, ranksPerNode));
  const intra = intraNodeLink(gpu, r, stride);
  if (size <= r) return intra;
  const groupsPerNode = Math.max(1, gpusPerNode / r);
  const share = nodeNetworkBytesPerSecond(id, gpusPerNode) / groupsPerNode;
  const perByte = Math.max(r > 1 ? (r - 1) / r / intra.bytesPerSecond : 0, 1 / share);
  return { bytesPerSecond: 1 / perByte, latency: INTER_NODE_LINKS[id].latency.value };
}

/**
 * Ring all-reduce of `bytes` per rank over `n` ranks (reduce-scatter + all-gather): 2(n-1)/n of the data crosses each
 * link; `count` collectives of that total size pay the ring latency each.
 */
export const allReduceSeconds = (bytes: number, n: number, l: GroupLink, count = 1): number =>
  n <= 1 ? 0 : (2 * (n - 1) * bytes) / n / l.bytesPerSecond + 2 * (n - 1) * l.latency * count;

/** Reduce-scatter or all-gather: half an all-reduce. */
export const gatherSeconds = (bytes: number, n: number, l: GroupLink, count = 1): number =>
  n <= 1 ? 0 : ((n - 1) * bytes) / n / l.bytesPerSecond + (n - 1) * l.latency * count;

/** All-to-all of `bytes` per rank (MoE token dispatch/combine). */
export const allToAllSeconds = (bytes: number, n: number, l: GroupLink): number =>
  n <= 1 ? 0 : ((n - 1) * bytes) / n / l.bytesPerSecond + (n - 1) * l.latency;

/** Point-to-point send of `bytes`. */
export const p2pSeconds = (bytes: number, l: GroupLink): number => bytes / l.bytesPerSecond + l.latency;
