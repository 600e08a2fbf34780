import { observer } from 'mobx-react-lite';
import { useTranslation } from 'react-i18next';
import type { Calibration } from '../../../estimator/confidence';
import { useStores } from '../app/stores';
import { formatNumber } from '../estimator/format';

/** Factors as "memory × 1.100 · speed × 0.920": measured / predicted, three decimals. */
function factorText(c: Calibration, t: (key: string) => string, language: string): string {
  return (['memory', 'throughput', 'power'] as const)
    .filter((q) => c.factors[q] !== undefined)
    .map((q) => `${t(`quantities.${q}`)} × ${formatNumber(c.factors[q]!, language, 3, 3)}`)
    .join(' · ');
}

/** The user's calibrations: on/off, date, GPU, factors, delete. One is on per GPU at most. */
export const CalibrationList = observer(function CalibrationList() {
  const { calibrations } = useStores();
  const { t, i18n } = useTranslation('calibration');
  if (calibrations.list.length === 0) return <p className="hint">{t('list.empty')}</p>;
  return (
    <table className="calibration-list" data-testid="calibration-list">
      <caption>{t('list.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('list.on')}</th>
          <th scope="col">{t('list.label')}</th>
          <th scope="col">{t('list.date')}</th>
          <th scope="col">{t('list.factors')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('list.delete')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {calibrations.list.map((c) => (
          <tr key={c.id} data-calibration={c.id}>
            <td>
              <input
                type="checkbox"
                role="switch"
                aria-checked={c.enabled}
                aria-label={t('list.toggle', { label: c.label })}
                checked={c.enabled}
                onChange={(e) => void calibrations.setEnabled(c.id, e.target.checked)}
              />
            </td>
            <td>
              {c.label}
              <span className="hint"> · {c.gpu}</span>
            </td>
            <td>{c.date}</td>
            <td>{factorText(c, t, i18n.language)}</td>
            <td>
              <button
                type="button"
                onClick={() => void calibrations.remove(c.id)}
                aria-label={t('list.deleteOne', { label: c.label })}
              >
                {t('list.delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
