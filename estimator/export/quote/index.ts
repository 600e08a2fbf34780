/**
 * The PDF quote (issue 7, item 3; issue 10, item 3): one HTML document made from the same
 * ExportInput as the workbook and the CSV. The CLI prints it with headless Chromium
 * (estimator/cli/pdf.ts); the app shows it in its print view and prints that (renderer/src/quote).
 * Pure and deterministic: no clock (the date is `exportDate`), no DOM, every user string escaped.
 */
import { messagesFor } from '../messages';
import type { ExportInput } from '../types';
import { cumulativeChart, totalsChart } from './charts';
import { quoteCss } from './css';
import { facility } from './facility';
import { el, esc } from './html';
import { optionNames } from './labels';
import { quoteMessagesFor } from './messages';
import {
  assumptions,
  costLines,
  cover,
  footer,
  notes,
  rankedTable,
  recommendation,
  signature,
  type QuoteContext,
} from './sections';
import { sources } from './sources';
import { QUOTE_PAPERS, type QuoteOptions, type QuotePaper } from './types';

export { QUOTE_CSS, pageCss, quoteCss } from './css';
export { QUOTE_PAPERS, type QuoteOptions, type QuotePaper } from './types';

/** The quote's body: `<article class="quote">…</article>`, to place in a page that has `quoteCss(paper)`. */
export function quoteHtml(input: ExportInput, options: QuoteOptions): string {
  if (!QUOTE_PAPERS.includes(options.paper))
    throw new Error(`paper must be ${QUOTE_PAPERS.join(' or ')} (got ${String(options.paper)})`);
  const language = input.language ?? 'en';
  const m = messagesFor(language);
  const q = quoteMessagesFor(language);
  const c = input.comparison;
  const x: QuoteContext = { input, c, m, q, names: optionNames(c, m), paper: options.paper };
  const charts = el(
    'section',
    'charts',
    el('h2', null, esc(q.charts.title)) + totalsChart(c, x.names, q) + cumulativeChart(c, x.names, q),
  );
  return el(
    'article',
    'quote',
    [
      cover(x),
      recommendation(x),
      rankedTable(x),
      charts,
      costLines(x),
      facility(x),
      assumptions(x),
      sources(x),
      notes(x),
      signature(x),
      footer(x),
    ].join(''),
    `lang="${language}" data-paper="${options.paper}"`,
  );
}

/** A whole HTML page (what the CLI hands to Chromium): the stylesheet for the paper and the quote. */
export function quoteDocument(input: ExportInput, paper: QuotePaper): string {
  const language = input.language ?? 'en';
  const title = `${quoteMessagesFor(language).kind}: ${input.scenario.name}`;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${quoteCss(paper)}</style></head><body>${quoteHtml(input, { paper })}</body></html>`;
}
