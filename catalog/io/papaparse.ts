// @ts-expect-error -- typed below on purpose: @types/papaparse pulls in all of @types/node.
import untyped from 'papaparse/papaparse.js';

/**
 * The part of papaparse the catalog uses. Typed here rather than through @types/papaparse because
 * those types drag @types/node into every program that imports the catalog, which would let Node
 * globals slip unnoticed into domain code that must also run in the browser and in workers.
 */
export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code: string;
  message: string;
  row?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
}

export interface Papaparse {
  parse<T>(
    input: string,
    config?: { skipEmptyLines?: boolean | 'greedy'; delimitersToGuess?: string[] },
  ): ParseResult<T>;
  unparse(input: { fields: string[]; data: string[][] }, config?: { newline?: string }): string;
}

/**
 * A default import: papaparse is a UMD bundle, so under Node's own ESM loader (tsx, the command
 * lines) a namespace import holds only `default`, while Vite and vitest hand both the same object.
 */
export const Papa = untyped as Papaparse;
