import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { QUOTE_PAPERS, quoteCss, quoteHtml, type QuotePaper } from '../../../estimator/export/quote';
import type { ExportInput } from '../../../estimator/export/types';
import './quote-print.css';

/** Marks the page as printing the quote, so the print CSS hides everything but the view. */
const PRINTING = 'quote-printing';

export interface QuotePrintViewProps {
  input: ExportInput;
  paper: QuotePaper;
  onPaper: (paper: QuotePaper) => void;
  onPrint: () => void;
  onClose: () => void;
}

/**
 * The PDF quote on screen (issue 7, item 3): the same HTML the command line prints
 * (estimator/export/quote), on a sheet of the chosen paper over the app, with the quote's own
 * stylesheet. Printing it (Electron's printToPDF, the browser's print dialog) prints only the quote.
 */
export function QuotePrintView({ input, paper, onPaper, onPrint, onClose }: QuotePrintViewProps) {
  const { t } = useTranslation('quote');
  // quoteHtml escapes every user string: the markup is the quote's own.
  const html = useMemo(() => quoteHtml(input, { paper }), [input, paper]);
  useEffect(() => {
    document.body.classList.add(PRINTING);
    return () => document.body.classList.remove(PRINTING);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    <div
      className="quote-print-root"
      role="dialog"
      aria-modal="true"
      aria-label={t('print.title')}
      data-testid="quote-print-view"
    >
      <style>{quoteCss(paper)}</style>
      <div className="quote-print-toolbar">
        <h2>{t('print.title')}</h2>
        <label>
          {t('print.paper')}{' '}
          <select value={paper} onChange={(e) => onPaper(e.target.value as QuotePaper)} aria-label={t('print.paper')}>
            {QUOTE_PAPERS.map((p) => (
              <option key={p} value={p}>
                {t(`print.papers.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={onPrint}>
          {t('print.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('print.close')}
        </button>
      </div>
      <div className="quote-print-page" data-paper={paper} dangerouslySetInnerHTML={{ __html: html }} />
    </div>,
    document.body,
  );
}
