import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Derivation } from '../../../estimator/confidence';
import type { CostLine } from '../../../estimator/costing/types';
import { toMajor } from '../../../estimator/scenario';
import { useStores } from '../app/stores';
import { bandText } from '../estimator/band';
import type { ExplainTarget } from './context';
import { derivationView, numberText } from './format';
import './explain.css';

/** The side panel a clicked figure opens: its formula, inputs with units, constants with sources, band, nearest rows. */
export function DerivationPanel({ target, onClose }: { target: ExplainTarget; onClose: () => void }) {
  const { t } = useTranslation('calibration');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className="derivation-panel" aria-label={t('explain.title')} data-testid="derivation-panel">
      <div className="derivation-head">
        <h3>{t('explain.title')}</h3>
        <button type="button" className="close" onClick={onClose} aria-label={t('explain.close')}>
          ×
        </button>
      </div>
      {target.kind === 'estimate' ? (
        <EstimateDerivation id={target.id} />
      ) : (
        <CostLineDerivation line={target.line} option={target.option} />
      )}
    </aside>
  );
}

/** A figure of the current estimate, derived in the worker as the CLI's `--explain` does; follows the form. */
const EstimateDerivation = observer(function EstimateDerivation({ id }: { id: string }) {
  const { estimator } = useStores();
  const { t } = useTranslation('calibration');
  const [derivations, setDerivations] = useState<Derivation[] | null>(null);
  const result = estimator.result;
  useEffect(() => {
    let live = true;
    estimator.explain().then(
      (d) => live && d && setDerivations(d),
      () => live && setDerivations([]),
    );
    return () => {
      live = false;
    };
  }, [estimator, result]);
  if (!derivations) return <p className="hint">{t('explain.loading')}</p>;
  const derivation = derivations.find((d) => d.id === id);
  if (!derivation) return <p className="hint">{t('explain.none')}</p>;
  return <DerivationBody derivation={derivation} />;
});

export function DerivationBody({ derivation }: { derivation: Derivation }) {
  const { t, i18n } = useTranslation('calibration');
  const v = derivationView(derivation, i18n.language);
  return (
    <div className="derivation" data-derivation={v.id}>
      <p className="derivation-figure">
        <span className="derivation-label">{v.label}</span>
        <strong data-testid="derivation-value">
          {v.value} {v.unit}
        </strong>
      </p>
      <h4>{t('explain.formula')}</h4>
      <p className="mono formula" data-testid="derivation-formula">
        {v.formula}
      </p>
      {v.inputs.length > 0 && (
        <>
          <h4>{t('explain.inputs')}</h4>
          <table className="numbers derivation-table" data-testid="derivation-inputs">
            <tbody>
              {v.inputs.map((i) => (
                <tr key={i.name}>
                  <th scope="row" className="mono">
                    {i.name}
                  </th>
                  <td className="num">{i.value}</td>
                  <td>{i.unit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {v.constants.length > 0 && (
        <>
          <h4>{t('explain.constants')}</h4>
          <table className="numbers derivation-table" data-testid="derivation-constants">
            <tbody>
              {v.constants.map((c) => (
                <tr key={c.name}>
                  <th scope="row" className="mono">
                    {c.name}
                  </th>
                  <td className="num">{c.value}</td>
                  <td>{c.unit}</td>
                  <td className="source">{c.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {v.band && (
        <>
          <h4>{t('explain.band')}</h4>
          <p data-testid="derivation-band">
            {t('explain.bandLine', {
              band: bandText(v.band, i18n.language),
              rows: v.band.rows,
              regime: v.band.regime,
            })}
          </p>
        </>
      )}
      <h4>{t('explain.nearest')}</h4>
      {v.nearestRows.length === 0 ? (
        <p className="hint">{t('explain.noRows')}</p>
      ) : (
        <table className="numbers derivation-table" data-testid="derivation-rows">
          <thead>
            <tr>
              <th scope="col">{t('explain.rowCase')}</th>
              <th scope="col" className="num">
                {t('explain.rowMeasured')}
              </th>
              <th scope="col" className="num">
                {t('explain.rowPredicted')}
              </th>
              <th scope="col" className="num">
                {t('explain.rowError')}
              </th>
            </tr>
          </thead>
          <tbody>
            {v.nearestRows.map((r) => (
              <tr key={`${r.case}:${r.quantity}`}>
                <td className="mono">{r.case}</td>
                <td className="num">
                  {r.measured} {r.unit}
                </td>
                <td className="num">
                  {r.predicted} {r.unit}
                </td>
                <td className="num">{r.errorPct}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A cost line of a scenario option: the costing's own formula, inputs and source (estimator/costing). */
function CostLineDerivation({ line, option }: { line: CostLine; option: string }) {
  const { t, i18n } = useTranslation('calibration');
  const amount = toMajor(line);
  return (
    <div className="derivation" data-derivation={`cost.${line.id}`}>
      <p className="derivation-figure">
        <span className="derivation-label">
          {/* A cloud option's lines are named after the instance, often the option's own name: say it once. */}
          {line.label.includes(option) ? line.label : `${line.label} · ${option}`}
        </span>
        <strong data-testid="derivation-value">
          {numberText(amount, i18n.language)} {line.currency}
        </strong>
      </p>
      <h4>{t('explain.formula')}</h4>
      <p className="mono formula" data-testid="derivation-formula">
        {line.formula}
      </p>
      <h4>{t('explain.inputs')}</h4>
      <table className="numbers derivation-table" data-testid="derivation-inputs">
        <tbody>
          {Object.entries(line.inputs).map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="num">{typeof value === 'number' ? numberText(value, i18n.language) : String(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('explain.source')}</h4>
      <p className="source">{line.source}</p>
    </div>
  );
}
