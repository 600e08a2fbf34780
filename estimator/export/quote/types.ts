/** The paper sizes the quote prints on (issue 7, item 3): Chromium's and Electron's names for them. */
export const QUOTE_PAPERS = ['A4', 'Letter'] as const;
export type QuotePaper = (typeof QUOTE_PAPERS)[number];

export interface QuoteOptions {
  readonly paper: QuotePaper;
}
