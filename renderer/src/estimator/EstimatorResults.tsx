import { observer } from 'mobx-react-lite';
import type { ReactNode } from 'react';
import type { DerivationId, EstimateWithConfidence } from '../../../estimator/confidence';
import type { Estimate } from '../../../estimator/training';
import { useStores } from '../app/stores';
import { ExplainScope } from '../explain/context';
import { DerivationPanel } from '../explain/DerivationPanel';
import { Explainable } from '../explain/Explainable';
import { bandText, inverseBand, type PercentBand } from './band';
import { BandBasis, CalibratedOn } from './BandBasis';
import {
  formatCount,
  formatDuration,
  formatEnergy,
  formatGB,
  formatGiB,
  formatGpuHours,
  formatNumber,
  formatPercent,
  formatPower,
  formatStep,
  formatTokensPerSecond,
} from './format';
import { MEMORY_PARTS, MemoryChart, memoryParts, PART_COLORS } from './MemoryChart';
import { noteText, type Translate } from './noteText';
import { useFormat } from './useFormat';

export const EstimatorResults = observer(function EstimatorResults() {
  const { estimator } = useStores();
  const { t } = useFormat();
  const result = estimator.result;
  const invalid = estimator.validation.input === null;
  const refused = !invalid ? estimator.estimateError : null;

  return (
    <div
      className="estimator-results"
      data-testid="estimator-results"
      data-state={invalid || refused ? 'out-of-date' : estimator.computing ? 'computing' : 'current'}
    >
      <p className="est-computing" aria-live="polite">
        {!invalid && !refused && estimator.computing ? t('status.computing') : ''}
      </p>
      {invalid && result && <p className="est-status warn">{t('status.invalid')}</p>}
      {refused && (
        <p className="est-status error" role="alert">
          {t('status.refused')} {refused}
        </p>
      )}
      {result ? <Results estimate={result} /> : !estimator.computing && <p className="hint">{t('status.empty')}</p>}
    </div>
  );
});

function Results({ estimate }: { estimate: EstimateWithConfidence }) {
  return (
    // Every figure opens its derivation (formula, inputs, constants, band, nearest validation rows) beside it.
    <ExplainScope panel={(target, close) => <DerivationPanel target={target} onClose={close} />}>
      <div className="results-body">
        <Summary estimate={estimate} />
        <Verdict estimate={estimate} />
        <Figures estimate={estimate} />
        <div className="cards-2">
          <MemoryCard estimate={estimate} />
          <StepCard estimate={estimate} />
        </div>
        <Assumptions estimate={estimate} />
      </div>
    </ExplainScope>
  );
}

/** "± 4%" beside a figure; nothing when the estimate came without bands. */
function Band({ band, testId }: { band: PercentBand | undefined; testId: string }) {
  const { language } = useFormat();
  if (!band) return null;
  return (
    <span className="band" data-testid={testId}>
      {bandText(band, language)}
    </span>
  );
}

function Summary({ estimate: e }: { estimate: Estimate }) {
  const { t, language, show } = useFormat();
  const precision =
    e.precision.requested === e.precision.effective
      ? t(`options.precision.${e.precision.effective}`)
      : t('summary.precisionFallback', {
          effective: t(`options.precision.${e.precision.effective}`),
          requested: t(`options.precision.${e.precision.requested}`),
        });
  return (
    <p className="summary" data-testid="estimate-summary">
      <strong>{e.model.id === null ? t('summary.customModel') : e.model.name}</strong>
      <span>
        {t('summary.params', {
          total: show(formatCount(e.params.total, language)),
          trainable: show(formatCount(e.params.trainable, language)),
        })}
      </span>
      <span>{t('summary.hardware', { gpus: e.layout.gpus, gpu: e.gpu.name })}</span>
      <span>{precision}</span>
    </p>
  );
}

const PHASES: Record<string, string> = {
  'forward (loss)': 'forwardLoss',
  'backward of the last layer': 'lastLayerBackward',
  'backward of the first layer': 'firstLayerBackward',
  'optimizer step': 'optimizerStep',
  'loss backward': 'lossBackward',
  'embedding backward': 'embeddingBackward',
};

