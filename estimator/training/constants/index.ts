import type { InterconnectId } from '../../../catalog/schema/interconnect';
import type { Assumption } from './constant';
import * as compute from './compute';
import * as memory from './memory';
import {
  INTER_NODE_LINKS,
  INTRA_NODE_LATENCY_SECONDS,
  NVLINK_BRIDGE_CARDS_H100_NVL,
  NVLINK_BRIDGE_CARDS_H200_NVL,
  NVLINK_EFFICIENCY,
  PCIE_EFFICIENCY,
} from './network';
import * as power from './power';

export * from './compute';
export * from './constant';
export * from './memory';
export * from './network';
export * from './power';

const isConstant = (v: unknown): v is Assumption => typeof v === 'object' && v !== null && 'unit' in v;
/** The constants a module exports, and those grouped one level down (power's node classes). */
const values = (m: object): Assumption[] =>
  Object.values(m).flatMap((v: unknown) =>
    isConstant(v) ? [v] : typeof v === 'object' && v !== null ? Object.values(v).filter(isConstant) : [],
  );

const BASE: readonly Assumption[] = Object.freeze([...values(memory), ...values(compute), ...values(power)]);
const SINGLE_NODE: readonly Assumption[] = Object.freeze([
  ...BASE,
  NVLINK_EFFICIENCY,
  PCIE_EFFICIENCY,
  INTRA_NODE_LATENCY_SECONDS,
  NVLINK_BRIDGE_CARDS_H100_NVL,
  NVLINK_BRIDGE_CARDS_H200_NVL,
]);
const BY_LINK = new Map<InterconnectId, readonly Assumption[]>();

/**
 * The constants an estimate used, as one shared frozen array per inter-node link (none inside one node):
 * estimates never copy them, which keeps sweeps fast.
 */
export function assumptionsFor(link: InterconnectId | null): readonly Assumption[] {
  if (link === null) return SINGLE_NODE;
  let list = BY_LINK.get(link);
  if (!list) {
    const l = INTER_NODE_LINKS[link];
    list = Object.freeze([...SINGLE_NODE, l.bandwidth, l.latency, l.efficiency]);
    BY_LINK.set(link, list);
  }
  return list;
}
