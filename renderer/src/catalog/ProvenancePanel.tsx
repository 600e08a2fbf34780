import { observer } from 'mobx-react-lite';
import { useTranslation } from 'react-i18next';
import { getPath } from '../../../catalog/paths';
import { pricesWithAge } from '../../../catalog/staleness';
import { plainRow } from '../../../catalog/stored';
import type { TableKind } from '../../../catalog/tables';
import type { CatalogStore, Problems } from './CatalogStore';
import { changedBy, columnHeader, formatPrice, formatValue, formatWhen } from './format';
import type { AnyStoredRow } from './tables';

interface Props {
  kind: TableKind;
  row: AnyStoredRow | undefined;
  store: CatalogStore;
  onDone: (id: string, problems: Problems) => void;
}

/**
 * Where the selected row's figures come from: its source and date, each price's date, age and
 * source (flagged when stale), and every cell the user changed — by whom, when, and the shipped
 * value it replaced — with "revert to shipped value" per cell and for the whole row.
 */
export const ProvenancePanel = observer(function ProvenancePanel({ kind, row, store, onDone }: Props) {
  const { t, i18n } = useTranslation('catalog');
  const lang = i18n.language;
  if (!row)
    return (
      <aside className="provenance" aria-label={t('provenance.title')}>
        <h3>{t('provenance.title')}</h3>
        <p className="hint">{t('provenance.empty')}</p>
      </aside>
    );

  const prices = pricesWithAge(plainRow(row), new Date(), store.staleMonths);
  const edits = Object.entries(row.edits);
  const conflicts = store.conflictsOf(kind, row.id);
  const version = store.version?.version ?? store.shipped.version;
  const revert = (field?: string) =>
    void (field ? store.revertCell(kind, row.id, field) : store.revertRow(kind, row.id)).then((p) => onDone(row.id, p));

  return (
    <aside className="provenance" aria-label={t('provenance.title')} data-testid="provenance">
      <h3>{t('provenance.title')}</h3>
      <p className="provenance-name">
        <strong>{String(row.name ?? row.id)}</strong> <code>{row.id}</code>
      </p>
      <dl>
        <dt>{t('provenance.origin')}</dt>
        <dd>{row.origin === 'user' ? t('provenance.userRow') : t('provenance.shippedRow', { version })}</dd>
        {typeof row.source === 'string' && (
          <>
            <dt>{t('provenance.source')}</dt>
            <dd className="source-text">{row.source}</dd>
          </>
        )}
        {typeof row.asOf === 'string' && (
          <>
            <dt>{t('provenance.asOf')}</dt>
            <dd>{row.asOf}</dd>
          </>
        )}
      </dl>

      {prices.length > 0 && (
        <section>
          <h4>{t('provenance.prices')}</h4>
          <ul className="provenance-list">
            {prices.map((p) => {
              const price = getPath(row, p.path) as Record<string, unknown>;
              return (
                <li key={p.path} className={p.stale ? 'stale' : undefined} data-price={p.path}>
                  <div className="provenance-field">
                    {columnHeader(kind, p.path, t)}
                    {p.stale && <span className="stale-badge">{t('stale.badge')}</span>}
                  </div>
                  <div>
                    {t('provenance.priceLine', {
                      value: formatPrice(price, lang, t, row.per),
                      asOf: p.asOf,
                      age: t('stale.age', { count: p.months }),
                    })}
                  </div>
                  <div className="source-text">{String(price.source ?? '')}</div>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {row.origin === 'shipped' && (
        <section>
          <h4>{t('provenance.edits')}</h4>
          {edits.length === 0 ? (
            <p className="hint">{t('provenance.noEdits')}</p>
          ) : (
            <>
              <ul className="provenance-list">
                {edits.map(([field, edit]) => {
                  const conflict = conflicts.find((c) => c.field === field);
                  return (
                    <li key={field} data-edit={field}>
                      <div className="provenance-field">
                        {columnHeader(kind, field, t)}
                        <button type="button" onClick={() => revert(field)}>
                          {t('provenance.revertCell')}
                        </button>
                      </div>
                      <div className="edited-value">{formatValue(getPath(row, field), lang, t)}</div>
                      <div className="hint">
                        {t('provenance.changedBy', { who: changedBy(edit.by, t), when: formatWhen(edit.at, lang) })}
                      </div>
                      <div className="hint">
                        {t('provenance.replaced', { value: formatValue(edit.shipped, lang, t) })}
                      </div>
                      {conflict && (
                        <div className="conflict-note">
                          {t('provenance.conflict', { value: formatValue(conflict.newShipped, lang, t) })}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
              <button type="button" onClick={() => revert()}>
                {t('provenance.revertRow')}
              </button>
            </>
          )}
        </section>
      )}
    </aside>
  );
});
