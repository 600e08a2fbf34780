import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableKind } from '../../../catalog/tables';
import type { CatalogStore, ImportOutcome } from './CatalogStore';

interface Props {
  kind: TableKind;
  store: CatalogStore;
  /** Called with the outcome of an import that ran (rejected or applied), or null when closed. */
  onClose: (outcome: ImportOutcome | null) => void;
}

/** Vendor quotes pasted as CSV, tab-separated rows from a spreadsheet, or JSON rows. */
export function PasteDialog({ kind, store, onClose }: Props) {
  const { t } = useTranslation('catalog');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const check = async () => {
    setBusy(true);
    const outcome = await store.importRows(kind, text, { pasted: true });
    setBusy(false);
    onClose(outcome);
  };

  return (
    <dialog ref={dialog} className="paste-dialog" aria-labelledby="paste-title" onCancel={() => onClose(null)}>
      <h3 id="paste-title">{t('import.pasteTitle', { row: t(`rowNames.${kind}`) })}</h3>
      <p className="hint">{t('import.pasteHint')}</p>
      <label htmlFor="paste-rows">{t('import.pasteLabel')}</label>
      <textarea id="paste-rows" rows={12} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void check()}>
          {t('import.check')}
        </button>
        <button type="button" onClick={() => onClose(null)}>
          {t('import.close')}
        </button>
      </div>
    </dialog>
  );
}
