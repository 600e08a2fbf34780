import type { QuotePaper } from './types';

/**
 * The quote's print CSS. The same rules style the CLI's PDF (page.setContent) and the app's print
 * view (the renderer adds them under `.quote-print`), so both print the same document.
 *
 * Page margins: 14 mm top/bottom and 12 mm at the sides, room for a printer's unprintable edge
 * (commonly ≤ 5 mm) and a hole punch; the body text is 9 pt, the tables 7.5 pt so the ranked table's
 * 13 columns fit a portrait A4 or Letter page (170–190 mm wide between the margins).
 */
export const PAGE_MARGIN = '14mm 12mm';

/** `@page` for the paper: its size and margins. */
export const pageCss = (paper: QuotePaper): string => `@page { size: ${paper} portrait; margin: ${PAGE_MARGIN}; }\n`;

/** Everything but `@page`, scoped to `.quote` so it never restyles the app around the print view. */
export const QUOTE_CSS = `
.quote { font-family: "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", "Helvetica", "Arial", sans-serif; font-size: 9pt; color: #111; line-height: 1.35; }
.quote h1 { font-size: 18pt; margin: 0 0 4pt; }
.quote h2 { font-size: 13pt; margin: 12pt 0 6pt; border-bottom: 1px solid #999; padding-bottom: 2pt; break-after: avoid; }
.quote h3 { font-size: 10.5pt; margin: 10pt 0 4pt; break-after: avoid; }
.quote p { margin: 3pt 0; }
.quote .product { font-size: 10pt; letter-spacing: 0.08em; text-transform: uppercase; color: #555; margin: 0; }
.quote .cover { border-bottom: 2px solid #222; padding-bottom: 8pt; }
.quote .cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 8pt 0 0; }
.quote .cover dt { font-weight: bold; }
.quote .cover dd { margin: 0; }
.quote .page-break { break-before: page; }
.quote table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin: 4pt 0 8pt; }
.quote thead { display: table-header-group; }
.quote tr { break-inside: avoid; }
.quote th, .quote td { border: 0.5pt solid #bbb; padding: 2pt 3pt; text-align: left; vertical-align: top; }
.quote th { background: #eef1f5; font-weight: bold; }
.quote td.num, .quote th.num { text-align: right; }
.quote td.num { white-space: nowrap; }
/* Headers wrap (Chinese ones are long) so the option and kind columns keep room for their names. */
.quote table.ranked td:nth-child(2) { min-width: 26mm; }
.quote table.ranked td:nth-child(3) { min-width: 14mm; }
.quote tr.infeasible td { color: #777; }
.quote tr.rank-1 td { font-weight: bold; }
.quote .recommendation .best { font-size: 11pt; font-weight: bold; }
.quote .warn { color: #9a3412; }
.quote .ok { color: #166534; }
.quote .hint { color: #555; font-size: 8pt; }
.quote figure { margin: 6pt 0 10pt; break-inside: avoid; }
.quote figcaption { font-weight: bold; margin-bottom: 3pt; }
.quote svg { display: block; max-width: 100%; height: auto; }
.quote svg text { font-family: inherit; font-size: 9px; fill: #222; }
.quote svg .axis { stroke: #888; stroke-width: 0.6; }
.quote .option-lines { break-inside: auto; }
.quote .facility-option { break-inside: avoid; }
.quote .facility-option dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 4pt 0; }
.quote .facility-option dt { font-weight: bold; }
.quote .facility-option dd { margin: 0; }
.quote .signature { break-inside: avoid; }
.quote .signature table td { height: 28pt; }
.quote .footer { margin-top: 14pt; color: #555; font-size: 7.5pt; }
.quote ul { margin: 2pt 0; padding-left: 14pt; }
`;

/** The whole print stylesheet for a paper: `@page` and the quote's rules. */
export const quoteCss = (paper: QuotePaper): string => pageCss(paper) + QUOTE_CSS;
