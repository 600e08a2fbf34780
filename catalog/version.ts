import { z } from 'zod';
import { isoDateSchema } from './schema/common';

/** Which shipped catalog this is; the app compares it with the one it last merged. */
export const catalogVersionSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,2}(\.\d+)?$/, 'must look like 2026.11.23 (or 2026.11.23.1)'),
  asOf: isoDateSchema,
});
export type CatalogVersion = z.infer<typeof catalogVersionSchema>;

/** Negative when `a` is older than `b`, 0 when equal, positive when newer (numeric per part). */
export function compareCatalogVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
