import type { Origin } from './schema/common';

/** A cell the user changed on a shipped row: what the catalog said, and when it was overridden. */
export interface CellEdit {
  /** The shipped value the user replaced (undefined when the shipped row had no such field). */
  shipped: unknown;
  /** ISO date-time of the edit. */
  at: string;
  /** Who changed it ('user' for edits made in this app; an import names its file). */
  by: string;
}

/**
 * A catalog row as the app stores it. Shipped rows carry `origin: 'shipped'`; rows the user made
 * carry `origin: 'user'`. `edits` is keyed by dotted field path (`priceNew.amount`) and marks the
 * cells of a shipped row that belong to the user, so a catalog update keeps them.
 */
export type StoredRow<T extends { id: string }> = T & {
  origin: Origin;
  edits: Record<string, CellEdit>;
};

/** The catalog row without the app's bookkeeping (what an export writes and a schema checks). */
export function plainRow<T extends { id: string }>(row: StoredRow<T>): T {
  const { origin: _origin, edits: _edits, ...rest } = row;
  return rest as unknown as T;
}
