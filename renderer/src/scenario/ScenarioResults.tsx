import { observer } from 'mobx-react-lite';
import type { Comparison } from '../../../estimator/compare';
import { useTranslation } from 'react-i18next';
import { useStores } from '../app/stores';
import { ExplainScope } from '../explain/context';
import { DerivationPanel } from '../explain/DerivationPanel';
import { ComparisonCharts, type SiteLimits } from './ComparisonCharts';
import { ComparisonGrid } from './ComparisonGrid';
import { CostLines } from './CostLines';
import { useOptionNames, useScenarioFormat } from './format';
import { RackPanel } from './RackView';
import { SensitivityPanel } from './SensitivityPanel';

/** The comparison of the open scenario: the answer first, then the grid, charts, cost lines, racks and sensitivity. */
export const ScenarioResults = observer(function ScenarioResults() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const comparison = scenarios.comparison;
  const scenario = scenarios.check?.scenario ?? null;
  const state = !comparison
    ? scenarios.computing
      ? 'computing'
      : 'empty'
    : scenarios.outOfDate
      ? scenarios.computing && Object.keys(scenarios.errors).length === 0
        ? 'computing'
        : 'out-of-date'
      : 'current';
  const selected = comparison?.rows.find((r) => r.optionId === scenarios.selectedOptionId) ?? null;
  const site = scenario?.assumptions.site;
  const limits: SiteLimits | null = site
    ? {
        powerKW: site.powerKW ?? null,
        coolingKW:
          comparison?.rows.find((r) => r.facilityPlan)?.facilityPlan?.coolingCapacityKW ?? site.coolingKW ?? null,
      }
    : null;

  return (
    <div className="estimator-results scenario-results" data-testid="scenario-results" data-state={state}>
      <p className="est-computing" aria-live="polite">
        {state === 'computing' ? t('status.computing') : ''}
      </p>
      {scenarios.failure && (
        <p className="est-status error" role="alert">
          {t(`status.${scenarios.failure.kind}Failed`, { message: scenarios.failure.message })}
        </p>
      )}
      {state === 'out-of-date' && <p className="est-status warn">{t('status.outOfDate')}</p>}
      {!comparison && state === 'empty' && <p className="hint">{t('status.empty')}</p>}
      {comparison && comparison.rows.length === 0 && <p className="hint">{t('status.noOptions')}</p>}
      {comparison && comparison.rows.length > 0 && (
        // A cost line clicked opens its derivation (formula, inputs, source) beside the results.
        <ExplainScope panel={(target, close) => <DerivationPanel target={target} onClose={close} />}>
          <div className="results-body">
            <Answer comparison={comparison} />
            <UncertainCallout comparison={comparison} />
            <ComparisonGrid comparison={comparison} />
            <ComparisonCharts
              comparison={comparison}
              deadlineHours={scenario?.workload.deadlineHours ?? null}
              site={limits}
            />
            <div className="detail">
              {selected && <CostLines row={selected} comparison={comparison} />}
              <RackPanel rows={comparison.rows} />
            </div>
            {scenarios.sensitivity && (
              <SensitivityPanel
                result={scenarios.sensitivity}
                comparison={comparison}
                outOfDate={scenarios.sensitivityRaw !== scenarios.comparedRaw}
              />
            )}
            <AssumptionsUsed comparison={comparison} />
          </div>
        </ExplainScope>
      )}
    </div>
  );
});

/** The answer in one sentence, as finance reads it: the cheapest option that does the work, its total, its break-even. */
function Answer({ comparison }: { comparison: Comparison }) {
  const { t, money, num } = useScenarioFormat();
  const name = useOptionNames(comparison.rows);
  const best = comparison.rows.find((r) => r.optionId === comparison.cheapestOptionId);
  const w = comparison.workload;
  if (!best || best.totalCost === null)
    return (
      <section className="verdict verdict-does-not-fit" data-testid="answer">
        <span className="verdict-word">{t('answer.none')}</span>
      </section>
    );
  const cloud = comparison.rows.find((r) => r.optionId === best.breakEvenAgainst);
  return (
    <section className="verdict verdict-fits" data-testid="answer">
      <div className="verdict-head">
        <span className="verdict-word">{name(best.optionId)}</span>
        <span className="verdict-detail">
          {t('answer.total', {
            total: money(best.totalCost, comparison.currency),
            months: w.horizonMonths,
            runs: num(w.runs),
            perRun: money(best.costPerRun ?? 0, comparison.currency),
          })}
        </span>
      </div>
      <p className="verdict-peak">
        {t('answer.cheapest', { count: comparison.rows.filter((r) => r.feasible).length })}
        {best.breakEvenMonths !== null &&
          cloud &&
          ` ${t('answer.breakEven', { option: name(cloud.optionId), month: best.breakEvenMonths })}`}
      </p>
    </section>
  );
}

/** When the cheapest option's cost range overlaps others', the ranking between them is not settled: say so. */
function UncertainCallout({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation('calibration');
  const name = useOptionNames(comparison.rows);
  const against = comparison.rankingUncertain ? comparison.uncertainAgainst : [];
  if (against.length === 0) return null;
  return (
    <p className="est-status warn ranking-uncertain" role="note" data-testid="ranking-uncertain">
      {t('ranking.uncertain', { options: against.map(name).join(', ') })}
    </p>
  );
}

/** Every assumption the comparison used, with its source, and every currency conversion made. */
function AssumptionsUsed({ comparison }: { comparison: Comparison }) {
  const { t } = useScenarioFormat();
  return (
    <details className="card assumptions">
      <summary>
        <h3>{t('used.title', { count: comparison.assumptions.length })}</h3>
      </summary>
      <div className="table-scroll">
        <table data-testid="assumptions-used">
          <thead>
            <tr>
              <th scope="col">{t('used.name')}</th>
              <th scope="col" className="num">
                {t('used.value')}
              </th>
              <th scope="col">{t('used.unit')}</th>
              <th scope="col">{t('used.source')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.assumptions.map((a) => (
              <tr key={a.name}>
                <td className="mono">{a.name}</td>
                <td className="num">{String(a.value)}</td>
                <td>{a.unit}</td>
                <td className="source">{a.source === 'scenario' ? t('used.scenario') : a.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {comparison.fx.length > 0 && (
        <>
          <h4>{t('used.fx')}</h4>
          <ul className="fx-notes">
            {comparison.fx.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
