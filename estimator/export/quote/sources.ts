import type { Pricing } from '../../scenario/rows';
import { formatDecimal, minorDigits } from '../../scenario/money';
import { rowsUsed, type QuotedPrice } from '../rows-used';
import { esc, section, table } from './html';
import type { QuoteContext } from './sections';

interface Source {
  kind: string;
  name: string;
  price: QuotedPrice | null;
  asOf: string;
  source: string;
  usedBy: string[];
}

const priceText = (p: QuotedPrice | null | undefined): string =>
  p ? `${formatDecimal(p.amount, minorDigits(p.currency), 6)} ${p.currency}` : '—';

/**
 * The catalog rows (and inline quotes) the options used, with price as quoted, date and source: the
 * model, each server, network and cloud offer (at the pricing used), the electricity price and the
 * colocation price. The same rows as the workbook's Catalog sheet (rows-used.ts), one line each.
 */
export function sources(x: QuoteContext): string {
  const { input, c, q } = x;
  const W = q.sources.what;
  const found = new Map<string, Source>();
  const add = (key: string, s: Omit<Source, 'usedBy'>, by: string | null) => {
    const seen = found.get(key) ?? { ...s, usedBy: [] };
    if (by && !seen.usedBy.includes(by)) seen.usedBy.push(by);
    found.set(key, seen);
  };
  const t = input.scenario.workload.training as { model?: unknown };
  const model = typeof t.model === 'string' ? input.catalog.models.find((mm) => mm.id === t.model) : undefined;
  if (model) {
    const src = model as { source?: string; asOf?: string; name: string };
    add(
      `model:${model.id}`,
      { kind: W.model, name: src.name, price: null, asOf: src.asOf ?? '', source: src.source ?? '' },
      null,
    );
  }
  const used = rowsUsed(input);
  for (const r of c.rows) {
    const u = used.get(r.optionId);
    if (!u) continue;
    const by = x.names.get(r.optionId) ?? r.label;
    const key = (kind: string, id: string | null, name: string) => `${kind}:${id ?? `inline:${r.optionId}:${name}`}`;
    const inline = (id: string | null, name: string) => (id ? name : `${name} (${q.sources.inline})`);
    if (u.system) {
      const s = u.system.row;
      add(
        key('system', u.system.id, s.name),
        {
          kind: W.system,
          name: inline(u.system.id, s.name),
          price: s.price,
          asOf: s.price.asOf ?? s.asOf ?? '',
          source: s.price.source ?? s.source ?? '',
        },
        by,
      );
    }
    if (u.network) {
      const n = u.network.row;
      const price = n.pricePerNode ?? n.switch?.price ?? null;
      add(
        key('network', u.network.id, n.name),
        {
          kind: W.network,
          name: inline(u.network.id, n.name),
          price,
          asOf: price?.asOf ?? n.asOf ?? '',
          source: price?.source ?? n.source ?? '',
        },
        by,
      );
    }
    if (u.offer && u.option.kind === 'cloud') {
      const o = u.offer.row;
      const pricing: Pricing = u.option.pricing;
      const price = o.prices[pricing] ?? null;
      const name = `${o.provider} ${o.name}${o.region ? ` (${o.region})` : ''} · ${x.m.pricing[pricing]}`;
      add(
        `${key('offer', u.offer.id, o.name)}:${pricing}`,
        {
          kind: W.offer,
          name: inline(u.offer.id, name),
          price,
          asOf: price?.asOf ?? o.asOf ?? '',
          source: price?.source ?? o.source ?? '',
        },
        by,
      );
    }
  }
  const a = input.scenario.assumptions as {
    electricity?: QuotedPrice & { per?: string };
    site?: { coloPerKWMonth?: QuotedPrice };
  };
  if (a.electricity)
    add(
      'electricity',
      {
        kind: W.electricity,
        name: `${priceText(a.electricity)}/kWh`,
        price: null,
        asOf: a.electricity.asOf ?? '',
        source: a.electricity.source ?? q.assumptions.scenario,
      },
      null,
    );
  const colo = a.site?.coloPerKWMonth;
  if (colo)
    add(
      'colo',
      {
        kind: W.site,
        name: `${priceText(colo)}/kW-month`,
        price: null,
        asOf: colo.asOf ?? '',
        source: colo.source ?? q.assumptions.scenario,
      },
      null,
    );
  const rows = [...found.values()].map((s) => [
    esc(s.kind),
    esc(s.name),
    esc(priceText(s.price)),
    esc(s.asOf || '—'),
    esc(s.source || '—'),
    esc(s.usedBy.join('; ') || '—'),
  ]);
  const S = q.sources;
  return section(
    'sources',
    S.title,
    table('sources', [S.kind, S.name, S.price, S.asOf, S.source, S.usedBy].map(esc), rows, [
      false,
      false,
      true,
      false,
      false,
      false,
    ]),
    true,
  );
}
