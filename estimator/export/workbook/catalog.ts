import { fill } from '../messages';
import type { OptionRows, QuotedPrice } from '../rows-used';
import type { Ctx } from './context';
import { priceFormat } from './formats';
import { cell, SheetBuilder, type CellValue } from './model';

export const CATALOG = 'Catalog';

interface Entry {
  kind: string;
  id: string;
  name: string;
  price: QuotedPrice | null;
  per: string;
  asOf: string;
  source: string;
  usedBy: string[];
}

/**
 * The Catalog sheet: every catalog row (or inline quote) the comparison used, with its price as
 * quoted, date and source, and which options used it: the model preset, the GPUs, the servers, the
 * networks' priced parts, the cloud offers' prices at the pricing used, and the site plan's prices.
 */
export function catalogSheet(ctx: Ctx, rowsById: ReadonlyMap<string, OptionRows>): SheetBuilder {
  const { m, c } = ctx;
  const K = m.catalog;
  const b = new SheetBuilder(CATALOG);
  b.sheet.widths = [18, 30, 48, 16, 10, 26, 12, 90, 30];
  b.row(cell(K.title, undefined, 'title'));
  const v = ctx.input.catalogVersion;
  b.row(cell(v ? fill(K.version, { version: v.version, asOf: v.asOf }) : K.versionNone, undefined, 'note'));
  b.skip();
  const H = K.header;
  const header = b.row(
    ...[H.kind, H.id, H.name, H.price, H.currency, H.per, H.asOf, H.source, H.usedBy].map((h) =>
      cell(h, undefined, 'header'),
    ),
  );
  b.sheet.freeze = { rows: header, columns: 0 };
  b.sheet.printTitleRows = { first: header, last: header };

  const entries: Entry[] = [];
  const add = (e: Omit<Entry, 'usedBy'>, optionId: string | null) => {
    const same = entries.find((x) => x.kind === e.kind && x.id === e.id && x.name === e.name && x.per === e.per);
    if (same) {
      if (optionId && !same.usedBy.includes(optionId)) same.usedBy.push(optionId);
      return;
    }
    entries.push({ ...e, usedBy: optionId ? [optionId] : [] });
  };
  const priced = (p: QuotedPrice | undefined, fallbackAsOf?: string, fallbackSource?: string) => ({
    price: p ?? null,
    asOf: p?.asOf ?? fallbackAsOf ?? '',
    source: p?.source ?? fallbackSource ?? '',
  });

  const t = ctx.s.workload.training as { model?: unknown };
  if (typeof t.model === 'string') {
    const model = ctx.input.catalog.models.find((x) => x.id === t.model);
    if (model)
      add(
        { kind: K.kind.model, id: model.id, name: model.name, price: null, per: '', asOf: '', source: model.source },
        null,
      );
  }
  for (const gpuId of [...new Set(c.rows.map((r) => r.gpu))]) {
    const gpu = ctx.input.catalog.gpus.find((g) => g.id === gpuId);
    for (const r of c.rows.filter((x) => x.gpu === gpuId))
      add(
        {
          kind: K.kind.gpu,
          id: gpuId,
          name: gpu?.name ?? gpuId,
          price: null,
          per: '',
          asOf: gpu?.asOf ?? '',
          source: gpu?.source ?? '',
        },
        r.optionId,
      );
  }
  for (const row of c.rows) {
    const used = rowsById.get(row.optionId);
    if (!used) continue;
    const id = (u: { id: string | null }) => u.id ?? K.inline;
    if (used.system) {
      const s = used.system.row;
      add(
        {
          kind: K.kind.system,
          id: id(used.system),
          name: s.name,
          per: K.per.system,
          ...priced(s.price, s.asOf, s.source),
        },
        row.optionId,
      );
    }
    if (used.network) {
      const n = used.network.row;
      const part = (p: QuotedPrice | undefined, per: string) => {
        if (p)
          add(
            { kind: K.kind.network, id: id(used.network!), name: n.name, per, ...priced(p, n.asOf, n.source) },
            row.optionId,
          );
      };
      // The parts the costing priced: the switch-sized fabric, or the all-in price per node.
      const lines = new Set(row.lines.map((l) => l.id));
      if (lines.has('network-switches')) part(n.switch?.price, K.per.switch);
      if (lines.has('network-nics')) part(n.nicPrice, K.per.nic);
      if (lines.has('network-cables')) part(n.cablePrice, K.per.cable);
      if (lines.has('network') || lines.has('network-adapters')) part(n.pricePerNode, K.per.pricePerNode);
    }
    if (used.offer && used.option.kind === 'cloud') {
      const o = used.offer.row;
      const name = `${o.provider} ${o.name}${o.region ? ` (${o.region})` : ''}`;
      const pricings = [
        used.option.pricing,
        ...(row.lines.some((l) => l.id === 'reserved-overflow') ? (['on-demand'] as const) : []),
      ];
      for (const pricing of pricings)
        add(
          {
            kind: K.kind.offer,
            id: id(used.offer),
            name,
            per: fill(K.per.hour, { pricing: m.pricing[pricing] }),
            ...priced(o.prices[pricing], o.asOf, o.source),
          },
          row.optionId,
        );
    }
    for (const l of row.lines.filter((x) => x.id.startsWith('facility'))) {
      const unit = Object.entries(l.inputs).find(([k, v]) => k.startsWith('pricePer') && typeof v === 'number');
      add(
        {
          kind: K.kind.site,
          id: l.id,
          name: l.label,
          price: unit ? { amount: unit[1] as number, currency: l.currency } : null,
          per: K.per.line,
          asOf: '',
          source: l.source,
        },
        row.optionId,
      );
    }
  }

  for (const e of entries) {
    const cells: CellValue[] = [
      e.kind,
      e.id,
      e.name,
      e.price?.amount ?? null,
      e.price?.currency ?? null,
      e.per,
      e.asOf,
      e.source,
      e.usedBy.join(', '),
    ];
    const r = b.row(...cells);
    if (e.price) b.set(4, r, e.price.amount, priceFormat(e.price.currency));
    b.set(8, r, e.source, undefined, 'wrap');
  }
  return b;
}
