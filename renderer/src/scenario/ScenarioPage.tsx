import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { useStores } from '../app/stores';
import '../estimator/estimator.css';
import { usePlatform } from '../platform';
import { isEditable } from '../platform/shortcuts';
import { ScenarioExports } from '../quote/ScenarioExports';
import { AssumptionsForm } from './AssumptionsForm';
import { SCENARIO_PAGE } from './document';
import { ScenarioText } from './fields';
import { useScenarioFormat } from './format';
import { OptionsEditor } from './OptionsEditor';
import { ScenarioList } from './ScenarioList';
import { ScenarioResults } from './ScenarioResults';
import './scenario.css';
import { SiteForm } from './SiteForm';
import { WorkloadForm } from './WorkloadForm';

/** `#scenario?example=<file>` opens a copy of a shipped example (then the hash forgets it, so a reload does not copy again). */
function useExampleLink() {
  const { scenarios } = useStores();
  useEffect(() => {
    const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
    const example = query.get('example');
    if (!example) return;
    scenarios.openExample(example.endsWith('.json') ? example : `${example}.scenario.json`);
    history.replaceState(null, '', `#${SCENARIO_PAGE}`);
  }, [scenarios]);
}

/** Ctrl+Z / Ctrl+Y and Edit > Undo / Redo: a text field's own undo while it has the focus, else the scenario's. */
function useUndoCommands() {
  const { scenarios } = useStores();
  const { commands } = usePlatform();
  useEffect(() => {
    const handle = (command: 'undo' | 'redo') =>
      commands.handle(command, () => {
        if (isEditable(document.activeElement)) document.execCommand(command);
        else scenarios[command]();
      });
    const off = [handle('undo'), handle('redo')];
    return () => off.forEach((undo) => undo());
  }, [commands, scenarios]);
}

/** Issue 6, items 5 and 6: the user's scenarios, each a workload, assumptions, a site and options, compared. */
export const ScenarioPage = observer(function ScenarioPage() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  useExampleLink();
  useUndoCommands();
  return (
    <section className="panel estimator scenario" data-testid="scenario-page">
      <header className="estimator-header">
        <div>
          <h2>{t('title')}</h2>
          <p className="hint">{t('hint')}</p>
        </div>
      </header>
      <div className="scenario-layout">
        <ScenarioList />
        {scenarios.open ? <ScenarioEditor key={scenarios.open.id} /> : <Empty />}
      </div>
    </section>
  );
});

const Empty = observer(function Empty() {
  const { t } = useScenarioFormat();
  return (
    <div className="scenario-empty">
      <p>{t('empty')}</p>
    </div>
  );
});

const ScenarioEditor = observer(function ScenarioEditor() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const { commands } = usePlatform();
  const record = scenarios.open!;
  const problems = Object.values(scenarios.errors);
  const notes = scenarios.fileNotes[record.id] ?? [];
  return (
    <div className="scenario-editor">
      <div className="scenario-head">
        <div className="scenario-title">
          <ScenarioText path={['name']} label={t('fields.name')} emptyIs="" wide />
          <p className="file-state" data-testid="file-state">
            {record.file
              ? t(record.fileDirty ? 'file.linkedDirty' : 'file.linked', { name: record.file.name })
              : t('file.unlinked')}
          </p>
        </div>
        <div className="scenario-actions" role="toolbar" aria-label={t('actions.label')}>
          <button type="button" disabled={!scenarios.canUndo} onClick={scenarios.undo}>
            {t('actions.undo')}
          </button>
          <button type="button" disabled={!scenarios.canRedo} onClick={scenarios.redo}>
            {t('actions.redo')}
          </button>
          <button type="button" onClick={() => void commands.run('save')}>
            {t('actions.save')}
          </button>
          <button type="button" onClick={() => void commands.run('save-as')}>
            {t('actions.saveAs')}
          </button>
          <ScenarioExports />
        </div>
      </div>
      {typeof record.raw.description === 'string' && <p className="hint description">{record.raw.description}</p>}
      {notes.length > 0 && (
        <div className="est-status warn" role="status">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="problems">
          <p>{t('problems', { count: problems.length })}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="scenario-body">
        <form
          className="estimator-form scenario-form"
          aria-label={t('formLabel')}
          onSubmit={(e) => e.preventDefault()}
          noValidate
        >
          <WorkloadForm />
          <AssumptionsForm />
          <SiteForm />
          <OptionsEditor />
        </form>
        <ScenarioResults />
      </div>
    </div>
  );
});
