import { SENSITIVITY_FACTORS, type Comparison, type SensitivityPoint } from '../../../estimator/compare';
import type { SensitivityResult } from '../worker/api';
import { useOptionNames, useScenarioFormat } from './format';

/**
 * How the ranking moves when electricity, owned utilization, the spot price or the hardware price is 30%
 * lower or higher, everything else held (the domain's sensitivity()): each option's rank and total at
 * every point, the points where another option becomes the cheapest highlighted.
 */
export function SensitivityPanel({
  result,
  comparison,
  outOfDate,
}: {
  result: SensitivityResult;
  comparison: Comparison;
  outOfDate: boolean;
}) {
  const { t, language, money } = useScenarioFormat();
  const name = useOptionNames(comparison.rows);
  const multipliers = [...new Set(result.points.map((p) => p.multiplier))].sort((a, b) => a - b);
  const columns: SensitivityPoint[] = [
    result.base,
    ...SENSITIVITY_FACTORS.flatMap((f) =>
      multipliers.map((k) => result.points.find((p) => p.factor === f && p.multiplier === k)!),
    ),
  ];
  const changes = result.points.filter((p) => p.winnerChanges).length;
  const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
  const change = (k: number) => `${k < 1 ? '−' : '+'}${Math.round(Math.abs(k - 1) * 100)}%`;
  const rankIn = (p: SensitivityPoint, id: string) => p.ranking.findIndex((r) => r.optionId === id) + 1;

  return (
    <section
      className={`card sensitivity${outOfDate ? ' out-of-date' : ''}`}
      aria-label={t('sensitivity.title')}
      data-testid="sensitivity"
    >
      <h3>{t('sensitivity.title')}</h3>
      <p className="hint">
        {t('sensitivity.base', {
          option: result.base.cheapestOptionId ? name(result.base.cheapestOptionId) : t('sensitivity.none'),
        })}{' '}
        {changes === 0 ? t('sensitivity.robust') : t('sensitivity.changes', { count: changes })}
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('sensitivity.option')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('sensitivity.asIs')}
              </th>
              {SENSITIVITY_FACTORS.map((f) => (
                <th scope="colgroup" colSpan={multipliers.length} key={f}>
                  {t(`sensitivity.factors.${f}`)}
                </th>
              ))}
            </tr>
            <tr>
              {columns.slice(1).map((p) => (
                <th
                  scope="col"
                  key={`${p.factor}${p.multiplier}`}
                  className={p.winnerChanges ? 'winner-changes' : undefined}
                  data-winner-changes={p.winnerChanges}
                >
                  {change(p.multiplier)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => {
              const base = rankIn(result.base, row.optionId);
              return (
                <tr key={row.optionId} data-option-id={row.optionId}>
                  <th scope="row">{name(row.optionId)}</th>
                  {columns.map((p, i) => {
                    const entry = p.ranking.find((r) => r.optionId === row.optionId);
                    const rank = rankIn(p, row.optionId);
                    const classes = [
                      rank !== base ? 'rank-moved' : '',
                      p.cheapestOptionId === row.optionId ? 'cheapest' : '',
                      entry?.feasible ? '' : 'infeasible',
                    ].filter(Boolean);
                    return (
                      <td
                        key={i}
                        className={classes.join(' ') || undefined}
                        title={entry?.totalCost != null ? money(entry.totalCost, comparison.currency) : undefined}
                      >
                        <span className="rank">{t('sensitivity.rank', { rank })}</span>
                        <span className="total">
                          {entry?.totalCost != null ? compact.format(entry.totalCost) : '—'}
                        </span>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('sensitivity.legend', { currency: comparison.currency })}</p>
    </section>
  );
}
