import type { Comparison, ComparisonRow } from '../../../estimator/compare';
import type { PaidAt } from '../../../estimator/costing/types';
import { toMajor } from '../../../estimator/scenario';
import { Explainable } from '../explain/Explainable';
import { useOptionNames, useScenarioFormat } from './format';
import { verdictOf } from './verdict';

const inputText = (v: number | string | boolean | null) =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(8)))) : String(v);

/** The selected option line by line: what each line is, its amount, the arithmetic, what went in, and who said so. */
export function CostLines({ row, comparison }: { row: ComparisonRow; comparison: Comparison }) {
  const { t, money, kindText } = useScenarioFormat();
  const name = useOptionNames(comparison.rows)(row.optionId);
  const { verdict, reason } = verdictOf(row);
  const months = comparison.workload.horizonMonths;
  const paid = (p: PaidAt) =>
    typeof p === 'string' ? t(`lines.paid.${p}`, { months }) : t('lines.paid.months', { months: p.months.join(', ') });
  const amount = (minor: number) => money(toMajor({ amountMinor: minor, currency: row.currency }), row.currency);
  const totals: [string, number][] = row.minor
    ? [
        ['capex', row.minor.capex],
        ['opex', row.minor.opex],
        ...(row.minor.residual !== 0 ? ([['residual', -row.minor.residual]] as [string, number][]) : []),
      ]
    : [];
  return (
    <section className="card cost-lines" aria-label={t('lines.title', { option: name })} data-testid="cost-lines">
      <h3>{t('lines.title', { option: name })}</h3>
      <p className="hint">
        {kindText(row)} · {row.gpus} × {row.gpu}
        {row.layout &&
          ` · ${t('lines.layout', { tp: row.layout.tp, pp: row.layout.pp, dp: row.layout.dp, zero: row.layout.zero })}`}
      </p>
      <p className={`line-verdict verdict-${verdict}`}>
        <strong>{t(`verdict.${verdict}`)}</strong>
        {reason && ` — ${reason}`}
      </p>
      {row.lines.length > 0 && (
        <table className="lines">
          <thead>
            <tr>
              <th scope="col">{t('lines.line')}</th>
              <th scope="col" className="num">
                {t('lines.amount', { currency: row.currency })}
              </th>
              <th scope="col">{t('lines.formula')}</th>
            </tr>
          </thead>
          <tbody>
            {row.lines.map((l) => (
              <tr key={l.id} className={`line-${l.kind}`} data-line={l.id}>
                <td className="line-name">
                  <span className="line-label">{l.label}</span>
                  <span className="line-kind">
                    {t(`lines.kinds.${l.kind}`)} · {paid(l.paidAt)}
                  </span>
                </td>
                <td className="num">
                  <Explainable target={{ kind: 'cost', line: l, option: name }} label={l.label}>
                    {money(toMajor(l), l.currency).replace(`${l.currency} `, '')}
                  </Explainable>
                </td>
                <td className="working">
                  <span className="mono">{l.formula}</span>
                  <span className="inputs">
                    {Object.entries(l.inputs)
                      .map(([k, v]) => `${k} = ${inputText(v)}`)
                      .join(' · ')}
                  </span>
                  <span className="source">{t('lines.sourceText', { source: l.source })}</span>
                </td>
              </tr>
            ))}
          </tbody>
          {row.minor && (
            <tfoot>
              {totals.map(([key, minor]) => (
                <tr key={key}>
                  <th scope="row">{t(`lines.${key}`)}</th>
                  <td className="num">{amount(minor)}</td>
                  <td />
                </tr>
              ))}
              <tr className="total">
                <th scope="row">{t('lines.total')}</th>
                <td className="num" data-testid="lines-total">
                  {amount(row.minor.total)}
                </td>
                <td className="hint">{t('lines.totalHint')}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {row.notes.length > 0 && (
        <div className="notes">
          <h4>{t('lines.notes')}</h4>
          <ul>
            {row.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
