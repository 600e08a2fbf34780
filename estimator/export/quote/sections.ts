import type { Comparison, ComparisonRow } from '../../compare/types';
import { fill, lineLabel, type Messages } from '../messages';
import { exportDate } from '../date';
import type { ExportInput } from '../types';
import { formatDecimal, formatQuantity, minorDigits } from '../../scenario/money';
import { el, esc, fixed, hours, money, moneyWithCode, section, table } from './html';
import { kindText } from './labels';
import type { QuoteMessages } from './messages';

/** What every section reads: the input, both message tables, and the options' display names. */
export interface QuoteContext {
  readonly input: ExportInput;
  readonly c: Comparison;
  readonly m: Messages;
  readonly q: QuoteMessages;
  readonly names: ReadonlyMap<string, string>;
  readonly paper: string;
}

const nameOf = (x: QuoteContext, r: ComparisonRow) => x.names.get(r.optionId) ?? r.label;

export function cover(x: QuoteContext): string {
  const { input, c, q } = x;
  const s = input.scenario;
  const t = s.workload.training as { model?: unknown; method?: unknown };
  const model =
    typeof t.model === 'string' ? (input.catalog.models.find((mm) => mm.id === t.model)?.name ?? t.model) : '—';
  const v = input.catalogVersion;
  const items: [string, string][] = [
    [q.cover.scenario, esc(s.name)],
    [q.cover.asOf, esc(exportDate(input))],
    [q.cover.currency, esc(c.currency)],
    [
      q.cover.catalogVersion,
      esc(v ? fill(q.cover.catalogVersionValue, { version: v.version, asOf: v.asOf }) : q.cover.catalogVersionNone),
    ],
    [
      q.cover.workload,
      esc(
        fill(q.cover.workloadValue, {
          model,
          method: String(t.method ?? ''),
          tokens: formatDecimal(c.workload.tokensPerRun, 0, 0),
        }),
      ),
    ],
    [
      q.cover.runs,
      esc(
        fill(q.cover.runsValue, {
          perMonth: formatQuantity(c.workload.runsPerMonth),
          months: c.workload.horizonMonths,
          runs: formatQuantity(c.workload.runs),
        }),
      ),
    ],
  ];
  const deadline = (s.workload as { deadlineHours?: number }).deadlineHours;
  if (typeof deadline === 'number')
    items.push([q.cover.deadline, esc(fill(q.cover.deadlineValue, { hours: formatQuantity(deadline) }))]);
  items.push([q.cover.options, esc(String(c.rows.length))], [q.cover.paper, esc(x.paper)]);
  const dl = items.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${val}</dd>`).join('');
  return el(
    'header',
    'cover',
    el('p', 'product', esc(q.product)) +
      el('h1', null, `${esc(q.kind)}: ${esc(s.name)}`) +
      (s.description ? el('p', 'description', esc(s.description)) : '') +
      el('dl', null, dl),
  );
}

/** Why an option cannot do the work, in the language. */
function reasons(r: ComparisonRow, q: QuoteMessages): string {
  const out: string[] = [];
  if (!r.fits) out.push(q.recommendation.reason.fits);
  if (r.fits && !r.meetsSchedule) out.push(q.recommendation.reason.meetsSchedule);
  if (r.fits && !r.meetsDeadline) out.push(q.recommendation.reason.meetsDeadline);
  if (r.fitsSite === false) out.push(q.recommendation.reason.fitsSite);
  return out.length ? out.join(', ') : q.recommendation.reason.other;
}

export function recommendation(x: QuoteContext): string {
  const { c, q, m } = x;
  const best = c.rows.find((r) => r.rank === 1 && r.feasible && r.totalCost !== null);
  const feasible = c.rows.filter((r) => r.feasible && r.totalCost !== null);
  let body: string;
  if (!best) body = el('p', 'best warn', esc(q.recommendation.none));
  else {
    body = el(
      'p',
      'best',
      esc(
        fill(q.recommendation.best, {
          label: nameOf(x, best),
          kind: kindText(best, m),
          total: moneyWithCode(best.totalCost!, c.currency),
          months: c.workload.horizonMonths,
          perRun: moneyWithCode(best.costPerRun ?? 0, c.currency),
        }),
      ),
    );
    body += el('p', 'hint', esc(q.recommendation.why));
    const next = feasible.find((r) => r !== best);
    if (next)
      body += el(
        'p',
        null,
        esc(
          fill(q.recommendation.runnerUp, {
            label: nameOf(x, next),
            total: moneyWithCode(next.totalCost!, c.currency),
            more: moneyWithCode(next.totalCost! - best.totalCost!, c.currency),
          }),
        ),
      );
  }
  const out = c.rows.filter((r) => !r.feasible);
  if (out.length)
    body += el(
      'p',
      'warn',
      esc(
        fill(q.recommendation.notFeasible, { list: out.map((r) => `${nameOf(x, r)} (${reasons(r, q)})`).join('; ') }),
      ),
    );
  return section('recommendation', q.recommendation.title, body);
}

const num = (v: number | null | undefined, f: (n: number) => string): string =>
  v === null || v === undefined ? '—' : f(v);

export function rankedTable(x: QuoteContext): string {
  const { c, q, m } = x;
  const site = c.rows.some((r) => r.racks !== undefined);
  const cur = { currency: c.currency };
  const head = [
    q.table.rank,
    q.table.option,
    q.table.kindPricing,
    q.table.gpus,
    q.table.fits,
    q.table.hours,
    fill(q.table.capex, cur),
    fill(q.table.opex, cur),
    fill(q.table.total, cur),
    fill(q.table.perRun, cur),
    q.table.energy,
    q.table.kW,
    ...(site ? [q.table.racks] : []),
  ].map((h) => esc(h));
  const numeric = [true, false, false, true, false, true, true, true, true, true, true, true, true];
  const rows = c.rows.map((r) => [
    esc(r.rank),
    esc(nameOf(x, r)),
    esc(kindText(r, m)),
    esc(r.gpus),
    esc(r.feasible ? m.yes : `${m.no}: ${reasons(r, q)}`),
    num(r.hoursPerRun, hours),
    num(r.capex, (v) => money(v, c.currency)),
    num(r.opexTotal, (v) => money(v, c.currency)),
    num(r.totalCost, (v) => money(v, c.currency)),
    num(r.costPerRun, (v) => money(v, c.currency)),
    num(r.energyKWh, (v) => fixed(v, 0)),
    num(r.powerKW, (v) => fixed(v, 1)),
    ...(site ? [num(r.racks, (v) => String(v))] : []),
  ]);
  // Rows carry their rank and feasibility as classes: the first in bold, the infeasible in grey.
  const attrs = c.rows.map(
    (r) => `class="rank-${r.rank}${r.feasible ? '' : ' infeasible'}" data-option-id="${esc(r.optionId)}"`,
  );
  return section(
    'ranking',
    q.table.title,
    el('p', 'hint', esc(fill(q.table.note, cur))) + table('ranked', head, rows, numeric, attrs),
  );
}

export function costLines(x: QuoteContext): string {
  const { c, q } = x;
  const blocks = c.rows
    .map((r) => {
      const title = el('h3', null, esc(`${r.rank}. ${nameOf(x, r)}`));
      if (r.lines.length === 0)
        return el('div', 'option-lines', title + el('p', 'hint', esc(fill(q.lines.none, { why: r.notes[0] ?? '' }))));
      const rows = r.lines.map((l) => [
        esc(`${lineLabel(x.m, r, l, c.workload.horizonMonths)} (${q.lines.kind[l.kind]})`),
        esc(l.formula),
        esc(money(l.amountMinor / 10 ** minorDigits(l.currency), l.currency)),
        esc(l.source),
      ]);
      if (r.totalCost !== null)
        rows.push([
          el('strong', null, esc(q.lines.total)),
          '',
          el('strong', null, esc(money(r.totalCost, c.currency))),
          '',
        ]);
      return el(
        'div',
        'option-lines',
        title +
          table(
            'lines',
            [q.lines.label, q.lines.formula, fill(q.lines.amount, { currency: c.currency }), q.lines.source].map(esc),
            rows,
            [false, false, true, false],
          ),
      );
    })
    .join('');
  return section('cost-lines', q.lines.title, blocks, true);
}

export function assumptions(x: QuoteContext): string {
  const { c, q, m } = x;
  const labels = m.assumptions.item as Record<string, string>;
  const rows = c.assumptions.map((a) => [
    esc(labels[a.name] ?? labels[a.name.replace(/^[a-z]+\./, '')] ?? a.name),
    esc(typeof a.value === 'number' ? formatQuantity(a.value, 6) : a.value),
    esc(a.unit),
    esc(a.source === 'scenario' ? q.assumptions.scenario : a.source),
  ]);
  const fx = c.fx.length
    ? el('h3', null, esc(q.assumptions.fx)) + el('ul', null, c.fx.map((f) => el('li', null, esc(f))).join(''))
    : '';
  return section(
    'assumptions',
    q.assumptions.title,
    table(
      'assumptions',
      [q.assumptions.label, q.assumptions.value, q.assumptions.unit, q.assumptions.source].map(esc),
      rows,
      [false, true, false, false],
    ) + fx,
    true,
  );
}

export function notes(x: QuoteContext): string {
  const { c, q, input } = x;
  const parts: string[] = [];
  if (c.notes.length)
    parts.push(
      el('h3', null, esc(q.notes.scenario)) + el('ul', null, c.notes.map((n) => el('li', null, esc(n))).join('')),
    );
  for (const r of c.rows) {
    const own = input.scenario.options.find((o) => o.id === r.optionId)?.notes;
    const list = [...(own ? [own] : []), ...r.notes];
    if (list.length)
      parts.push(
        el('h3', null, esc(`${r.rank}. ${nameOf(x, r)}`)) +
          el('ul', null, list.map((n) => el('li', null, esc(n))).join('')),
      );
  }
  return section('notes', q.notes.title, parts.length ? parts.join('') : el('p', 'hint', esc(q.notes.none)));
}

export function signature(x: QuoteContext): string {
  const { q } = x;
  const rows = [q.signature.preparedBy, q.signature.approvedBy].map((who) => [esc(who), '', '', '']);
  return section(
    'signature',
    q.signature.title,
    table('signature', [q.signature.title, q.signature.name, q.signature.sign, q.signature.date].map(esc), rows),
  );
}

export function footer(x: QuoteContext): string {
  const v = x.input.catalogVersion;
  return el(
    'p',
    'footer',
    esc(fill(x.q.footer, { date: exportDate(x.input), version: v ? v.version : x.q.cover.catalogVersionNone })),
  );
}
