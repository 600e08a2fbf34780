import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { CURRENCIES } from '../../../catalog/schema/common';
import { defaultByName } from '../../../estimator/scenario';
import { useStores } from '../app/stores';
import { SelectField } from '../estimator/fields';
import { ScenarioNumber, ScenarioSelect, ScenarioText } from './fields';
import { useScenarioFormat } from './format';
import { getIn, type Path } from './raw';

const A = ['assumptions'] as const;
const currencyOptions = CURRENCIES.map((c) => ({ value: c, label: c }));

/** "Default 1.56 — Uptime Institute global average PUE 2024 …": what the planner assumes and who says so. */
export function DefaultHint({ name }: { name: string }) {
  const { t } = useScenarioFormat();
  const d = defaultByName(name);
  if (!d) return null;
  return (
    <span className="default-hint" title={d.source}>
      {t('assumptions.default', { value: String(d.value), unit: d.unit, source: d.source })}
    </span>
  );
}

/** Where a price came from, as the scenario says: "EIA … (2023-12-31)". */
function PriceSource({ price }: { price: Path }) {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const source = getIn(scenarios.raw, [...price, 'source']);
  const asOf = getIn(scenarios.raw, [...price, 'asOf']);
  if (typeof source !== 'string') return null;
  return (
    <span className="default-hint" title={source}>
      {t('assumptions.source', { source, asOf: typeof asOf === 'string' ? asOf : t('assumptions.noDate') })}
    </span>
  );
}

/** The money and rates every option is costed with: `assumptions` of the scenario file. */
export const AssumptionsForm = observer(function AssumptionsForm() {
  const { t } = useScenarioFormat();
  const number = (name: string, extra: { wide?: boolean } = {}) => (
    <ScenarioNumber
      path={[...A, ...name.split('.')]}
      label={t(`assumptions.fields.${name}`)}
      hint={<DefaultHint name={name} />}
      placeholder={String(defaultByName(name)?.value ?? '')}
      {...extra}
    />
  );

  return (
    <fieldset className="group" data-testid="assumptions-form">
      <legend>{t('sections.assumptions')}</legend>
      <ScenarioSelect path={['currency']} label={t('assumptions.fields.currency')} options={currencyOptions} />
      <ScenarioNumber
        path={[...A, 'electricity', 'amount']}
        price={[...A, 'electricity']}
        label={t('assumptions.fields.electricity')}
        hint={<PriceSource price={[...A, 'electricity']} />}
      />
      <ScenarioSelect
        path={[...A, 'electricity', 'currency']}
        label={t('assumptions.fields.electricityCurrency')}
        options={currencyOptions}
      />
      {number('pue')}
      {number('utilizationOwned')}
      {number('supportRatePerYear')}
      {number('depreciationYears')}
      {number('residualValueRate')}
      {number('discountRatePerYear')}

      <h4 className="subgroup">{t('assumptions.spot')}</h4>
      {number('spotOverhead')}
      {number('spot.interruptionsPerHour')}
      {number('spot.checkpointIntervalMinutes')}
      {number('spot.checkpointSaveMinutes')}
      {number('spot.restartMinutes')}
      <ScenarioSelect
        path={[...A, 'reservedPayment']}
        label={t('assumptions.fields.reservedPayment')}
        options={(['monthly', 'upfront'] as const).map((v) => ({ value: v, label: t(`assumptions.payment.${v}`) }))}
      />

      <FxRates />

      <details className="more wide">
        <summary>{t('assumptions.more')}</summary>
        <div className="more-fields">
          {number('capex.taxRate')}
          {number('capex.shippingRate')}
          <ScenarioNumber
            path={[...A, 'capex', 'installPerNode', 'amount']}
            price={[...A, 'capex', 'installPerNode']}
            label={t('assumptions.fields.capex.installPerNode')}
            hint={<DefaultHint name="capex.installPerNode" />}
          />
          <ScenarioNumber
            path={[...A, 'capex', 'rackPrice', 'amount']}
            price={[...A, 'capex', 'rackPrice']}
            label={t('assumptions.fields.capex.rackPrice')}
            hint={<DefaultHint name="capex.rackPrice" />}
          />
          {number('capex.rackUnits')}
          {number('capex.rackKW')}
          {number('idlePowerFraction')}
          {number('hoursPerMonth')}
        </div>
      </details>
    </fieldset>
  );
});

/** Exchange rates: how many of each currency one unit of the scenario's currency buys, and their date. */
const FxRates = observer(function FxRates() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const fx = (getIn(scenarios.raw, [...A, 'fx']) ?? {}) as Record<string, unknown>;
  const base = String(scenarios.raw?.currency ?? 'USD');
  // A rate emptied while typing keeps its box; it leaves the list once another scenario is opened.
  const [added, setAdded] = useState<string[]>([]);
  const shown = CURRENCIES.filter((c) => c !== base && (c in fx || added.includes(c)));
  const addable = CURRENCIES.filter((c) => c !== base && !shown.includes(c));
  return (
    <div className="fx wide" data-testid="fx-rates">
      <h4 className="subgroup">{t('assumptions.fx')}</h4>
      <div className="fx-fields">
        {shown.map((c) => (
          <ScenarioNumber
            key={c}
            path={[...A, 'fx', c]}
            label={t('assumptions.fields.fxRate', { currency: c, base })}
          />
        ))}
        <ScenarioText
          path={[...A, 'fx', 'asOf']}
          label={t('assumptions.fields.fxAsOf')}
          placeholder="YYYY-MM-DD"
          hint={t('assumptions.fxHint')}
        />
        {addable.length > 0 && (
          <SelectField
            id="sc-fx-add"
            label={t('assumptions.fields.fxAdd')}
            value=""
            options={[{ value: '', label: '—' }, ...addable.map((c) => ({ value: c, label: c }))]}
            onChange={(c) => c && setAdded([...added, c])}
          />
        )}
      </div>
    </div>
  );
});
