import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Suggestion } from '../../../estimator/compare';
import { useStores } from '../app/stores';
import { useScenarioFormat } from './format';

/** "Suggest": the catalog swept in the worker for the options that answer the workload best; the chosen ones are added. */
export const SuggestPanel = observer(function SuggestPanel() {
  const { scenarios } = useStores();
  const { t, num } = useScenarioFormat();
  const state = scenarios.suggestState;
  const ready = !!scenarios.check?.scenario;
  return (
    <div className="suggest wide" data-testid="suggest">
      <h4 className="subgroup">{t('suggest.title')}</h4>
      {state.status !== 'running' && state.status !== 'done' && (
        <>
          <p className="field-hint">{t('suggest.hint')}</p>
          <button type="button" disabled={!ready} onClick={() => void scenarios.suggest()}>
            {t('suggest.start')}
          </button>
          {state.status === 'cancelled' && <p className="field-hint">{t('suggest.cancelled')}</p>}
          {state.status === 'failed' && (
            <p className="field-error" role="alert">
              {t('suggest.failed', { message: state.message })}
            </p>
          )}
        </>
      )}
      {state.status === 'running' && (
        <div className="suggest-progress">
          <progress
            aria-label={t('suggest.progress')}
            max={state.total || 1}
            value={state.done}
            data-testid="suggest-progress"
          />
          <span className="field-hint">
            {state.total
              ? t('suggest.counting', { done: num(state.done), total: num(state.total) })
              : t('suggest.starting')}
          </span>
          <button type="button" onClick={scenarios.cancelSuggest}>
            {t('suggest.cancel')}
          </button>
        </div>
      )}
      {state.status === 'done' && <Suggestions suggestions={state.suggestions} />}
    </div>
  );
});

function Suggestions({ suggestions }: { suggestions: readonly Suggestion[] }) {
  const { scenarios } = useStores();
  const { t, money, hours, kindText } = useScenarioFormat();
  const [chosen, setChosen] = useState<string[]>(() => suggestions.map((s) => s.option.id));
  if (suggestions.length === 0)
    return (
      <>
        <p className="field-hint">{t('suggest.nothing')}</p>
        <button type="button" onClick={scenarios.dismissSuggestions}>
          {t('suggest.close')}
        </button>
      </>
    );
  return (
    <>
      <p className="field-hint">{t('suggest.found', { count: suggestions.length })}</p>
      <ul className="suggestions" data-testid="suggestions">
        {suggestions.map(({ option, row }) => (
          <li key={option.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(option.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, option.id] : chosen.filter((id) => id !== option.id))
                }
              />
              <span className="suggestion-name">{row.label}</span>
              <span className="suggestion-meta">
                {kindText(row)} · {row.nodes} × {row.gpu} ·{' '}
                {row.totalCost !== null ? money(row.totalCost, row.currency) : '—'} ·{' '}
                {row.hoursPerRun !== null ? hours(row.hoursPerRun) : '—'}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="add-actions">
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0}
          onClick={() => scenarios.addSuggestions(chosen)}
        >
          {t('suggest.add', { count: chosen.length })}
        </button>
        <button type="button" onClick={scenarios.dismissSuggestions}>
          {t('suggest.close')}
        </button>
      </div>
    </>
  );
}
