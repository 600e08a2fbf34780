import { observer } from 'mobx-react-lite';
import type { ComparisonRow } from '../../../estimator/compare';
import type { CoolingType } from '../../../estimator/facility/cooling';
import type { FacilityPlanResult } from '../../../estimator/facility/types';
import { useStores } from '../app/stores';
import { useOptionNames, useScenarioFormat } from './format';

/** Colour by the cooling a rack's load needs: air blue, rear-door amber, direct liquid purple. */
export const COOLING_COLORS: Record<CoolingType, string> = {
  air: '#5f86c9',
  'rear-door': '#d48a2e',
  liquid: '#8468b5',
};

const U = 7;
const RACK_W = 112;
const GAP = 36;
const TOP = 8;

/** The racks of the owned and cluster options, with their servers placed: the site plan's own layout. */
export const RackPanel = observer(function RackPanel({ rows }: { rows: readonly ComparisonRow[] }) {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  const name = useOptionNames(rows);
  const planned = rows.filter((r) => r.facilityPlan);
  if (planned.length === 0) return null;
  const current = planned.find((r) => r.optionId === scenarios.selectedOptionId) ?? planned[0]!;
  return (
    <section className="card rack-panel" aria-label={t('rack.title')} data-testid="rack-view">
      <div className="card-head">
        <h3>{t('rack.title')}</h3>
        <div className="rack-tabs" role="group" aria-label={t('rack.choose')}>
          {planned.map((r) => (
            <button
              key={r.optionId}
              type="button"
              aria-pressed={r === current}
              className={r.fitsSite === false ? 'no-fit' : undefined}
              onClick={() => scenarios.selectOption(r.optionId)}
            >
              {name(r.optionId)}
            </button>
          ))}
        </div>
      </div>
      <RackView plan={current.facilityPlan!} optionId={current.optionId} />
    </section>
  );
});

export function RackView({ plan, optionId }: { plan: FacilityPlanResult; optionId: string }) {
  const { t, kw, num } = useScenarioFormat();
  const height = plan.rackUnits * U;
  const width = plan.layout.length * (RACK_W + GAP);
  const load = plan.coolingLoad;
  return (
    <div className="rack-view" data-option-id={optionId} data-fits-site={plan.fitsSite}>
      <p className={`site-verdict ${plan.fitsSite ? 'fits' : 'no-fit'}`} data-testid="site-verdict">
        <strong>{t(plan.fitsSite ? 'rack.fits' : 'rack.doesNotFit')}</strong>{' '}
        {t('rack.summary', {
          racks: t('rack.racks', { count: plan.racks }),
          perRack: t('rack.perRack', { count: plan.serversPerRack }),
          it: kw(plan.itKW),
          facility: kw(plan.facilityKW),
          pue: num(plan.pue, 2),
        })}
      </p>
      {plan.shortfalls.length > 0 && (
        <ul className="shortfalls" data-testid="shortfalls">
          {plan.shortfalls.map((s) => (
            <li key={s.what}>{s.message}</li>
          ))}
        </ul>
      )}
      <p className="hint">
        {t('rack.cooling', {
          kw: kw(load.kW),
          btu: num(load.btuPerHour, 0),
          tons: num(load.tons, 1),
          required: t(`cooling.${plan.coolingRequired}`),
        })}
        {plan.coolingCapacityKW !== null && ` ${t('rack.capacity', { kw: kw(plan.coolingCapacityKW) })}`}
      </p>
      <div className="rack-scroll">
        <svg
          width={width}
          height={height + TOP + 58}
          viewBox={`0 0 ${width} ${height + TOP + 58}`}
          role="img"
          aria-label={t('rack.aria', {
            racks: t('rack.racks', { count: plan.racks }),
            servers: t('rack.servers', { count: plan.servers.count }),
          })}
        >
          {plan.layout.map((rack, i) => {
            const x = i * (RACK_W + GAP) + GAP / 2;
            const share = Math.min(1, rack.kW / Math.max(rack.kWLimit, 1e-9));
            return (
              <g key={rack.index} data-rack={rack.index} data-kw={rack.kW} data-cooling={rack.coolingRequired}>
                <rect x={x} y={TOP} width={RACK_W} height={height} className="rack-frame" />
                {rack.slots.map((slot) => (
                  <g key={slot.number} data-server={slot.number} data-u={`${slot.bottomU}-${slot.topU}`}>
                    <rect
                      x={x + 6}
                      y={TOP + (plan.rackUnits - slot.topU) * U + 0.5}
                      width={RACK_W - 12}
                      height={slot.heightU * U - 1}
                      fill={COOLING_COLORS[rack.coolingRequired]}
                      className="rack-server"
                    >
                      <title>
                        {t('rack.server', { label: slot.label, bottom: slot.bottomU, top: slot.topU, kw: kw(slot.kW) })}
                      </title>
                    </rect>
                    {slot.heightU * U >= 12 && (
                      <text
                        x={x + RACK_W / 2}
                        y={TOP + (plan.rackUnits - slot.topU) * U + (slot.heightU * U) / 2 + 4}
                        className="rack-server-label"
                      >
                        {t('rack.slot', { n: slot.number, bottom: slot.bottomU, top: slot.topU })}
                      </text>
                    )}
                  </g>
                ))}
                <text x={x + RACK_W / 2} y={TOP + height + 16} className="rack-label">
                  {t('rack.rack', { n: rack.index })}
                </text>
                <rect x={x} y={TOP + height + 24} width={RACK_W} height={7} className="rack-bar" />
                <rect
                  x={x}
                  y={TOP + height + 24}
                  width={RACK_W * share}
                  height={7}
                  className={rack.overLimit ? 'rack-bar-fill over' : 'rack-bar-fill'}
                />
                <text x={x + RACK_W / 2} y={TOP + height + 46} className={rack.overLimit ? 'rack-kw over' : 'rack-kw'}>
                  {t('rack.kwOfLimit', { kw: kw(rack.kW), limit: kw(rack.kWLimit) })}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="rack-legend">
        {(Object.keys(COOLING_COLORS) as CoolingType[]).map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: COOLING_COLORS[c] }} aria-hidden="true" />
            {t(`cooling.${c}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
