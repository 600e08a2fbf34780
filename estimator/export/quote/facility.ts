import type { ComparisonRow } from '../../compare/types';
import { toMajor } from '../../scenario/money';
import { fill } from '../messages';
import { el, esc, fixed, moneyWithCode, section } from './html';
import { rackSvg } from './rack';
import type { QuoteContext } from './sections';

/**
 * The site plan of each owned or cluster option (issue 10): racks, servers per rack, IT and facility
 * load, cooling in kW, BTU/h and tons, air or liquid, circuits, facility capex and monthly cost, the
 * verdict with the shortfalls, and the rack view. Only when the scenario has a site.
 */
export function facility(x: QuoteContext): string {
  const { c, q, m } = x;
  const planned = c.rows.filter(
    (r): r is ComparisonRow & { facilityPlan: NonNullable<ComparisonRow['facilityPlan']> } => Boolean(r.facilityPlan),
  );
  const site = x.input.scenario.assumptions.site as { kind?: 'own-room' | 'colocation' } | undefined;
  if (!site || planned.length === 0) return '';
  const blocks = planned.map((r) => {
    const p = r.facilityPlan;
    const name = x.names.get(r.optionId) ?? r.label;
    const d: [string, string][] = [
      [q.facility.racks, String(p.racks)],
      [q.facility.serversPerRack, `${p.serversPerRack} (${q.facility.binding}: ${q.facility.bindingValue[p.binding]})`],
      [q.facility.itKW, `${fixed(p.itKW, 1)} kW`],
      [fill(q.facility.facilityKW, { pue: fixed(p.pue, 2) }), `${fixed(p.facilityKW, 1)} kW`],
      [
        q.facility.cooling,
        fill(q.facility.coolingValue, {
          kw: fixed(p.coolingLoad.kW, 1),
          btu: fixed(p.coolingLoad.btuPerHour, 0),
          tons: fixed(p.coolingLoad.tons, 1),
        }),
      ],
      ...(p.coolingCapacityKW !== null
        ? [[q.facility.coolingCapacity, `${fixed(p.coolingCapacityKW, 1)} kW`] as [string, string]]
        : []),
      [
        q.facility.coolingRequired,
        `${m.cooling[p.coolingRequired]}: ${p.airIsEnough ? q.facility.airIsEnough.yes : q.facility.airIsEnough.no}`,
      ],
      [
        q.facility.circuits,
        fill(q.facility.circuitsValue, {
          circuit: p.power.circuit.label,
          kw: fixed(p.power.kWPerCircuit, 2),
          formula: p.power.formula,
          feeds: q.facility.feeds[p.power.feeds],
          perFeed: p.power.circuitsPerFeedMax,
          pdus: p.power.pdus,
        }),
      ],
      [q.facility.capex, moneyWithCode(toMajor(p.facilityCapex), p.facilityCapex.currency)],
      [q.facility.opex, moneyWithCode(toMajor(p.monthlyOpex), p.monthlyOpex.currency)],
    ];
    const verdict = el(
      'p',
      p.fitsSite ? 'verdict ok' : 'verdict warn',
      el('strong', null, esc(p.fitsSite ? q.facility.fits : q.facility.doesNotFit)),
    );
    const shortfalls = p.shortfalls.length
      ? el('ul', 'shortfalls', p.shortfalls.map((s) => el('li', 'warn', esc(s.message))).join(''))
      : '';
    const dl = el('dl', null, d.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join(''));
    const rack = el(
      'figure',
      'rack-view',
      el('figcaption', null, esc(fill(q.facility.rackView, { option: name }))) +
        rackSvg(p, q, m.cooling) +
        el('p', 'hint', esc(q.facility.legend)),
    );
    return el(
      'div',
      'facility-option',
      el('h3', null, esc(`${r.rank}. ${name}`)) + verdict + shortfalls + dl + rack,
      `data-option-id="${esc(r.optionId)}"`,
    );
  });
  const intro = el('p', null, esc(fill(q.facility.intro, { site: site.kind ? q.facility.siteKind[site.kind] : '—' })));
  return section('facility', q.facility.title, intro + blocks.join(''), true);
}
