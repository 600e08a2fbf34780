import { coolingFor, type CoolingType } from './cooling';

/** One server in a rack: which one, and the rack units it fills (U1 is the bottom). */
export interface RackSlot {
  /** `DGX H100 #3`: the server's name and its number among all the option's servers. */
  readonly label: string;
  readonly name: string;
  readonly number: number;
  readonly bottomU: number;
  readonly topU: number;
  readonly heightU: number;
  readonly kW: number;
}

/** One rack as the rack view draws it and the quote prints it. */
export interface RackLayout {
  /** 1-based. */
  readonly index: number;
  readonly label: string;
  readonly rackUnits: number;
  readonly unitsUsed: number;
  readonly kW: number;
  /** The kW the plan fills racks up to (the site's rack limit, or its cooling's). */
  readonly kWLimit: number;
  /** The least cooling this rack's load needs (the view colours air and liquid by it). */
  readonly coolingRequired: CoolingType;
  /** Drawing more than `kWLimit`: one server alone is above the limit. */
  readonly overLimit: boolean;
  readonly slots: readonly RackSlot[];
}

export interface ServersToPlace {
  readonly name: string;
  readonly count: number;
  readonly kWEach: number;
  readonly rackUnitsEach: number;
}

/**
 * Spreads the servers over `racks` racks as evenly as whole servers allow (the first racks take one
 * more when they do not divide), so the most loaded rack is as light as it can be: 4 servers at up
 * to 3 a rack go 2 + 2, not 3 + 1. Servers stack from U1 up, heaviest equipment low as racks are loaded.
 */
export function layoutRacks(servers: ServersToPlace, racks: number, rackUnits: number, kWLimit: number): RackLayout[] {
  const base = Math.floor(servers.count / racks);
  const extra = servers.count - base * racks;
  const out: RackLayout[] = [];
  let number = 0;
  for (let r = 0; r < racks; r++) {
    const inRack = base + (r < extra ? 1 : 0);
    const slots: RackSlot[] = [];
    for (let i = 0; i < inRack; i++) {
      number += 1;
      const bottomU = 1 + i * servers.rackUnitsEach;
      slots.push({
        label: `${servers.name} #${number}`,
        name: servers.name,
        number,
        bottomU,
        topU: bottomU + servers.rackUnitsEach - 1,
        heightU: servers.rackUnitsEach,
        kW: servers.kWEach,
      });
    }
    const kW = inRack * servers.kWEach;
    out.push({
      index: r + 1,
      label: `Rack ${r + 1}`,
      rackUnits,
      unitsUsed: inRack * servers.rackUnitsEach,
      kW,
      kWLimit,
      coolingRequired: coolingFor(kW),
      overLimit: kW > kWLimit + 1e-9,
      slots,
    });
  }
  return out;
}
