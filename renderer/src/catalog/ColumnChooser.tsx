import { useTranslation } from 'react-i18next';
import type { TableKind } from '../../../catalog/tables';
import { ORIGIN_COLUMN } from './CatalogGrid';
import { columnsOfKind } from './fields';
import { columnHeader } from './format';

interface Props {
  kind: TableKind;
  hidden: readonly string[];
  onChange: (hidden: string[]) => void;
}

/** Shows and hides a tab's columns (Community has no column tool panel); the choice is remembered. */
export function ColumnChooser({ kind, hidden, onChange }: Props) {
  const { t } = useTranslation('catalog');
  const columns = [
    ...columnsOfKind(kind)
      .map((f) => f.path)
      .filter((p) => p !== 'id'),
    ORIGIN_COLUMN,
  ];
  const toggle = (path: string, shown: boolean) =>
    onChange(shown ? hidden.filter((h) => h !== path) : [...hidden, path]);
  return (
    <details className="column-chooser">
      <summary>{t('toolbar.columns')}</summary>
      <div className="column-chooser-list" role="group" aria-label={t('toolbar.columns')}>
        <button type="button" onClick={() => onChange([])}>
          {t('toolbar.showAll')}
        </button>
        {columns.map((path) => (
          <label key={path}>
            <input type="checkbox" checked={!hidden.includes(path)} onChange={(e) => toggle(path, e.target.checked)} />
            {columnHeader(kind, path, t)}
          </label>
        ))}
      </div>
    </details>
  );
}
