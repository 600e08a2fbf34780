import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { CloudOffer, Network, System } from '../../../catalog';
import { PRICINGS, type Pricing } from '../../../catalog/schema/cloud-offer';
import { useStores } from '../app/stores';
import { NumberField, Segmented, SelectField } from '../estimator/fields';
import { numberFromText } from '../estimator/form';
import { ScenarioNumber, ScenarioSelect, ScenarioText } from './fields';
import { formatMoney, useScenarioFormat } from './format';
import { QuoteForm } from './QuoteForm';
import { SuggestPanel } from './SuggestPanel';

export type OptionKind = 'owned' | 'cluster' | 'cloud';
export const OPTION_KINDS: readonly OptionKind[] = ['owned', 'cluster', 'cloud'];
/** The field that says how many of an option's hardware one run uses (its label is `options.<field>`). */
export const QUANTITY = { owned: 'count', cluster: 'nodes', cloud: 'instances' } as const;

type RawOption = Record<string, unknown> & { id?: unknown; kind?: unknown };

/** "DGX H100 — 8 × h100-sxm5-80gb, USD 303,610" */
export function systemText(s: Pick<System, 'name' | 'gpu' | 'gpusPerNode' | 'price'>, language: string): string {
  return `${s.name} — ${s.gpusPerNode} × ${s.gpu}, ${formatMoney(s.price.amount, s.price.currency, language)}`;
}

export function offerText(o: Pick<CloudOffer, 'provider' | 'name' | 'gpu' | 'gpusPerInstance'> & { region?: string }) {
  return `${o.provider} ${o.name}${o.region ? ` (${o.region})` : ''} — ${o.gpusPerInstance} × ${o.gpu}`;
}

export const scaleOut = (networks: readonly Network[]) => networks.filter((n) => n.layer === 'scale-out');

/** The options of the scenario, each editable where it counts (how many, which pricing), and ways to add more. */
export const OptionsEditor = observer(function OptionsEditor() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const options = (Array.isArray(scenarios.raw?.options) ? scenarios.raw.options : []) as RawOption[];
  return (
    <fieldset className="group options-editor" data-testid="options-editor">
      <legend>{t('sections.options', { count: options.length })}</legend>
      {options.length === 0 && <p className="field-hint wide">{t('options.none')}</p>}
      <ol className="option-cards wide">
        {options.map((option, i) => (
          <OptionCard key={`${i}-${String(option.id)}`} option={option} index={i} />
        ))}
      </ol>
      <AddOption />
      <SuggestPanel />
    </fieldset>
  );
});

const OptionCard = observer(function OptionCard({ option, index }: { option: RawOption; index: number }) {
  const { scenarios } = useStores();
  const { t, language } = useScenarioFormat();
  const catalog = scenarios.catalogSnapshot;
  const at = (...rest: (string | number)[]) => ['options', index, ...rest];
  const kind = String(option.kind);
  const prefix = `options[${index}]`;
  const shownHere = ['label', 'count', 'nodes', 'instances', 'pricing', 'network'].map((f) => `${prefix}.${f}`);
  const problems = Object.entries(scenarios.errors).filter(
    ([key]) => (key === prefix || key.startsWith(`${prefix}.`)) && !shownHere.includes(key),
  );

  let what = '';
  let pricings: readonly Pricing[] = PRICINGS;
  if (kind === 'cloud') {
    const offer = typeof option.offer === 'string' ? catalog.offers.find((o) => o.id === option.offer) : option.offer;
    if (offer && typeof offer === 'object') {
      what = offerText(offer as CloudOffer);
      pricings = PRICINGS.filter((p) => (offer as CloudOffer).prices[p] !== undefined);
    } else what = String(option.offer);
  } else {
    const system =
      typeof option.system === 'string' ? catalog.systems.find((s) => s.id === option.system) : option.system;
    what = system && typeof system === 'object' ? systemText(system as System, language) : String(option.system);
  }
  const quote = typeof option.system === 'object' || typeof option.offer === 'object';

  return (
    <li className={`option-card kind-${kind}`} data-option-id={String(option.id)}>
      <div className="option-head">
        <span className="kind-badge">{t(`kind.${kind}`)}</span>
        <span className="option-what" title={what}>
          {quote && <span className="quote-badge">{t('options.quoteBadge')}</span>}
          {what}
        </span>
        <button
          type="button"
          className="remove"
          aria-label={t('options.remove', { id: String(option.id) })}
          onClick={() => scenarios.removeOption(index)}
        >
          ×
        </button>
      </div>
      <div className="option-fields">
        <ScenarioText path={at('label')} label={t('options.label')} placeholder={String(option.id)} />
        {kind === 'owned' && <ScenarioNumber path={at('count')} label={t('options.count')} placeholder="1" />}
        {kind === 'cluster' && <ScenarioNumber path={at('nodes')} label={t('options.nodes')} />}
        {kind === 'cluster' && typeof option.network === 'string' && (
          <ScenarioSelect
            path={at('network')}
            label={t('options.network')}
            wide
            options={scaleOut(catalog.networks).map((n) => ({ value: n.id, label: n.name }))}
          />
        )}
        {kind === 'cloud' && (
          <>
            <ScenarioSelect
              path={at('pricing')}
              label={t('options.pricing')}
              options={pricings.map((p) => ({ value: p, label: t(`pricing.${p}`) }))}
            />
            <ScenarioNumber path={at('instances')} label={t('options.instances')} placeholder="1" />
          </>
        )}
      </div>
      {problems.map(([key, message]) => (
        <p key={key} className="field-error" role="alert">
          {message}
        </p>
      ))}
    </li>
  );
});