function Verdict({ estimate: e }: { estimate: EstimateWithConfidence }) {
  const { t, language, show } = useFormat();
  const translate: Translate = (key, options) => t(key, options);
  const m = e.memory;
  const verdict = m.fitsConfidence;
  const staged = /^(.*) \((first|last) pipeline stage\)$/.exec(m.peakPhase);
  const phaseText = (phase: string) => {
    const key = PHASES[phase];
    return key ? t(`phases.${key}`) : phase;
  };
  const phase = staged
    ? t('phases.withStage', { phase: phaseText(staged[1]!), stage: t(`phases.${staged[2]}`) })
    : phaseText(m.peakPhase);
  return (
    <section className={`verdict verdict-${verdict}`} aria-label={t('verdict.label')} data-testid="verdict">
      <div className="verdict-head">
        <span className="verdict-word" data-testid="verdict-word">
          {t(`verdict.${verdict}`)}
        </span>
        <span className="verdict-detail">
          {t('verdict.detail', {
            needed: show(formatGB(m.requiredBytesPerGpu, language)),
            capacity: show(formatGB(m.capacityBytes, language)),
            share: show(formatPercent(m.requiredBytesPerGpu / m.capacityBytes, language, 0)),
          })}
        </span>
        <Band band={e.bands?.memory} testId="band-needed" />
      </div>
      {verdict !== 'fits' && (
        <p className="verdict-advice">
          {t(`verdict.${verdict}-advice`, { band: e.bands ? bandText(e.bands.memory, language) : '' })}
        </p>
      )}
      <CalibratedOn estimate={e} />
      <BandBasis estimate={e} />
      <p className="verdict-peak">{t('verdict.peak', { phase })}</p>
      {e.notes.length > 0 && (
        <div className="notes">
          <h3>{t('notes.title')}</h3>
          <ul data-testid="estimate-notes">
            {e.notes.map((note, i) => (
              // In the user's language from the note's code; the estimator's English where there is no template.
              <li key={`${i}:${note}`} data-code={e.noteCodes?.[i]?.code}>
                {noteText(translate, e.noteCodes?.[i], note)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Figure({
  id,
  label,
  value,
  sub,
  explain,
  band,
}: {
  id: string;
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  /** The derivation a click opens. */
  explain?: DerivationId;
  /** The figure's accuracy band or range, as text. */
  band?: string;
}) {
  return (
    <div className="figure" data-testid={`figure-${id}`}>
      <span className="figure-label">{label}</span>
      <span className="figure-value">
        {explain ? (
          <Explainable target={{ kind: 'estimate', id: explain }} label={label}>
            {value}
          </Explainable>
        ) : (
          value
        )}
      </span>
      {band && (
        <span className="band figure-band" data-testid={`band-${id}`}>
          {band}
        </span>
      )}
      {sub && <span className="figure-sub">{sub}</span>}
    </div>
  );
}

function Figures({ estimate: e }: { estimate: EstimateWithConfidence }) {
  const { t, language, show } = useFormat();
  const bands = e.bands;
  const band = (b: PercentBand | undefined) => (b ? bandText(b, language) : undefined);
  const range = ([low, high]: [number, number], f: (v: number) => string) =>
    t('band.range', { low: f(low), high: f(high) });
  const time = e.ranges?.timeSeconds;
  const tp = e.throughput;
  const none = t('kpi.notAsked');
  // Speed and time of a setup that runs out of memory are what it would do if it fitted: shown, but not as a result.
  const hypothetical = e.memory.fitsConfidence === 'does-not-fit';
  return (
    <div className={`figures${hypothetical ? ' hypothetical' : ''}`}>
      {hypothetical && <p className="figures-caption">{t('kpi.hypothetical')}</p>}
      <div className="figure-row primary">
        <Figure
          id="time"
          label={t('kpi.time')}
          value={e.time ? show(formatDuration(e.time.seconds, language)) : none}
          explain={e.time ? 'time.seconds' : undefined}
          band={time && range(time, (v) => show(formatDuration(v, language)))}
          sub={
            e.time ? t('kpi.timeSub', { steps: formatNumber(Math.ceil(e.time.steps), language) }) : t('kpi.timeMissing')
          }
        />
        <Figure
          id="gpu-hours"
          label={t('kpi.gpuHours')}
          value={e.time ? show(formatGpuHours(e.time.gpuHours, language)) : none}
          band={
            time && e.time
              ? // GPU-hours are the GPU count times the time: the same range, scaled.
                range(time, (v) => show(formatGpuHours((v / e.time!.seconds) * e.time!.gpuHours, language)))
              : undefined
          }
          sub={t('kpi.gpuHoursSub', { count: e.layout.gpus })}
        />
        <Figure
          id="energy"
          label={t('kpi.energy')}
          value={e.energy ? show(formatEnergy(e.energy.kWh, language)) : none}
          explain={e.energy ? 'energy.kWh' : undefined}
          sub={t('kpi.energySub')}
        />
      </div>
      <div className="figure-row">
        <Figure
          id="throughput"
          label={t('kpi.throughput')}
          value={show(formatTokensPerSecond(tp.tokensPerSecond, language))}
          explain="throughput.tokensPerSecond"
          band={band(bands?.throughput)}
          sub={
            e.layout.gpus > 1
              ? t('kpi.throughputSub', {
                  perGpu: show(formatTokensPerSecond(tp.tokensPerSecond / e.layout.gpus, language)),
                })
              : t('kpi.throughputSubOne')
          }
        />
        <Figure
          id="step"
          label={t('kpi.step')}
          value={show(formatStep(tp.stepSeconds, language))}
          explain="throughput.stepSeconds"
          band={band(bands && inverseBand(bands.throughput))}
          sub={t('kpi.stepSub', { tokens: formatNumber(tp.tokensPerStep, language) })}
        />
        <Figure
          id="mfu"
          label={t('kpi.mfu')}
          value={show(formatPercent(tp.mfu, language))}
          explain="throughput.mfu"
          band={band(bands?.throughput)}
          sub={t('kpi.mfuSub', { precision: t(`options.precision.${e.precision.effective}`) })}
        />
      </div>
      <div className="figure-row">
        <Figure
          id="gpu-power"
          label={t('kpi.gpuPower')}
          value={show(formatPower(e.power.gpuWatts, language))}
          explain="power.gpuWatts"
          band={band(bands?.power)}
          sub={t('kpi.gpuPowerSub')}
        />
        <Figure
          id="node-power"
          label={t('kpi.nodePower')}
          value={show(formatPower(e.power.nodeWatts, language))}
          explain="power.nodeWatts"
          sub={t('kpi.nodePowerSub')}
        />
        <Figure
          id="cluster-power"
          label={t('kpi.clusterPower')}
          value={show(formatPower(e.power.clusterWatts, language))}
          sub={t('kpi.clusterPowerSub', { count: e.power.nodes })}
        />
      </div>
    </div>
  );
}

/** The memory rows a click explains (the CUDA context and allocator slack is a constant, listed with the assumptions). */
const MEMORY_DERIVATIONS: Partial<Record<string, DerivationId>> = {
  weights: 'memory.weights',
  gradients: 'memory.gradients',
  optimizer: 'memory.optimizer',
  activations: 'memory.activations',
  logits: 'memory.logits',
  other: 'memory.other',
  peak: 'memory.peak',
};

function MemoryCard({ estimate: e }: { estimate: EstimateWithConfidence }) {
  const { t, language, show } = useFormat();
  const parts = memoryParts(e);
  const capacity = e.memory.capacityBytes;
  const banded = new Set(['peak', 'needed']);
  const row = (key: string, label: string, bytes: number, color?: string, strong = false) => {
    const explain = MEMORY_DERIVATIONS[key];
    const size = show(formatGB(bytes, language));
    return (
      <tr key={key} data-part={key} className={strong ? 'total' : undefined}>
        <th scope="row">
          {color && <span className="swatch" style={{ background: color }} aria-hidden="true" />}
          {label}
        </th>
        <td>
          {explain ? (
            <Explainable target={{ kind: 'estimate', id: explain }} label={label}>
              {size}
            </Explainable>
          ) : (
            size
          )}
        </td>
        <td>{show(formatPercent(bytes / capacity, language))}</td>
        <td>{banded.has(key) && <Band band={e.bands?.memory} testId={`band-memory-${key}`} />}</td>
      </tr>
    );
  };
  return (
    <section className="card memory-card">
      <h3>{t('memory.title')}</h3>
      <MemoryChart estimate={e} />
      <table className="numbers" data-testid="memory-breakdown">
        <thead>
          <tr>
            <th scope="col">{t('memory.columns.component')}</th>
            <th scope="col">{t('memory.columns.size')}</th>
            <th scope="col">{t('memory.columns.share')}</th>
            <th scope="col">{t('memory.columns.band')}</th>
          </tr>
        </thead>
        <tbody>
          {MEMORY_PARTS.map((part) => row(part, t(`memory.components.${part}`), parts[part], PART_COLORS[part]))}
        </tbody>
        <tfoot>
          {row('peak', t('memory.peak'), e.memory.peakBytesPerGpu)}
          {row('needed', t('memory.needed'), e.memory.requiredBytesPerGpu, undefined, true)}
          {row('capacity', t('memory.capacityRow', { labelled: show(formatGiB(capacity, language)) }), capacity)}
        </tfoot>
      </table>
    </section>
  );
}

const STEP_PARTS = ['compute', 'memory', 'hostOverhead', 'communication', 'pipelineBubble'] as const;

function StepCard({ estimate: e }: { estimate: Estimate }) {
  const { t, language, show } = useFormat();
  const step = e.throughput.stepSeconds;
  return (
    <section className="card step-card">
      <h3>{t('step.title')}</h3>
      <table className="numbers" data-testid="step-breakdown">
        <tbody>
          {STEP_PARTS.map((part) => {
            const seconds = e.throughput.stepBreakdown[part];
            return (
              <tr key={part}>
                <th scope="row">{t(`step.${part}`)}</th>
                <td>{show(formatStep(seconds, language))}</td>
                <td>
                  <span className="share-bar" aria-hidden="true">
                    <span style={{ width: `${Math.min(100, (100 * seconds) / step)}%` }} />
                  </span>
                  {show(formatPercent(seconds / step, language, 0))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Assumptions({ estimate: e }: { estimate: Estimate }) {
  const { t, language } = useFormat();
  // Integers exactly (a byte count rounded to 2,097,150 would be wrong); fractions to 6 significant digits.
  const value = (v: number) =>
    Number.isInteger(v) && Math.abs(v) < 1e15
      ? formatNumber(v, language, 0)
      : new Intl.NumberFormat(language, {
          maximumSignificantDigits: 6,
          notation: v !== 0 && Math.abs(v) < 1e-3 ? 'scientific' : 'standard',
        }).format(v);
  return (
    <section className="card assumptions">
      <h3>{t('assumptions.title', { count: e.assumptions.length })}</h3>
      <p className="hint">{t('assumptions.hint')}</p>
      <div className="table-scroll">
        <table data-testid="assumptions">
          <thead>
            <tr>
              <th scope="col">{t('assumptions.columns.name')}</th>
              <th scope="col" className="num">
                {t('assumptions.columns.value')}
              </th>
              <th scope="col">{t('assumptions.columns.unit')}</th>
              <th scope="col">{t('assumptions.columns.source')}</th>
            </tr>
          </thead>
          <tbody>
            {e.assumptions.map((a) => (
              <tr key={a.name}>
                <td className="mono">{a.name}</td>
                <td className="num">{value(a.value)}</td>
                <td>{a.unit}</td>
                <td className="source">{a.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
