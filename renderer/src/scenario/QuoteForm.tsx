import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { CURRENCIES } from '../../../catalog/schema/common';
import { PRICINGS } from '../../../catalog/schema/cloud-offer';
import { INTERCONNECT_IDS } from '../../../catalog/schema/interconnect';
import type { z } from 'zod';
import { friendlyIssues } from '../../../catalog/issues';
import { formatPath, networkFields, offerFields, openScenario, systemFields } from '../../../estimator/scenario';
import { useStores } from '../app/stores';
import { NumberField, SelectField } from '../estimator/fields';
import { numberFromText } from '../estimator/form';
import { useScenarioFormat } from './format';
import { QUANTITY, scaleOut, type OptionKind } from './OptionsEditor';
import type { RawScenario } from './raw';

const today = () => new Date().toISOString().slice(0, 10);
const NEW_ID = 'vendor-quote';
/** The network choice that asks for the fabric's own quote instead of a catalog row. */
const QUOTED_NETWORK = '__quote__';

/** What a blank quote starts from: today's date, the scenario's currency, one of each. */
function blank(kind: OptionKind, currency: string, gpu: string, network: string) {
  return {
    name: '',
    gpu,
    gpusPerNode: '8',
    condition: 'new',
    amount: '',
    currency,
    asOf: today(),
    source: '',
    powerWatts: '',
    rackUnits: '',
    quantity: kind === 'cluster' ? '2' : '1',
    network,
    networkName: '',
    interconnect: 'infiniband-ndr',
    perNode: '',
    provider: '',
    pricing: 'on-demand',
    offerInterconnect: '',
  };
}

type Form = ReturnType<typeof blank>;

const n = (text: string) => numberFromText(text);
/** An option id from what the user typed: `HGX A100 (Acme quote)` → `hgx-a100-acme-quote`. */
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9.+]+/g, '-')
    .replace(/^-+|-+$/g, '');
const optional = (text: string) => (text.trim() === '' ? undefined : n(text));
const price = (f: Form, amount: string) => ({
  amount: n(amount),
  currency: f.currency,
  asOf: f.asOf,
  source: f.source,
});

/** The quote as a scenario option, exactly as a file would carry it inline (contracts/scenario.md). */
function optionOf(kind: OptionKind, f: Form): Record<string, unknown> {
  if (kind === 'cloud')
    return {
      id: NEW_ID,
      kind,
      pricing: f.pricing,
      instances: n(f.quantity),
      offer: {
        provider: f.provider,
        name: f.name,
        gpu: f.gpu,
        gpusPerInstance: n(f.gpusPerNode),
        ...(f.offerInterconnect && { interconnect: f.offerInterconnect }),
        prices: { [f.pricing]: { ...price(f, f.amount), per: 'hour' } },
      },
    };
  const system = {
    name: f.name,
    gpu: f.gpu,
    gpusPerNode: n(f.gpusPerNode),
    condition: f.condition,
    price: price(f, f.amount),
    powerWatts: optional(f.powerWatts),
    rackUnits: optional(f.rackUnits),
  };
  if (kind === 'owned') return { id: NEW_ID, kind, system, count: n(f.quantity) };
  const network =
    f.network === QUOTED_NETWORK
      ? { name: f.networkName, interconnect: f.interconnect, pricePerNode: price(f, f.perNode) }
      : f.network;
  return { id: NEW_ID, kind, system, nodes: n(f.quantity), network };
}

/**
 * The domain's messages for the quote, by field (`system.price.amount`): the quoted hardware checked field
 * by field with the schema a scenario file's inline rows use, and the option around it (counts, pricing)
 * with the scenario schema, as the file would carry it.
 */
function check(raw: RawScenario, option: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (path: readonly PropertyKey[], message: string) => {
    const key = formatPath(path);
    errors[key] ??= `${key}: ${message}`;
  };
  const inline = (part: 'system' | 'offer' | 'network', schema: z.ZodType) => {
    if (typeof option[part] !== 'object') return;
    const parsed = schema.safeParse(option[part]);
    if (!parsed.success) for (const i of friendlyIssues(parsed.error.issues)) add([part, ...i.path], i.message);
  };
  inline('system', systemFields);
  inline('offer', offerFields);
  inline('network', networkFields);
  // The quoted parts stand in as catalog ids here: the scenario schema judges a union as a whole.
  const standIn = Object.fromEntries(Object.entries(option).map(([k, v]) => [k, typeof v === 'object' ? 'quoted' : v]));
  const options = Array.isArray(raw.options) ? raw.options : [];
  const opened = openScenario(JSON.parse(JSON.stringify({ ...raw, options: [...options, standIn] })));
  if (!opened.ok)
    for (const issue of opened.issues)
      if (issue.path[0] === 'options' && issue.path[1] === options.length) add(issue.path.slice(2), issue.message);
  return errors;
}