/** Adds an option: a row of the user's catalog, or a vendor's quote typed in. */
const AddOption = observer(function AddOption() {
  const { t } = useScenarioFormat();
  const [source, setSource] = useState<'catalog' | 'quote'>('catalog');
  const [kind, setKind] = useState<OptionKind>('owned');
  return (
    <div className="add-option wide" data-testid="add-option">
      <h4 className="subgroup">{t('options.add')}</h4>
      <div className="add-switches">
        <Segmented
          name="sc-add-source"
          label={t('options.from')}
          value={source}
          options={(['catalog', 'quote'] as const).map((v) => ({ value: v, label: t(`options.source.${v}`) }))}
          onChange={setSource}
        />
        <Segmented
          name="sc-add-kind"
          label={t('options.kindLabel')}
          value={kind}
          options={OPTION_KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))}
          onChange={setKind}
        />
      </div>
      {source === 'catalog' ? <FromCatalog key={kind} kind={kind} /> : <QuoteForm key={kind} kind={kind} />}
    </div>
  );
});

/** Picks a system, cloud offer and network among the user's catalog rows. */
const FromCatalog = observer(function FromCatalog({ kind }: { kind: OptionKind }) {
  const { scenarios } = useStores();
  const { t, language } = useScenarioFormat();
  const catalog = scenarios.catalogSnapshot;
  const networks = scaleOut(catalog.networks);
  const [rowId, setRowId] = useState('');
  const [quantity, setQuantity] = useState(kind === 'cluster' ? '2' : '1');
  const [network, setNetwork] = useState(networks[0]?.id ?? '');
  const offer = catalog.offers.find((o) => o.id === rowId);
  const pricings = offer ? PRICINGS.filter((p) => offer.prices[p] !== undefined) : [];
  const [pricing, setPricing] = useState<Pricing | ''>('');
  const chosenPricing = pricing && pricings.includes(pricing) ? pricing : (pricings[0] ?? '');
  const count = numberFromText(quantity);

  const rows =
    kind === 'cloud'
      ? catalog.offers.map((o) => ({ value: o.id, label: offerText(o) }))
      : catalog.systems.map((s) => ({ value: s.id, label: systemText(s, language) }));

  const add = () => {
    if (!rowId) return;
    const n = typeof count === 'number' ? count : quantity;
    if (kind === 'owned') scenarios.addOption({ id: `own-${rowId}`, kind, system: rowId, count: n });
    else if (kind === 'cluster')
      scenarios.addOption({ id: `cluster-${rowId}`, kind, system: rowId, nodes: n, network });
    else
      scenarios.addOption({
        id: `cloud-${rowId}-${chosenPricing}`,
        kind,
        offer: rowId,
        pricing: chosenPricing,
        instances: n,
      });
  };

  return (
    <div className="add-form" data-testid="add-from-catalog">
      <SelectField
        id="sc-add-row"
        label={t(kind === 'cloud' ? 'options.offer' : 'options.system')}
        wide
        value={rowId}
        options={[{ value: '', label: t('options.choose') }, ...rows]}
        onChange={setRowId}
        hint={t('options.catalogHint')}
      />
      <NumberField
        id="sc-add-quantity"
        label={t(`options.${QUANTITY[kind]}`)}
        value={quantity}
        onChange={setQuantity}
      />
      {kind === 'cluster' && (
        <SelectField
          id="sc-add-network"
          label={t('options.network')}
          value={network}
          options={networks.map((n) => ({ value: n.id, label: n.name }))}
          onChange={setNetwork}
        />
      )}
      {kind === 'cloud' && offer && (
        <SelectField
          id="sc-add-pricing"
          label={t('options.pricing')}
          value={chosenPricing}
          options={pricings.map((p) => ({ value: p, label: t(`pricing.${p}`) }))}
          onChange={setPricing}
        />
      )}
      <div className="add-actions wide">
        <button type="button" className="primary" disabled={!rowId} onClick={add}>
          {t('options.addButton')}
        </button>
      </div>
    </div>
  );
});
