import { observer } from 'mobx-react-lite';
import { useStores } from '../app/stores';
import { Segmented, SelectField } from '../estimator/fields';
import { formatCount } from '../estimator/format';
import { ScenarioNumber, ScenarioSelect } from './fields';
import { useScenarioFormat } from './format';
import { getIn } from './raw';

const T = ['workload', 'training'] as const;
const W = ['workload'] as const;
const CUSTOM = '__custom__';

/** What one run is, how often it runs and for how long: `workload` of the scenario file. */
export const WorkloadForm = observer(function WorkloadForm() {
  const { scenarios } = useStores();
  const { t, language } = useScenarioFormat();
  const raw = scenarios.raw;
  const method = String(getIn(raw, [...T, 'method']) ?? 'full');
  const model = getIn(raw, [...T, 'model']);
  const tokens = getIn(raw, [...W, 'trainingTokens']);
  const est = (group: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`estimator:options.${group}.${value}`) }));
  const field = (key: string) => t(`estimator:fields.${key}`);
  const presets = scenarios.models.map((m) => ({ value: m.id, label: m.name }));

  return (
    <fieldset className="group" data-testid="workload-form">
      <legend>{t('sections.workload')}</legend>
      {typeof model === 'object' && model !== null ? (
        // An architecture written into the file: kept as it is until a preset is chosen.
        <SelectField
          id="sc-workload-training-model"
          label={field('model')}
          wide
          value={CUSTOM}
          hint={t('workload.customModelHint')}
          options={[{ value: CUSTOM, label: t('workload.customModel') }, ...presets]}
          onChange={(v) => v !== CUSTOM && scenarios.edit([...T, 'model'], v)}
        />
      ) : (
        <ScenarioSelect path={[...T, 'model']} label={field('model')} wide options={presets} />
      )}
      <Segmented
        name="sc-method"
        label={field('method')}
        value={method}
        options={est('method', ['full', 'lora', 'qlora'])}
        onChange={(v) =>
          scenarios.change((r) => {
            const training: Record<string, unknown> = { ...(getIn(r, T) as object), method: v };
            if (v === 'full') delete training.lora;
            return { ...r, workload: { ...(r.workload as object), training } };
          })
        }
      />
      {method !== 'full' && <ScenarioNumber path={[...T, 'lora', 'rank']} label={field('loraRank')} placeholder="16" />}
      <ScenarioSelect
        path={[...T, 'precision']}
        label={field('precision')}
        options={est('precision', ['bf16-mixed', 'fp16-mixed', 'bf16', 'fp32', 'fp8-mixed'])}
      />
      <ScenarioNumber path={[...T, 'seqLen']} label={field('seqLen')} />
      <ScenarioNumber path={[...T, 'microBatch']} label={field('microBatch')} />
      <ScenarioNumber path={[...T, 'gradAccum']} label={field('gradAccum')} placeholder="1" />
      <ScenarioSelect
        path={[...T, 'recompute']}
        label={field('recompute')}
        wide
        options={est('recompute', ['none', 'selective', 'full'])}
      />
      <ScenarioNumber
        path={[...W, 'trainingTokens']}
        label={t('workload.trainingTokens')}
        suffixes
        hint={
          typeof tokens === 'number'
            ? t('workload.tokensHint', {
                value: t(`estimator:units.${formatCount(tokens, language).unit}`, {
                  value: formatCount(tokens, language).value,
                }),
              })
            : t('workload.tokensFormat')
        }
      />
      <ScenarioNumber path={[...W, 'epochs']} label={t('workload.epochs')} placeholder="1" />
      <ScenarioNumber path={[...W, 'runsPerMonth']} label={t('workload.runsPerMonth')} />
      <ScenarioNumber path={[...W, 'horizonMonths']} label={t('workload.horizonMonths')} />
      <ScenarioNumber
        path={[...W, 'deadlineHours']}
        label={t('workload.deadlineHours')}
        placeholder={t('workload.noDeadline')}
        hint={t('workload.deadlineHint')}
        wide
      />
    </fieldset>
  );
});
