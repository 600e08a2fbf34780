import { observer } from 'mobx-react-lite';
import { useStores } from '../app/stores';
import { CalibrationPanel } from '../calibration/CalibrationPanel';
import { EstimatorFormView } from './EstimatorFormView';
import { EstimatorResults } from './EstimatorResults';
import { QUICK_PRESETS } from './presets';
import { useFormat } from './useFormat';
import './estimator.css';

/** Item 8 of issue 4: pick a model, method, GPU and layout; see memory, verdict, speed, time, power, assumptions. */
export const EstimatorPage = observer(function EstimatorPage() {
  const { estimator } = useStores();
  const { t } = useFormat();
  return (
    <section className="panel estimator">
      <header className="estimator-header">
        <div>
          <h2>{t('title')}</h2>
          <p className="hint">{t('hint')}</p>
        </div>
        <div className="presets" role="group" aria-label={t('presets.title')}>
          <span className="presets-title">{t('presets.title')}</span>
          {QUICK_PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-pressed={estimator.activePreset === p.id}
              onClick={() => estimator.applyPreset(p.id)}
            >
              {t(p.labelKey)}
            </button>
          ))}
        </div>
      </header>
      <div className="estimator-layout">
        <EstimatorFormView />
        <EstimatorResults />
      </div>
      <CalibrationPanel />
    </section>
  );
});
