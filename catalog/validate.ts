import type { z } from 'zod';

export type RowValidation<T> = { ok: true; rows: T[] } | { ok: false; errors: string[] };

/** `row 3 (h100-sxm5-80gb), field price.amount: must be ≥ 0` — row numbers count from 1 as a user reads a file. */
export function formatIssue(rowIndex: number, id: unknown, path: PropertyKey[], message: string): string {
  const who = typeof id === 'string' && id ? ` (${id})` : '';
  const field = path.length ? path.map(String).join('.') : '(row)';
  return `row ${rowIndex + 1}${who}, field ${field}: ${message}`;
}

/**
 * Validates a whole table and reports every bad row, not just the first, so a user
 * can fix an import in one pass. Duplicate ids are an error too.
 */
export function validateRows<S extends z.ZodType>(schema: S, input: unknown): RowValidation<z.infer<S>> {
  if (!Array.isArray(input)) return { ok: false, errors: ['the file must hold a JSON array of rows'] };
  const errors: string[] = [];
  const rows: z.infer<S>[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw: unknown, i) => {
    const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push(formatIssue(i, id, issue.path, issue.message));
      return;
    }
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        errors.push(formatIssue(i, id, ['id'], `duplicates row ${first + 1}; ids must be unique`));
        return;
      }
      seen.set(id, i);
    }
    rows.push(parsed.data);
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
