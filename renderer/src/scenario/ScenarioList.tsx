import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { SHIPPED_SCENARIOS } from '../../../catalog/scenarios';
import { useStores } from '../app/stores';
import { useScenarioFormat } from './format';
import { scenarioName, type StoredScenario } from './records';

/** The user's scenarios (create, rename, duplicate, delete with undo) and the shipped examples. */
export const ScenarioList = observer(function ScenarioList() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const deleted = scenarios.deleted;
  return (
    <nav className="scenario-list" aria-label={t('list.title')}>
      <div className="list-head">
        <h3>{t('list.title')}</h3>
        <button type="button" className="primary" onClick={() => scenarios.create(t('list.untitled'))}>
          {t('list.new')}
        </button>
      </div>
      {scenarios.records.length === 0 && <p className="hint">{t('list.empty')}</p>}
      <ul data-testid="scenario-list">
        {scenarios.records.map((record) => (
          <Item key={record.id} record={record} />
        ))}
      </ul>
      {deleted && (
        <div className="undo-toast" role="status" data-testid="undo-delete">
          <span>{t('list.deleted', { name: scenarioName(deleted.raw) })}</span>
          <button type="button" onClick={scenarios.restoreDeleted}>
            {t('list.undoDelete')}
          </button>
          <button type="button" aria-label={t('list.dismiss')} onClick={scenarios.dismissDeleted}>
            ×
          </button>
        </div>
      )}
      <h3 className="examples-title">{t('list.examples')}</h3>
      <p className="hint">{t('list.examplesHint')}</p>
      <ul className="examples" data-testid="scenario-examples">
        {SHIPPED_SCENARIOS.map((example) => (
          <li key={example.file}>
            <button type="button" onClick={() => scenarios.openExample(example.file)}>
              {example.name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});

const Item = observer(function Item({ record }: { record: StoredScenario }) {
  const { scenarios } = useStores();
  const { t, language } = useScenarioFormat();
  const [renaming, setRenaming] = useState<string | null>(null);
  const name = scenarioName(record.raw) || t('list.untitled');
  const open = scenarios.openId === record.id;
  const options = Array.isArray(record.raw.options) ? record.raw.options.length : 0;
  const updated = new Date(record.updatedAt).toLocaleDateString(language);

  const finishRename = (keep: boolean) => {
    if (keep && renaming !== null && renaming.trim()) scenarios.rename(record.id, renaming.trim());
    setRenaming(null);
  };

  return (
    <li className={open ? 'open' : undefined} data-scenario-id={record.id}>
      {renaming === null ? (
        <button
          type="button"
          className="scenario-name"
          aria-current={open}
          onClick={() => scenarios.openScenario(record.id)}
        >
          <span className="name">{name}</span>
          <span className="meta">
            {t('list.meta', { count: options, date: updated })}
            {record.file && ` · ${record.file.name}${record.fileDirty ? ' •' : ''}`}
          </span>
        </button>
      ) : (
        <input
          className="rename"
          aria-label={t('list.renameLabel')}
          value={renaming}
          // The rename box replaces the name the user just asked to change: it takes the focus.
          autoFocus
          onChange={(e) => setRenaming(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') finishRename(true);
            if (e.key === 'Escape') finishRename(false);
          }}
          onBlur={() => finishRename(true)}
        />
      )}
      {open && renaming === null && (
        <div className="item-actions">
          <button type="button" onClick={() => setRenaming(name)}>
            {t('list.rename')}
          </button>
          <button type="button" onClick={() => scenarios.duplicate(record.id, t('list.copyWord'))}>
            {t('list.duplicate')}
          </button>
          <button type="button" className="danger" onClick={() => scenarios.remove(record.id)}>
            {t('list.delete')}
          </button>
        </div>
      )}
    </li>
  );
});
