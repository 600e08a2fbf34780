import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTrainingLog, type Calibration, type CalibrationErrors } from '../../../estimator/confidence';
import { useStores } from '../app/stores';
import { formatNumber } from '../estimator/format';
import { usePlatform } from '../platform';
import { CalibrationList } from './CalibrationList';
import { EMPTY_MEASURED, formOf, measurementOf, type MeasuredField, type MeasuredForm } from './measured';
import './calibration.css';

const FIELDS: MeasuredField[] = ['peakMemoryGB', 'tokensPerSecond', 'gpuWatts'];
/** A file bigger than this is not a calibrations export (one calibration is about 2 kB). */
const MAX_IMPORT_BYTES = 5e6;

type LogRead = { ok: true; format: string; matched: string[]; missing: string[] } | { ok: false; error: string };

/**
 * "Calibrate from your run" (issue 9): what the user measured for the configuration in the form, typed
 * or read from a pasted log; fitting it shows the error before and after, and keeps the calibration.
 */
export const CalibrationPanel = observer(function CalibrationPanel() {
  const { estimator, calibrations } = useStores();
  const platform = usePlatform();
  const { t, i18n } = useTranslation('calibration');
  const [form, setForm] = useState<MeasuredForm>(EMPTY_MEASURED);
  const [log, setLog] = useState('');
  const [logRead, setLogRead] = useState<LogRead | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const input = estimator.validation.input;
  const gpu = estimator.result?.gpu.name ?? input?.gpu ?? '';

  const readLog = () => {
    const read = parseTrainingLog(log, { seqLen: input?.seqLen });
    if (!read.ok) return setLogRead(read);
    setForm(formOf(read.measured));
    setLogRead({ ok: true, format: read.format, matched: read.matched, missing: read.missing });
  };

  const fit = async () => {
    if (!input) return setErrors([t('fit.invalidForm')]);
    const { measured, invalid } = measurementOf(form);
    if (invalid.length) return setErrors(invalid.map((f) => t('fit.notNumber', { field: t(`fields.${f}`) })));
    setBusy(true);
    try {
      const outcome = await calibrations.fit(input, measured, estimator.catalogSnapshot);
      setErrors(outcome.ok ? [] : outcome.errors);
    } catch (error) {
      setErrors([t('fit.failed', { message: error instanceof Error ? error.message : String(error) })]);
    } finally {
      setBusy(false);
    }
  };

  const exportJson = async () => {
    try {
      const bytes = new TextEncoder().encode(calibrations.exportJson());
      const saved = await platform.exportFile({ format: 'json', suggestedName: 'gpu-planner-calibrations', bytes });
      if (saved) platform.status.info(t('io.exported', { file: saved.name }));
    } catch (e) {
      platform.status.error(t('io.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const importJson = async () => {
    const file = await platform.openDataFile();
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES)
      return setErrors([t('io.tooLarge', { file: file.name, max: Math.round(MAX_IMPORT_BYTES / 1e6) })]);
    const outcome = await calibrations.importJson(await file.text(), estimator.catalogSnapshot);
    if (!outcome.ok) return setErrors([t('io.rejected', { file: file.name }), ...outcome.errors]);
    setErrors([]);
    platform.status.info(t('io.imported', { count: outcome.value, file: file.name }));
  };

  const lastFit = calibrations.lastFit;
  return (
    <section className="card calibration" aria-label={t('title')} data-testid="calibration-panel">
      <h3>{t('title')}</h3>
      <p className="hint">{t('hint', { gpu })}</p>
      <div className="calibration-fields">
        {FIELDS.map((field) => (
          <label key={field}>
            <span>{t(`fields.${field}`)}</span>
            <input
              type="text"
              inputMode="decimal"
              name={field}
              value={form[field]}
              placeholder={t(`placeholders.${field}`)}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <details className="calibration-log">
        <summary>{t('log.title')}</summary>
        <textarea
          aria-label={t('log.title')}
          rows={4}
          value={log}
          placeholder={t('log.placeholder')}
          onChange={(e) => setLog(e.target.value)}
        />
        <button type="button" onClick={readLog} disabled={!log.trim()}>
          {t('log.read')}
        </button>
        {logRead && !logRead.ok && (
          <p className="est-status error" role="alert">
            {logRead.error}
          </p>
        )}
        {logRead?.ok && (
          <div className="log-read" data-testid="log-read">
            <p>{t('log.matched', { count: logRead.matched.length, format: t(`log.formats.${logRead.format}`) })}</p>
            <ul className="mono">
              {logRead.matched.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
            {logRead.missing.map((m) => (
              <p key={m} className="hint">
                {m}
              </p>
            ))}
          </div>
        )}
      </details>
      <div className="calibration-actions">
        <button type="button" className="primary" onClick={() => void fit()} disabled={busy || !input}>
          {t('fit.button')}
        </button>
      </div>
      {errors.length > 0 && (
        <ul className="est-status error calibration-errors" role="alert" data-testid="calibration-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {lastFit && <FitResult calibration={lastFit} language={i18n.language} />}
      <CalibrationList />
      <div className="calibration-io">
        <button type="button" onClick={() => void exportJson()} disabled={calibrations.list.length === 0}>
          {t('io.export')}
        </button>
        <button type="button" onClick={() => void importJson()}>
          {t('io.import')}
        </button>
      </div>
    </section>
  );
});

const ERROR_KEYS: { quantity: 'memory' | 'throughput' | 'power'; key: keyof CalibrationErrors }[] = [
  { quantity: 'memory', key: 'memoryErrorPct' },
  { quantity: 'throughput', key: 'throughputErrorPct' },
  { quantity: 'power', key: 'powerErrorPct' },
];

/** Signed percent, as the validation table writes errors: "+12.3%", "−4.0%". */
export const signedPct = (v: number, language: string) =>
  `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatNumber(Math.abs(v), language, 1, 1)}%`;

/** The error of the estimate against what was measured, before and after the fit, per quantity measured. */
function FitResult({ calibration: c, language }: { calibration: Calibration; language: string }) {
  const { t } = useTranslation('calibration');
  const rows = ERROR_KEYS.filter(({ key }) => c.before[key] !== undefined);
  return (
    <table className="numbers fit-result" data-testid="fit-result">
      <caption>{t('fit.result', { label: c.label })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('fit.quantity')}</th>
          <th scope="col" className="num">
            {t('fit.before')}
          </th>
          <th scope="col" className="num">
            {t('fit.after')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ quantity, key }) => (
          <tr key={key} data-quantity={quantity}>
            <th scope="row">{t(`quantities.${quantity}`)}</th>
            <td className="num" data-testid={`fit-before-${quantity}`}>
              {signedPct(c.before[key]!, language)}
            </td>
            <td className="num" data-testid={`fit-after-${quantity}`}>
              {signedPct(c.after[key] ?? 0, language)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
