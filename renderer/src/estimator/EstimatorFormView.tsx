import { observer } from 'mobx-react-lite';
import { useTranslation } from 'react-i18next';
import { INTERCONNECT_IDS } from '../../../catalog/schema/interconnect';
import { INTER_NODE_LINKS } from '../../../estimator/training';
import { useStores } from '../app/stores';
import { CheckField, NumberField, Segmented, SelectField } from './fields';
import { formatCount, formatNumber } from './format';
import { useFormat } from './useFormat';
import {
  numberFromText,
  type ArchitectureField,
  type ArchitectureForm,
  type EstimatorForm,
  type FormField,
} from './form';

const CUSTOM = '__custom__';

/** The fields of the form and the estimator's field path each one's message comes back under. */
const ARCH_FIELDS: readonly ArchitectureField[] = ['layers', 'hidden', 'intermediate', 'heads', 'kvHeads', 'vocab'];
const MOE_FIELDS = ['experts', 'activeExperts', 'sharedExperts', 'expertIntermediate', 'denseLayers'] as const;
const MLA_FIELDS = ['qLoraRank', 'kvLoraRank', 'qkNopeHeadDim', 'qkRopeHeadDim', 'vHeadDim'] as const;

export const FIELD_PATHS: Readonly<Partial<Record<FormField, string>>> = {
  presetId: 'model',
  method: 'method',
  loraRank: 'lora.rank',
  loraTargets: 'lora.targets',
  precision: 'precision',
  optimizer: 'optimizer',
  seqLen: 'seqLen',
  microBatch: 'microBatch',
  gradAccum: 'gradAccum',
  recompute: 'recompute',
  attention: 'attention',
  trainingTokens: 'trainingTokens',
  gpu: 'gpu',
  gpus: 'gpus',
  gpusPerNode: 'gpusPerNode',
  interconnect: 'interconnect',
  tp: 'parallel.tp',
  pp: 'parallel.pp',
  ep: 'parallel.ep',
  sp: 'parallel.sp',
  zero: 'parallel.zero',
  offload: 'parallel.offload',
};

/** Every path a field shows its message under; a message for any other path is shown above the form. */
export const SHOWN_PATHS: ReadonlySet<string> = new Set([
  ...Object.values(FIELD_PATHS),
  ...ARCH_FIELDS.map((f) => `model.${f}`),
  ...MOE_FIELDS.map((f) => `model.moe.${f}`),
  ...MLA_FIELDS.map((f) => `model.mla.${f}`),
]);

export const EstimatorFormView = observer(function EstimatorFormView() {
  const { estimator, catalog } = useStores();
  const { t, language, show } = useFormat();
  const form = estimator.form;
  const errors = estimator.errors;
  const result = estimator.outOfDate ? null : estimator.result;

  const opts = <T extends string>(group: string, values: readonly T[]) =>
    values.map((value) => ({ value, label: t(`options.${group}.${value}`) }));

  const text = (field: FormField & keyof EstimatorForm, extra: { hint?: string; placeholder?: string } = {}) => (
    <NumberField
      id={`est-${field}`}
      label={t(`fields.${field}`)}
      value={form[field] as string}
      onChange={(v) => estimator.setField(field, v as never)}
      error={errors[FIELD_PATHS[field] ?? field]}
      {...extra}
    />
  );

  const select = <K extends FormField>(field: K, group: string, values: readonly string[], wide = false) => (
    <SelectField
      id={`est-${field}`}
      label={t(`fields.${field}`)}
      value={String(form[field])}
      options={opts(group, values)}
      onChange={(v) => estimator.setField(field, (field === 'zero' ? Number(v) : v) as EstimatorForm[K])}
      error={errors[FIELD_PATHS[field] ?? field]}
      wide={wide}
    />
  );

  const tokens = numberFromText(form.trainingTokens, true);
  const gpuIds = new Set(catalog.gpus.map((g) => g.id));
  const gpuOptions = [
    ...catalog.gpus.map((g) => ({ value: g.id, label: g.name })),
    ...(gpuIds.has(form.gpu) ? [] : [{ value: form.gpu, label: t('hints.missingGpu', { id: form.gpu }) }]),
  ];
  const interconnectOptions = [
    { value: '', label: t('options.interconnect.default') },
    ...INTERCONNECT_IDS.map((id) => {
      const link = INTER_NODE_LINKS[id];
      return {
        value: id,
        label: t(link.per === 'gpu' ? 'options.interconnect.perGpu' : 'options.interconnect.perNode', {
          name: t(`options.interconnect.${id}`),
          gbps: formatNumber(link.bandwidth.value * 8, language),
        }),
      };
    }),
  ];
  const unplaced = Object.entries(errors).filter(([path]) => !SHOWN_PATHS.has(path));

  return (
    <form className="estimator-form" aria-label={t('title')} onSubmit={(e) => e.preventDefault()} noValidate>
      {unplaced.map(([path, message]) => (
        <p key={path} className="error" role="alert">
          {message}
        </p>
      ))}

      <fieldset className="group">
        <legend>{t('sections.model')}</legend>
        <SelectField
          id="est-model"
          label={t('fields.model')}
          wide
          value={form.modelSource === 'custom' ? CUSTOM : form.presetId}
          options={[
            ...estimator.models.map((m) => ({ value: m.id, label: m.name })),
            { value: CUSTOM, label: t('fields.customModel') },
          ]}
          onChange={(v) => estimator.setModel(v === CUSTOM ? 'custom' : { presetId: v })}
          error={errors.model}
        />
        {form.modelSource === 'custom' && <ArchitectureFields />}
      </fieldset>

      <fieldset className="group">
        <legend>{t('sections.training')}</legend>
        <Segmented
          name="est-method"
          label={t('fields.method')}
          value={form.method}
          options={opts('method', ['full', 'lora', 'qlora'] as const)}
          onChange={(v) => estimator.setField('method', v)}
        />
        {form.method !== 'full' && (
          <>
            {text('loraRank')}
            {select('loraTargets', 'loraTargets', ['all-linear', 'attention'])}
          </>
        )}
        {select('precision', 'precision', ['bf16-mixed', 'fp16-mixed', 'bf16', 'fp32', 'fp8-mixed'])}
        {select('optimizer', 'optimizer', ['adamw', 'adamw-8bit', 'sgd', 'adafactor'])}
      </fieldset>

      <fieldset className="group">
        <legend>{t('sections.batch')}</legend>
        {text('seqLen')}
        {text('microBatch')}
        {text('gradAccum')}
        {select('recompute', 'recompute', ['none', 'selective', 'full'], true)}
        {select('attention', 'attention', ['flash', 'eager'])}
        {text('trainingTokens', {
          placeholder: t('placeholders.trainingTokens'),
          hint:
            typeof tokens === 'number'
              ? t('hints.trainingTokens', { value: show(formatCount(tokens, language)) })
              : t('hints.trainingTokensMissing'),
        })}
      </fieldset>

      <fieldset className="group">
        <legend>{t('sections.hardware')}</legend>
        <SelectField
          id="est-gpu"
          label={t('fields.gpu')}
          wide
          value={form.gpu}
          options={gpuOptions}
          onChange={(v) => estimator.setField('gpu', v)}
          error={errors.gpu}
          hint={t('hints.catalogGpus')}
        />
        {text('gpus', {
          hint: result ? t('hints.layout', { dp: result.layout.dp, count: result.layout.nodes }) : undefined,
        })}
        {text('gpusPerNode', { placeholder: t('placeholders.gpusPerNode') })}
        <SelectField
          id="est-interconnect"
          label={t('fields.interconnect')}
          wide
          value={form.interconnect}
          options={interconnectOptions}
          onChange={(v) => estimator.setField('interconnect', v as EstimatorForm['interconnect'])}
          error={errors.interconnect}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t('sections.parallel')}</legend>
        {text('tp')}
        {text('pp')}
        {text('ep')}
        <CheckField
          id="est-sp"
          label={t('fields.sp')}
          checked={form.sp}
          onChange={(v) => estimator.setField('sp', v)}
          error={errors['parallel.sp']}
        />
        {select('zero', 'zero', ['0', '1', '2', '3'], true)}
        {select('offload', 'offload', ['none', 'optimizer', 'optimizer+params'], true)}
      </fieldset>
    </form>
  );
});

