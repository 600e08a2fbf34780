import type { CatalogTables, TableKind } from './tables';
import { formatIssue } from './validate';

export interface ReferenceProblem {
  table: TableKind;
  message: string;
}

/**
 * Rows that name a GPU must name one the catalog has. `gpuIds` defaults to the GPUs in `tables`;
 * an import of systems alone passes the ids already stored. `firstRow` as in validateRows.
 */
export function checkReferences(
  tables: Partial<CatalogTables>,
  gpuIds: ReadonlySet<string> = new Set((tables.gpus ?? []).map((g) => g.id)),
  firstRow = 1,
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const check = (table: 'systems' | 'cloudOffers', rows: readonly { id: string; gpu: string }[] | undefined) =>
    rows?.forEach((row, i) => {
      if (!gpuIds.has(row.gpu))
        problems.push({
          table,
          message: formatIssue(
            i,
            row.id,
            ['gpu'],
            `must be the id of a GPU in the catalog; there is no GPU "${row.gpu}"`,
            firstRow,
          ),
        });
    });
  check('systems', tables.systems);
  check('cloudOffers', tables.cloudOffers);
  return problems;
}
