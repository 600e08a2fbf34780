import { observer } from 'mobx-react-lite';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotePaper } from '../../../estimator/export/quote';
import type { ExportInput } from '../../../estimator/export/types';
import { useStores } from '../app/stores';
import { usePlatform, type ExportFormat } from '../platform';
import { safeFileName } from '../platform/file-names';
import { defaultPageSize } from '../platform/start';
import { csvBytes, xlsxBytes } from './exports';
import { exportLanguage, scenarioExportInput } from './export-input';
import { QuotePrintView } from './QuotePrintView';

/**
 * Export xlsx / CSV / PDF for the open scenario (issue 7): the toolbar's buttons and File > Export
 * while the scenario screen is shown. xlsx and CSV are written as bytes (the command line's bytes for
 * the same scenario); PDF opens the print view, whose Print button prints it to PDF.
 */
export const ScenarioExports = observer(function ScenarioExports() {
  const { scenarios, catalog } = useStores();
  const platform = usePlatform();
  const { t, i18n } = useTranslation('quote');
  const [printing, setPrinting] = useState<ExportInput | null>(null);
  const [paper, setPaper] = useState<QuotePaper>(() => defaultPageSize(navigator.language));

  /** The input for an export, or null after saying on the status line why there is none yet. */
  const inputNow = useCallback((): ExportInput | null => {
    const input = scenarioExportInput(scenarios, catalog, exportLanguage(i18n.language));
    if (typeof input === 'string') {
      platform.status.error(t(`status.${input}`));
      return null;
    }
    return input;
  }, [scenarios, catalog, i18n.language, platform, t]);

  const write = useCallback(
    async (format: Extract<ExportFormat, 'xlsx' | 'csv'>) => {
      const input = inputNow();
      if (!input) return;
      try {
        const bytes = format === 'xlsx' ? await xlsxBytes(input) : csvBytes(input);
        const saved = await platform.exportFile({ format, suggestedName: safeFileName(input.scenario.name), bytes });
        if (saved) platform.status.info(t('status.exported', { name: saved.name }));
      } catch (e) {
        platform.status.error(t('status.failed', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [inputNow, platform, t],
  );

  const print = useCallback(async () => {
    if (!printing) return;
    try {
      const saved = await platform.printToPdf({
        suggestedName: safeFileName(printing.scenario.name),
        pageSize: paper,
        landscape: false,
      });
      if (saved && platform.kind === 'desktop') platform.status.info(t('status.exported', { name: saved.name }));
    } catch (e) {
      platform.status.error(t('status.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }, [printing, paper, platform, t]);

  // File > Export PDF (Ctrl+P) opens the print view, and prints once it is open.
  const pdf = useRef<() => void>(() => undefined);
  pdf.current = () => {
    if (printing) void print();
    else setPrinting(inputNow());
  };

  useEffect(() => {
    const off = [
      platform.commands.handle('export-xlsx', () => write('xlsx')),
      platform.commands.handle('export-csv', () => write('csv')),
      platform.commands.handle('export-pdf', () => pdf.current()),
    ];
    return () => off.forEach((undo) => undo());
  }, [platform, write]);

  return (
    <>
      <button type="button" onClick={() => void write('xlsx')} data-testid="export-xlsx">
        {t('actions.xlsx')}
      </button>
      <button type="button" onClick={() => void write('csv')} data-testid="export-csv">
        {t('actions.csv')}
      </button>
      <button type="button" onClick={() => pdf.current()} data-testid="export-pdf">
        {t('actions.pdf')}
      </button>
      {printing && (
        <QuotePrintView
          input={printing}
          paper={paper}
          onPaper={setPaper}
          onPrint={() => void print()}
          onClose={() => setPrinting(null)}
        />
      )}
    </>
  );
});