const ArchitectureFields = observer(function ArchitectureFields() {
  const { estimator } = useStores();
  const { t } = useTranslation('estimator');
  const arch: ArchitectureForm = estimator.form.custom;
  const errors = estimator.errors;
  return (
    <div className="architecture">
      {ARCH_FIELDS.map((f) => (
        <NumberField
          key={f}
          id={`est-arch-${f}`}
          label={t(`fields.arch.${f}`)}
          value={arch[f] as string}
          onChange={(v) => estimator.setArchitectureField(f, v)}
          error={errors[`model.${f}`]}
        />
      ))}
      <SelectField
        id="est-arch-mlp"
        label={t('fields.arch.mlp')}
        value={arch.mlp}
        options={(['gated', 'plain'] as const).map((v) => ({ value: v, label: t(`options.mlp.${v}`) }))}
        onChange={(v) => estimator.setArchitectureField('mlp', v)}
        error={errors['model.mlp']}
      />
      <CheckField
        id="est-arch-tied"
        label={t('fields.arch.tiedEmbeddings')}
        checked={arch.tiedEmbeddings}
        onChange={(v) => estimator.setArchitectureField('tiedEmbeddings', v)}
      />
      <CheckField
        id="est-arch-qkv-bias"
        label={t('fields.arch.qkvBias')}
        checked={arch.qkvBias}
        onChange={(v) => estimator.setArchitectureField('qkvBias', v)}
      />
      <CheckField
        id="est-arch-moe"
        label={t('fields.arch.moe')}
        checked={arch.moe.enabled}
        onChange={(v) => estimator.setMoeField('enabled', v)}
      />
      {arch.moe.enabled &&
        MOE_FIELDS.map((f) => (
          <NumberField
            key={f}
            id={`est-arch-moe-${f}`}
            label={t(`fields.arch.${f}`)}
            value={arch.moe[f]}
            onChange={(v) => estimator.setMoeField(f, v)}
            error={errors[`model.moe.${f}`]}
          />
        ))}
      <CheckField
        id="est-arch-mla"
        label={t('fields.arch.mla')}
        checked={arch.mla.enabled}
        onChange={(v) => estimator.setMlaField('enabled', v)}
      />
      {arch.mla.enabled &&
        MLA_FIELDS.map((f) => (
          <NumberField
            key={f}
            id={`est-arch-mla-${f}`}
            label={t(`fields.arch.${f}`)}
            value={arch.mla[f]}
            onChange={(v) => estimator.setMlaField(f, v)}
            error={errors[`model.mla.${f}`]}
          />
        ))}
    </div>
  );
});
