import { COOLING_NAMES, RACK_KW_CEILING } from './cooling';
import { COLOCATION_PRICE_PER_KW_MONTH } from './defaults';
import { btu, kw, plural, tonsText } from './text';
import type { FacilityPlanResult } from './types';

/**
 * What the row and the quote say about the plan, most important first: each shortfall ("does not fit
 * the site: …"), the racks and loads, whether air is enough, the circuits, the denser alternative, then
 * what was assumed because the site did not say.
 */
export function planNotes(p: Omit<FacilityPlanResult, 'notes'>): string[] {
  const { site } = p;
  const place = site.kind === 'own-room' ? 'the room' : 'the site';
  const air = RACK_KW_CEILING.air.value;
  const notes = p.shortfalls.map((s) => `does not fit the site: ${s.message}`);

  const limit =
    p.binding === 'kW'
      ? `rack power, ${kw(p.rackKWLimit)} a rack`
      : p.binding === 'U'
        ? `rack space, ${p.rackUnits} U a rack`
        : `rack power and rack space alike (${kw(p.rackKWLimit)}, ${p.rackUnits} U)`;
  notes.push(
    `site plan: ${p.servers.count} × ${p.servers.name} in ${plural(p.racks, 'rack')}, at most ${p.serversPerRack} per rack (limited by ${limit}); most loaded rack ${kw(p.rackKWMax)}; IT load ${kw(p.itKW)}, facility load ${kw(p.facilityKW)} at PUE ${p.pue}; cooling load ${kw(p.coolingLoad.kW)} = ${btu(p.coolingLoad.btuPerHour)} = ${tonsText(p.coolingLoad.tons)}`,
  );

  if (p.airIsEnough)
    notes.push(`air cooling is enough: ${kw(p.rackKWMax)} per rack is within the ${kw(air)} air sheds`);
  else {
    const rearDoor =
      p.coolingRequired === 'liquid' ? `, rear doors up to ${kw(RACK_KW_CEILING['rear-door'].value)}` : '';
    const retrofit = p.retrofit
      ? `; the site has ${COOLING_NAMES[p.siteCooling]}, so a retrofit for ${kw(p.retrofit.kW)} is priced`
      : '';
    notes.push(
      `${kw(p.rackKWMax)} per rack needs ${COOLING_NAMES[p.coolingRequired]} (air sheds up to ${kw(air)} per rack${rearDoor})${retrofit}`,
    );
  }

  const feeds = p.power.feeds === 'A+B' ? 'A+B feeds, each able to carry its rack alone' : 'a single feed';
  notes.push(
    `${plural(p.power.pdus, 'rack PDU')} on ${p.power.circuit.label} circuits (${p.power.formula} each; ${feeds})`,
  );

  const d = p.denser;
  if (d) {
    const rated =
      site.rackKW !== undefined && d.rackKWMax > site.rackKW + 1e-9
        ? ` and racks rated for ${kw(d.rackKWMax)} (the site's are ${kw(site.rackKW)})`
        : '';
    notes.push(
      `in fewer racks: ${plural(d.racks, 'rack')} of up to ${kw(d.rackKWMax)} would need ${COOLING_NAMES[d.coolingRequired]}${rated}`,
    );
  }

  // What was assumed.
  const ceiling = RACK_KW_CEILING[p.siteCooling].value;
  if (site.cooling === undefined) notes.push('assumed air cooling (assumptions.site.cooling not given)');
  if (site.rackKW === undefined)
    notes.push(
      `racks filled up to ${kw(ceiling)}, what ${COOLING_NAMES[p.siteCooling]} sheds per rack (assumptions.site.rackKW not given)`,
    );
  else if (site.rackKW > ceiling + 1e-9)
    notes.push(
      `racks filled up to ${kw(ceiling)}, what ${COOLING_NAMES[p.siteCooling]} sheds per rack, below the site's ${kw(site.rackKW)} rack limit`,
    );
  if (site.powerKW === undefined) notes.push(`${place}'s power was not checked (assumptions.site.powerKW not given)`);
  if (p.coolingCapacityKW === null)
    notes.push(`${place}'s cooling capacity was not checked (assumptions.site.coolingKW or coolingTons not given)`);
  if (site.kind === 'colocation' && !site.coloPerKWMonth)
    notes.push(
      `colocation priced at the default ${COLOCATION_PRICE_PER_KW_MONTH.value} USD per kW-month (assumptions.site.coloPerKWMonth not given)`,
    );
  if (site.kind === 'own-room' && site.coloPerKWMonth)
    notes.push('assumptions.site.coloPerKWMonth is not used: the site is an own room');
  return notes;
}
