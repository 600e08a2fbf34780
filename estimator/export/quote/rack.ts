import type { CoolingType } from '../../facility/cooling';
import type { FacilityPlanResult } from '../../facility/types';
import { fill } from '../messages';
import { esc, fixed } from './html';
import type { QuoteMessages } from './messages';

/**
 * The rack view as SVG for the quote: the site plan's racks with the servers at their U positions,
 * coloured by the cooling each rack's load needs, and a bar of kW against the rack limit. It draws the
 * same data and colours as the app's rack view (renderer/src/scenario/RackView.tsx).
 */

/** The app's rack-view colours (RackView.tsx COOLING_COLORS): air blue, rear-door amber, direct liquid purple. */
export const RACK_COLORS: Record<CoolingType, string> = { air: '#5f86c9', 'rear-door': '#d48a2e', liquid: '#8468b5' };

/** Drawing units per rack unit, rack width and the gap between racks (as the app draws them). */
const U = 5;
const RACK_W = 96;
const GAP = 28;
const TOP = 6;
/** Drawing units between legend entries: room for "rear-door heat exchanger" at 9 px. */
const LEGEND_STEP = 160;
/** At most this many racks a row, so the drawing stays readable on a portrait page. */
const PER_ROW = 6;

export function rackSvg(plan: FacilityPlanResult, m: QuoteMessages, coolingNames: Record<CoolingType, string>): string {
  const height = plan.rackUnits * U;
  const rowH = height + TOP + 44;
  const cols = Math.min(PER_ROW, plan.layout.length);
  const rows = Math.ceil(plan.layout.length / PER_ROW);
  const legendH = 18;
  const width = Math.max(cols * (RACK_W + GAP), 3 * LEGEND_STEP + GAP);
  const totalH = rows * rowH + legendH;
  const racks = plan.layout
    .map((rack, i) => {
      const x = (i % PER_ROW) * (RACK_W + GAP) + GAP / 2;
      const y0 = Math.floor(i / PER_ROW) * rowH + TOP;
      const share = Math.min(1, rack.kW / Math.max(rack.kWLimit, 1e-9));
      const color = RACK_COLORS[rack.coolingRequired];
      const slots = rack.slots
        .map(
          (s) =>
            `<rect x="${x + 5}" y="${(y0 + (plan.rackUnits - s.topU) * U + 0.5).toFixed(1)}" width="${RACK_W - 10}" height="${(s.heightU * U - 1).toFixed(1)}" fill="${color}" stroke="#fff" stroke-width="0.5"/>` +
            (s.heightU * U >= 10
              ? `<text x="${x + RACK_W / 2}" y="${(y0 + (plan.rackUnits - s.topU) * U + (s.heightU * U) / 2 + 3).toFixed(1)}" text-anchor="middle" fill="#fff">#${s.number} U${s.bottomU}–${s.topU}</text>`
              : ''),
        )
        .join('');
      const over = rack.overLimit ? '#b91c1c' : '#15803d';
      return (
        `<g data-rack="${rack.index}">` +
        `<rect x="${x}" y="${y0}" width="${RACK_W}" height="${height}" fill="#f4f4f4" stroke="#444" stroke-width="1"/>` +
        slots +
        `<text x="${x + RACK_W / 2}" y="${y0 + height + 12}" text-anchor="middle">${esc(fill(m.facility.rack, { n: rack.index }))}</text>` +
        `<rect x="${x}" y="${y0 + height + 17}" width="${RACK_W}" height="6" fill="#e5e5e5"/>` +
        `<rect x="${x}" y="${y0 + height + 17}" width="${(RACK_W * share).toFixed(1)}" height="6" fill="${over}"/>` +
        `<text x="${x + RACK_W / 2}" y="${y0 + height + 34}" text-anchor="middle" fill="${rack.overLimit ? over : '#222'}">${esc(fill(m.facility.rackKW, { kw: fixed(rack.kW, 1), limit: fixed(rack.kWLimit, 1) }))}</text>` +
        `</g>`
      );
    })
    .join('');
  const legend = (Object.keys(RACK_COLORS) as CoolingType[])
    .map((c, i) => {
      const lx = GAP / 2 + i * LEGEND_STEP;
      const ly = rows * rowH + 4;
      return `<rect x="${lx}" y="${ly}" width="10" height="8" fill="${RACK_COLORS[c]}"/><text x="${lx + 14}" y="${ly + 8}">${esc(coolingNames[c])}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${totalH}" width="${width}" height="${totalH}" role="img" aria-label="${esc(m.facility.legend)}">${racks}${legend}</svg>`;
}