/** A vendor's quote for a server, a cluster or a cloud instance that is not in the catalog. */
export const QuoteForm = observer(function QuoteForm({ kind }: { kind: OptionKind }) {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const catalog = scenarios.catalogSnapshot;
  const networks = scaleOut(catalog.networks);
  const currency = String(scenarios.raw?.currency ?? 'USD');
  const [form, setForm] = useState<Form>(() =>
    blank(kind, currency, catalog.gpus[0]?.id ?? '', networks[0]?.id ?? QUOTED_NETWORK),
  );
  const [tried, setTried] = useState(false);
  const option = optionOf(kind, form);
  const errors = scenarios.raw ? check(scenarios.raw, option) : {};
  const system = kind === 'cloud' ? 'offer' : 'system';
  const priceAt = kind === 'cloud' ? `offer.prices.${form.pricing}` : 'system.price';

  const text = (field: keyof Form, label: string, errorKey: string, extra: { wide?: boolean } = {}) => (
    <NumberField
      id={`sc-quote-${field}`}
      inputMode={['name', 'source', 'asOf', 'provider', 'networkName'].includes(field) ? 'text' : 'decimal'}
      label={label}
      value={form[field]}
      onChange={(v) => setForm({ ...form, [field]: v })}
      // Messages show once the user tried to add, or beside a field already typed in.
      error={tried || form[field] ? errors[errorKey] : undefined}
      {...extra}
    />
  );
  const select = (field: keyof Form, label: string, options: { value: string; label: string }[], extra = {}) => (
    <SelectField
      id={`sc-quote-${field}`}
      label={label}
      value={form[field]}
      options={options}
      onChange={(v) => setForm({ ...form, [field]: v })}
      {...extra}
    />
  );
  const interconnects = INTERCONNECT_IDS.map((id) => ({ value: id, label: t(`estimator:options.interconnect.${id}`) }));

  const add = () => {
    setTried(true);
    if (Object.keys(errors).length) return;
    const base =
      kind === 'cloud' ? `cloud-${form.provider}-${form.name}` : `${kind === 'owned' ? 'own' : 'cluster'}-${form.name}`;
    scenarios.addOption({ ...option, id: slug(base) });
    setForm(blank(kind, currency, form.gpu, form.network));
    setTried(false);
  };

  return (
    <div className="add-form quote-form" data-testid="quote-form">
      {kind === 'cloud' && text('provider', t('quote.provider'), 'offer.provider')}
      {text('name', t(kind === 'cloud' ? 'quote.instanceName' : 'quote.serverName'), `${system}.name`, {
        wide: kind !== 'cloud',
      })}
      {select(
        'gpu',
        t('quote.gpu'),
        catalog.gpus.map((g) => ({ value: g.id, label: g.name })),
        { wide: true },
      )}
      {text(
        'gpusPerNode',
        t(kind === 'cloud' ? 'quote.gpusPerInstance' : 'quote.gpusPerNode'),
        kind === 'cloud' ? 'offer.gpusPerInstance' : 'system.gpusPerNode',
      )}
      {kind === 'cloud'
        ? select(
            'pricing',
            t('options.pricing'),
            PRICINGS.map((p) => ({ value: p, label: t(`pricing.${p}`) })),
          )
        : select(
            'condition',
            t('quote.condition'),
            (['new', 'used', 'refurbished'] as const).map((c) => ({ value: c, label: t(`quote.conditions.${c}`) })),
          )}
      {text('amount', t(kind === 'cloud' ? 'quote.pricePerHour' : 'quote.price'), `${priceAt}.amount`)}
      {select(
        'currency',
        t('quote.currency'),
        CURRENCIES.map((c) => ({ value: c, label: c })),
      )}
      {text('asOf', t('quote.asOf'), `${priceAt}.asOf`)}
      {text('source', t('quote.source'), `${priceAt}.source`)}
      {kind === 'cloud' ? (
        select(
          'offerInterconnect',
          t('quote.offerInterconnect'),
          [{ value: '', label: t('quote.noFabric') }, ...interconnects],
          {
            wide: true,
          },
        )
      ) : (
        <>
          {text('powerWatts', t('quote.powerWatts'), 'system.powerWatts')}
          {text('rackUnits', t('quote.rackUnits'), 'system.rackUnits')}
        </>
      )}
      {text('quantity', t(`options.${QUANTITY[kind]}`), QUANTITY[kind])}
      {kind === 'cluster' &&
        select(
          'network',
          t('options.network'),
          [
            ...networks.map((nw) => ({ value: nw.id, label: nw.name })),
            { value: QUOTED_NETWORK, label: t('quote.networkQuote') },
          ],
          { wide: true },
        )}
      {kind === 'cluster' && form.network === QUOTED_NETWORK && (
        <>
          {text('networkName', t('quote.networkName'), 'network.name')}
          {select('interconnect', t('quote.interconnect'), interconnects)}
          {text('perNode', t('quote.perNode'), 'network.pricePerNode.amount')}
        </>
      )}
      {tried && Object.keys(errors).length > 0 && (
        <div className="field-error wide" role="alert">
          <p>{t('quote.fix', { count: Object.keys(errors).length })}</p>
          <ul>
            {Object.entries(errors).map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="add-actions wide">
        <button type="button" className="primary" onClick={add}>
          {t('quote.add')}
        </button>
      </div>
    </div>
  );
});
