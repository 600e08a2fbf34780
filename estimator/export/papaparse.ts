// @ts-expect-error -- typed below on purpose: @types/papaparse pulls in all of @types/node (as catalog/io/papaparse.ts explains).
import papaparse from 'papaparse/papaparse.js';

/**
 * The part of papaparse the exports use. A default import: papaparse is a UMD bundle, so under
 * Node's own ESM loader (`npm run -s compare`, tsx) a namespace import has only `default`, while
 * Vite and vitest hand the default import the same object.
 */
export interface Papaparse {
  unparse(input: { fields: string[]; data: string[][] }, config?: { newline?: string }): string;
  parse<T>(input: string, config?: { skipEmptyLines?: boolean | 'greedy' }): { data: T[]; errors: unknown[] };
}

export const Papa = papaparse as Papaparse;
