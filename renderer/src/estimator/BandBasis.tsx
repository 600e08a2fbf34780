import { useTranslation } from 'react-i18next';
import type { BandQuantity, EstimateWithConfidence } from '../../../estimator/confidence';
import { bandText } from './band';

const QUANTITIES: BandQuantity[] = ['memory', 'throughput', 'power'];

/**
 * One short line per band: how wide it is and what it rests on (the validation rows of this regime, a
 * broader regime's widened, or the floor). The domain's `basis` is English; this says it in the user's language.
 */
export function BandBasis({ estimate: e }: { estimate: EstimateWithConfidence }) {
  const { t, i18n } = useTranslation('calibration');
  if (!e.bands) return null;
  return (
    <ul className="band-basis" data-testid="band-basis" aria-label={t('basis.title')}>
      {QUANTITIES.map((q) => {
        const b = e.bands[q];
        return (
          <li key={q} data-quantity={q} title={b.basis}>
            {t(`basis.${b.level}`, {
              quantity: t(`quantities.${q}`),
              band: bandText(b, i18n.language),
              count: b.rows,
              regime: b.regime,
              basedOn: b.basedOn,
            })}
          </li>
        );
      })}
    </ul>
  );
}

/** "Calibrated on 2026-11-23 (…)" when one of the user's calibrations moved this estimate. */
export function CalibratedOn({ estimate: e }: { estimate: EstimateWithConfidence }) {
  const { t } = useTranslation('calibration');
  if (!e.calibration) return null;
  return (
    <p className="calibrated-on" data-testid="calibrated-on">
      {t('calibratedOn', { date: e.calibration.date, label: e.calibration.label })}
    </p>
  );
}
