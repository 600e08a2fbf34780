import type { z } from 'zod';
import { friendlyIssues } from './issues';

export type RowValidation<T> = { ok: true; rows: T[] } | { ok: false; errors: string[] };

/** `row 3 (h100-sxm5-80gb), field price.amount: must be ≥ 0` — row numbers count from 1 as a user reads a file. */
export function formatIssue(rowIndex: number, id: unknown, path: PropertyKey[], message: string, firstRow = 1): string {
  const who = typeof id === 'string' && id ? ` (${id})` : '';
  const field = path.length ? path.map(String).join('.') : '(row)';
  return `row ${rowIndex + firstRow}${who}, field ${field}: ${message}`;
}

export interface ValidateOptions {
  /** The number the first row carries in the user's file: 1 for a JSON array, 2 for a CSV under its header. */
  firstRow?: number;
}

/**
 * Validates a whole table and reports every bad row, not just the first, so a user
 * can fix an import in one pass. Duplicate ids are an error too.
 */
export function validateRows<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ValidateOptions = {},
): RowValidation<z.infer<S>> {
  if (!Array.isArray(input)) return { ok: false, errors: ['the file must hold a JSON array of rows'] };
  const firstRow = options.firstRow ?? 1;
  const errors: string[] = [];
  const rows: z.infer<S>[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw: unknown, i) => {
    const id = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as { id?: unknown }).id : undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of friendlyIssues(parsed.error.issues))
        errors.push(formatIssue(i, id, issue.path, issue.message, firstRow));
      return;
    }
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push(formatIssue(i, id, ['id'], `duplicates row ${first + firstRow}; ids must be unique`, firstRow));
        return;
      }
      seen.set(id, i);
    }
    rows.push(parsed.data);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
