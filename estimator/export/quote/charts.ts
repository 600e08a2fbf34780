import type { Comparison } from '../../compare/types';
import { formatQuantity } from '../../scenario/money';
import { fill } from '../messages';
import { el, esc, money } from './html';
import type { QuoteMessages } from './messages';

/**
 * The quote's charts as inline SVG, drawn from the comparison alone so the CLI's PDF and the app's
 * print view are the same picture. Colours are SVG presentation attributes (no inline styles) and
 * print as they are with `printBackground`.
 */

/** Eight distinguishable colours (Okabe–Ito, colour-blind safe), reused in rank order. */
export const SERIES_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
const INFEASIBLE = '#b8b8b8';

/** Drawing units (the SVG scales to the page width): 600 wide. */
const WIDTH = 600;
const LABEL_W = 200;
const VALUE_W = 90;
const BAR_H = 16;
const BAR_GAP = 6;

export interface NamedRow {
  readonly name: string;
}

/** Horizontal bars of total cost, rank order; options without a cost are listed without a bar. */
export function totalsChart(c: Comparison, names: ReadonlyMap<string, string>, m: QuoteMessages): string {
  const rows = c.rows;
  const max = Math.max(0, ...rows.map((r) => r.totalCost ?? 0));
  const height = rows.length * (BAR_H + BAR_GAP) + BAR_GAP;
  const span = WIDTH - LABEL_W - VALUE_W;
  const bars = rows
    .map((r, i) => {
      const y = BAR_GAP + i * (BAR_H + BAR_GAP);
      const w = r.totalCost !== null && max > 0 ? Math.max(1, (r.totalCost / max) * span) : 0;
      const color = r.feasible ? SERIES_COLORS[i % SERIES_COLORS.length]! : INFEASIBLE;
      const name = `${r.rank}. ${names.get(r.optionId) ?? r.label}`;
      const value = r.totalCost === null ? m.table.infeasible : money(r.totalCost, c.currency);
      return (
        `<text x="${LABEL_W - 6}" y="${y + BAR_H - 4}" text-anchor="end">${esc(clip(name, 38))}</text>` +
        (w > 0 ? `<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${color}"/>` : '') +
        `<text x="${(LABEL_W + w + 4).toFixed(1)}" y="${y + BAR_H - 4}">${esc(value)}</text>`
      );
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(fill(m.charts.totals, { currency: c.currency }))}">${bars}</svg>`;
  return el(
    'figure',
    'chart chart-totals',
    el('figcaption', null, esc(fill(m.charts.totals, { currency: c.currency }))) + svg,
  );
}

/** Cumulative cost by month, one line per option with a cost; a legend under it. */
export function cumulativeChart(c: Comparison, names: ReadonlyMap<string, string>, m: QuoteMessages): string {
  const caption = fill(m.charts.cumulative, { months: c.workload.horizonMonths, currency: c.currency });
  const series = c.rows.filter((r) => r.cumulativeCost && r.cumulativeCost.length > 1);
  if (series.length === 0)
    return el(
      'figure',
      'chart chart-cumulative',
      el('figcaption', null, esc(caption)) + el('p', 'hint', esc(m.charts.noData)),
    );
  const months = Math.max(...series.map((r) => r.cumulativeCost!.length - 1));
  const step = niceStep(Math.max(...series.map((r) => Math.max(...r.cumulativeCost!)), 0) / 4);
  const max = step * 4;
  const left = 70;
  const top = 10;
  const plotW = WIDTH - left - 10;
  const plotH = 200;
  const x = (month: number) => left + (month / Math.max(months, 1)) * plotW;
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, 1, 2, 3, 4]
    .map((k) => {
      const v = step * k;
      return `<line class="axis" x1="${left}" x2="${left + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd" stroke-width="0.5"/><text x="${left - 4}" y="${(y(v) + 3).toFixed(1)}" text-anchor="end">${esc(compact(v))}</text>`;
    })
    .join('');
  const monthTicks = [0, Math.round(months / 2), months]
    .map((mo, i) => {
      const anchor = i === 0 ? 'start' : i === 2 ? 'end' : 'middle';
      return `<text x="${x(mo).toFixed(1)}" y="${top + plotH + 12}" text-anchor="${anchor}">${esc(`${m.charts.month} ${mo}`)}</text>`;
    })
    .join('');
  const lines = series
    .map((r) => {
      const color = SERIES_COLORS[c.rows.indexOf(r) % SERIES_COLORS.length]!;
      const points = r.cumulativeCost!.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      return `<polyline points="${points}" fill="none" stroke="${color}" stroke-width="1.6"${r.feasible ? '' : ' stroke-dasharray="4 3"'}/>`;
    })
    .join('');
  const legendTop = top + plotH + 24;
  const legend = series
    .map((r, i) => {
      const color = SERIES_COLORS[c.rows.indexOf(r) % SERIES_COLORS.length]!;
      const col = i % 2;
      const row = Math.floor(i / 2);
      const lx = left + col * (plotW / 2);
      const ly = legendTop + row * 14;
      return `<rect x="${lx}" y="${ly}" width="10" height="8" fill="${color}"/><text x="${lx + 14}" y="${ly + 8}">${esc(clip(`${r.rank}. ${names.get(r.optionId) ?? r.label}`, 50))}</text>`;
    })
    .join('');
  const height = legendTop + Math.ceil(series.length / 2) * 14 + 4;
  const axes = `<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${top + plotH}"/><line class="axis" x1="${left}" x2="${left + plotW}" y1="${top + plotH}" y2="${top + plotH}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${esc(caption)}">${ticks}${axes}${lines}${monthTicks}${legend}</svg>`;
  return el('figure', 'chart chart-cumulative', el('figcaption', null, esc(caption)) + svg);
}

/** A round axis step (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) of at least `raw`, so the gridlines fall on round amounts. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((f) => f * power).find((s) => s >= raw)!;
}

/** Axis labels: 1.2M, 350k, 900. */
function compact(v: number): string {
  if (v >= 1e6) return `${formatQuantity(v / 1e6, 2)}M`;
  if (v >= 1e3) return `${formatQuantity(v / 1e3, 1)}k`;
  return v.toFixed(0);
}

/** A label cut to fit a chart row (the full name is in the tables). */
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
