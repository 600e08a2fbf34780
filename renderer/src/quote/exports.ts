import { exportCsv } from '../../../estimator/export/csv';
import type { ExportInput } from '../../../estimator/export/types';

/**
 * The bytes of each export, as the app writes them: the same functions, and the same encoding, as
 * `npm run -s compare -- --xlsx --csv` (the CLI writes the CSV string as UTF-8, BOM included).
 */
export async function xlsxBytes(input: ExportInput): Promise<Uint8Array> {
  // exceljs is heavy: loaded on the first export only.
  const { exportXlsx } = await import('../../../estimator/export/xlsx');
  return exportXlsx(input);
}

export const csvBytes = (input: ExportInput): Uint8Array => new TextEncoder().encode(exportCsv(input));
