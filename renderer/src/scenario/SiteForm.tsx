import { observer } from 'mobx-react-lite';
import { COOLING_TYPES } from '../../../estimator/facility/cooling';
import { kwFromTons, tons } from '../../../estimator/facility/heat';
import { COLOCATION_PER_KW_MONTH } from '../../../estimator/scenario';
import { useStores } from '../app/stores';
import { CheckField, Segmented, SelectField } from '../estimator/fields';
import { DefaultHint } from './AssumptionsForm';
import { ScenarioNumber, ScenarioSelect, USER_SOURCE } from './fields';
import { useScenarioFormat } from './format';
import { getIn, setIn, type RawScenario } from './raw';

const S = ['assumptions', 'site'] as const;

/** A small server room: what a team that has not planned a site yet most often has. */
const NEW_SITE = { kind: 'own-room', powerKW: 20, coolingKW: 20, rackKW: 15, rackUnits: 42, cooling: 'air' };

const withSite = (raw: RawScenario, site: Record<string, unknown> | undefined) => setIn(raw, S, site);

/**
 * Where the owned hardware would run (`assumptions.site`): an own server room or a colocation, its power
 * and cooling, the rack limits and cooling type. Owned and cluster options are then placed in racks and
 * checked against it.
 */
export const SiteForm = observer(function SiteForm() {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const site = getIn(scenarios.raw, S) as Record<string, unknown> | undefined;
  const inTons = site !== undefined && site.coolingTons !== undefined;
  const cooling = (unit: 'kW' | 'tons') =>
    scenarios.change((raw) => {
      const current = getIn(raw, S) as Record<string, unknown>;
      const { coolingKW, coolingTons, ...rest } = current;
      // The capacity stays the same, given in the other unit (1 ton of refrigeration = 3.517 kW).
      const kw =
        typeof coolingKW === 'number'
          ? coolingKW
          : typeof coolingTons === 'number'
            ? kwFromTons(coolingTons)
            : undefined;
      const value = kw === undefined ? undefined : Number((unit === 'kW' ? kw : tons(kw)).toFixed(2));
      return withSite(raw, { ...rest, ...(unit === 'kW' ? { coolingKW: value } : { coolingTons: value }) });
    });

  return (
    <fieldset className="group" data-testid="site-form">
      <legend>{t('sections.site')}</legend>
      <CheckField
        id="sc-site-on"
        label={t('site.enabled')}
        checked={site !== undefined}
        onChange={(on) => scenarios.change((raw) => withSite(raw, on ? NEW_SITE : undefined))}
      />
      {site === undefined ? (
        <p className="field-hint wide">{t('site.off')}</p>
      ) : (
        <>
          <Segmented
            name="sc-site-kind"
            label={t('site.kind')}
            value={String(site.kind)}
            options={(['own-room', 'colocation'] as const).map((v) => ({ value: v, label: t(`site.kinds.${v}`) }))}
            onChange={(v) => scenarios.edit([...S, 'kind'], v)}
          />
          <ScenarioNumber path={[...S, 'powerKW']} label={t('site.powerKW')} placeholder={t('site.notChecked')} />
          <ScenarioNumber
            path={[...S, inTons ? 'coolingTons' : 'coolingKW']}
            label={t(inTons ? 'site.coolingTons' : 'site.coolingKW')}
            placeholder={t('site.notChecked')}
          />
          <SelectField
            id="sc-site-cooling-unit"
            label={t('site.coolingUnit')}
            value={inTons ? 'tons' : 'kW'}
            options={[
              { value: 'kW', label: t('site.units.kW') },
              { value: 'tons', label: t('site.units.tons') },
            ]}
            onChange={cooling}
          />
          <ScenarioSelect
            path={[...S, 'cooling']}
            label={t('site.cooling')}
            options={COOLING_TYPES.map((c) => ({ value: c, label: t(`cooling.${c}`) }))}
          />
          <ScenarioNumber path={[...S, 'rackKW']} label={t('site.rackKW')} placeholder={t('site.rackKWDefault')} />
          <ScenarioNumber path={[...S, 'rackUnits']} label={t('site.rackUnits')} placeholder="42" />
          <ScenarioNumber path={[...S, 'pue']} label={t('site.pue')} placeholder={t('site.pueDefault')} />
          {site.kind === 'colocation' && (
            <ColocationPrice price={site.coloPerKWMonth as Record<string, unknown> | undefined} />
          )}
        </>
      )}
    </fieldset>
  );
});

function ColocationPrice({ price }: { price: Record<string, unknown> | undefined }) {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const path = [...S, 'coloPerKWMonth'] as const;
  if (!price)
    return (
      <div className="field wide">
        <p className="field-hint">
          <DefaultHint name="site.coloPerKWMonth" />
        </p>
        <button
          type="button"
          onClick={() =>
            scenarios.change((raw) =>
              setIn(raw, path, {
                amount: COLOCATION_PER_KW_MONTH.value,
                currency: 'USD',
                source: USER_SOURCE,
              }),
            )
          }
        >
          {t('site.coloQuote')}
        </button>
      </div>
    );
  return (
    <>
      <ScenarioNumber
        path={[...path, 'amount']}
        price={path}
        label={t('site.coloPerKWMonth')}
        hint={<DefaultHint name="site.coloPerKWMonth" />}
      />
      <ScenarioSelect
        path={[...path, 'currency']}
        label={t('site.coloCurrency')}
        options={[...new Set(['USD', 'CNY', 'EUR', String(price.currency)])].map((c) => ({ value: c, label: c }))}
      />
    </>
  );
}
