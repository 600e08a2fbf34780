import { observer } from 'mobx-react-lite';
import { useTranslation } from 'react-i18next';
import { TABLE_KINDS } from '../../../catalog/tables';
import type { CatalogStore, Problems } from './CatalogStore';
import { columnHeader, formatValue } from './format';
import { localizeProblem } from './problems';

interface Props {
  store: CatalogStore;
  onProblems: (problems: Problems) => void;
}

/** What the last catalog update did, until the user has read it. */
export const UpdateBanner = observer(function UpdateBanner({ store }: { store: CatalogStore }) {
  const { t } = useTranslation('catalog');
  const update = store.lastUpdate;
  if (!update || update.dismissed || update.firstRun) return null;
  const sum = (key: 'added' | 'updated' | 'removed') =>
    TABLE_KINDS.reduce((n, kind) => n + (update.summary[kind]?.[key] ?? 0), 0);
  const list = (key: 'keptRemovedUpstream' | 'shadowedByUser' | 'invalid') =>
    TABLE_KINDS.flatMap((kind) => update.summary[kind]?.[key] ?? []);
  const kept = list('keptRemovedUpstream');
  const shadowed = list('shadowedByUser');
  const invalid = list('invalid');
  return (
    <section className="update-banner" role="status" aria-labelledby="update-title">
      <h3 id="update-title">
        {update.from
          ? t('update.titleFrom', { from: update.from, to: update.to, asOf: update.asOf })
          : t('update.title', { to: update.to, asOf: update.asOf })}
      </h3>
      <p>{t('update.summary', { added: sum('added'), updated: sum('updated'), removed: sum('removed') })}</p>
      {kept.length > 0 && <p>{t('update.kept', { count: kept.length, ids: kept.join(', ') })}</p>}
      {shadowed.length > 0 && <p>{t('update.shadowed', { ids: shadowed.join(', ') })}</p>}
      {invalid.length > 0 && (
        <p>{t('update.invalid', { problems: invalid.map((p) => localizeProblem(p, t)).join('; ') })}</p>
      )}
      <button type="button" onClick={() => void store.dismissUpdate()}>
        {t('update.dismiss')}
      </button>
    </section>
  );
});

/** Cells the user edited that the new catalog changed too: take the new value, or keep theirs. */
export const ConflictList = observer(function ConflictList({ store, onProblems }: Props) {
  const { t, i18n } = useTranslation('catalog');
  const lang = i18n.language;
  const conflicts = store.conflicts;
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title" data-testid="conflicts">
      <h3 id="conflicts-title">{t('conflicts.title', { count: conflicts.length })}</h3>
      <table>
        <thead>
          <tr>
            <th>{t('conflicts.table')}</th>
            <th>{t('conflicts.row')}</th>
            <th>{t('conflicts.field')}</th>
            <th>{t('conflicts.mine')}</th>
            <th>{t('conflicts.oldShipped')}</th>
            <th>{t('conflicts.newShipped')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={`${c.table}/${c.id}/${c.field}`} data-conflict={`${c.table}/${c.id}/${c.field}`}>
              <td>{t(`tabs.${c.table}`)}</td>
              <td>
                <code>{c.id}</code>
              </td>
              <td>{columnHeader(c.table, c.field, t)}</td>
              <td className="mine">{formatValue(c.userValue, lang, t)}</td>
              <td>{formatValue(c.oldShipped, lang, t)}</td>
              <td className="theirs">{formatValue(c.newShipped, lang, t)}</td>
              <td className="conflict-actions">
                <button type="button" onClick={() => void store.resolveConflict(c, 'keep-mine').then(onProblems)}>
                  {t('conflicts.keep')}
                </button>
                <button type="button" onClick={() => void store.resolveConflict(c, 'accept-shipped').then(onProblems)}>
                  {t('conflicts.accept')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflicts.length > 1 && (
        <div className="conflict-actions">
          <button type="button" onClick={() => void store.resolveAll('keep-mine').then(onProblems)}>
            {t('conflicts.keepAll')}
          </button>
          <button type="button" onClick={() => void store.resolveAll('accept-shipped').then(onProblems)}>
            {t('conflicts.acceptAll')}
          </button>
        </div>
      )}
    </section>
  );
});
