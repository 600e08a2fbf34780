import { DIRECT_LIQUID_MAX_KW_PER_RACK } from './defaults';
import { btuPerHour, tons } from './heat';
import { btu, kw, tonsText } from './text';

/** One way an option does not fit the site, with the numbers. */
export interface Shortfall {
  /** power: the room's supply; cooling: its heat removal; rack-power: one rack's circuits; rack-space: one rack's height; rack-cooling: no cooling type sheds that much heat from one rack. */
  readonly what: 'power' | 'cooling' | 'rack-power' | 'rack-space' | 'rack-cooling';
  readonly needed: number;
  readonly available: number;
  readonly short: number;
  readonly unit: 'kW' | 'U';
  /** "needs 40.8 kW of power, the room has 20 kW: 20.8 kW short". */
  readonly message: string;
}

export interface SiteCheck {
  readonly place: 'the room' | 'the site';
  readonly serverName: string;
  readonly kWEach: number;
  readonly rackUnitsEach: number;
  readonly itKW: number;
  readonly rackKWMax: number;
  readonly powerKW: number | null;
  readonly coolingKW: number | null;
  /** Set when the site gave its cooling in tons: the message quotes them back. */
  readonly coolingTons: number | null;
  /** The site's own per-rack power limit (not the cooling ceiling). */
  readonly siteRackKW: number | null;
  readonly rackUnits: number;
}

/**
 * Checks an option against the site: its power and cooling (IT load against what the room delivers and
 * removes; nearly all IT power becomes heat), one server against one rack's power and height, and the
 * most loaded rack against the most any cooling type here sheds.
 */
export function siteShortfalls(c: SiteCheck): Shortfall[] {
  const out: Shortfall[] = [];
  const over = (needed: number, available: number) => needed > available + 1e-9;
  if (c.powerKW !== null && over(c.itKW, c.powerKW)) {
    const short = c.itKW - c.powerKW;
    out.push({
      what: 'power',
      needed: c.itKW,
      available: c.powerKW,
      short,
      unit: 'kW',
      message: `needs ${kw(c.itKW)} of power, ${c.place} has ${kw(c.powerKW)}: ${kw(short)} short`,
    });
  }
  if (c.coolingKW !== null && over(c.itKW, c.coolingKW)) {
    const short = c.itKW - c.coolingKW;
    const has = c.coolingTons !== null ? `${kw(c.coolingKW)} (${tonsText(c.coolingTons)})` : kw(c.coolingKW);
    out.push({
      what: 'cooling',
      needed: c.itKW,
      available: c.coolingKW,
      short,
      unit: 'kW',
      message: `needs ${kw(c.itKW)} of cooling (${btu(btuPerHour(c.itKW))}, ${tonsText(tons(c.itKW))}), ${c.place} has ${has}: ${kw(short)} short`,
    });
  }
  if (c.siteRackKW !== null && over(c.kWEach, c.siteRackKW)) {
    const short = c.kWEach - c.siteRackKW;
    out.push({
      what: 'rack-power',
      needed: c.kWEach,
      available: c.siteRackKW,
      short,
      unit: 'kW',
      message: `one ${c.serverName} draws ${kw(c.kWEach)}, a rack may draw ${kw(c.siteRackKW)}: ${kw(short)} short per rack`,
    });
  }
  if (c.rackUnitsEach > c.rackUnits) {
    const short = c.rackUnitsEach - c.rackUnits;
    out.push({
      what: 'rack-space',
      needed: c.rackUnitsEach,
      available: c.rackUnits,
      short,
      unit: 'U',
      message: `one ${c.serverName} is ${c.rackUnitsEach} U tall, a rack holds ${c.rackUnits} U: ${short} U short`,
    });
  }
  const ceiling = DIRECT_LIQUID_MAX_KW_PER_RACK.value;
  if (over(c.rackKWMax, ceiling)) {
    const short = c.rackKWMax - ceiling;
    out.push({
      what: 'rack-cooling',
      needed: c.rackKWMax,
      available: ceiling,
      short,
      unit: 'kW',
      message: `one rack draws ${kw(c.rackKWMax)}, more than direct liquid cooling sheds (${kw(ceiling)} per rack): ${kw(short)} over`,
    });
  }
  return out;
}
