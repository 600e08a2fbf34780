import {
  BarSeriesModule,
  CartesianChartModule,
  CategoryAxisModule,
  CrossLinesModule,
  LegendModule,
  LineSeriesModule,
  NumberAxisModule,
  type AgCartesianChartOptions,
} from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo, type ReactNode } from 'react';
import type { Comparison, ComparisonRow } from '../../../estimator/compare';
import { formatNumber } from '../estimator/format';
import { useOptionNames, useScenarioFormat } from './format';

const MODULES = [
  CartesianChartModule,
  LineSeriesModule,
  BarSeriesModule,
  CategoryAxisModule,
  NumberAxisModule,
  CrossLinesModule,
  LegendModule,
];

/** One colour per option, by rank, the same in every chart. */
export const OPTION_COLORS = ['#2f4f86', '#d48a2e', '#1a7f37', '#8468b5', '#c0584a', '#5f86c9', '#7d8799', '#9a6700'];
const LIMIT_COLOR = '#a4000f';

const BASE = {
  animation: { enabled: false },
  background: { visible: false },
  theme: { params: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif', fontSize: 12 } },
} as const;

export interface SiteLimits {
  readonly powerKW: number | null;
  readonly coolingKW: number | null;
}

/**
 * Cumulative cost over the horizon per option (break-even months marked), time to result, and power:
 * the comparison's own numbers, nothing recomputed here.
 */
export function ComparisonCharts({
  comparison,
  deadlineHours,
  site,
}: {
  comparison: Comparison;
  deadlineHours: number | null;
  site: SiteLimits | null;
}) {
  const { t } = useScenarioFormat();
  const name = useOptionNames(comparison.rows);
  return (
    <div className="charts">
      <ul className="chart-legend" aria-label={t('charts.legend')}>
        {comparison.rows.map((r) => (
          <li key={r.optionId} className={r.feasible ? undefined : 'infeasible'}>
            <span className="swatch" style={{ background: colorOf(comparison.rows, r.optionId) }} aria-hidden="true" />
            {t('charts.legendItem', { rank: r.rank, name: name(r.optionId) })}
          </li>
        ))}
      </ul>
      <ChartCard
        id="cumulative"
        title={t('charts.cumulative')}
        hint={t('charts.cumulativeHint', { currency: comparison.currency })}
      >
        <CumulativeChart comparison={comparison} name={name} />
      </ChartCard>
      <ChartCard id="time" title={t('charts.time')} hint={t('charts.timeHint')}>
        <TimeChart rows={comparison.rows} deadlineHours={deadlineHours} name={name} />
      </ChartCard>
      <ChartCard id="power" title={t('charts.power')} hint={t('charts.powerHint')}>
        <PowerChart rows={comparison.rows} site={site} name={name} />
      </ChartCard>
    </div>
  );
}

function ChartCard({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <figure className="card chart-card" data-testid={`chart-${id}`}>
      <figcaption>
        <h3>{title}</h3>
        <span className="hint">{hint}</span>
      </figcaption>
      <div className="chart" role="img" aria-label={title}>
        {children}
      </div>
    </figure>
  );
}

const colorOf = (rows: readonly ComparisonRow[], id: string) =>
  OPTION_COLORS[rows.findIndex((r) => r.optionId === id) % OPTION_COLORS.length] ?? OPTION_COLORS[0]!;

type Names = (optionId: string) => string;

function CumulativeChart({ comparison, name }: { comparison: Comparison; name: Names }) {
  const { t, language, money } = useScenarioFormat();
  const options = useMemo<AgCartesianChartOptions>(() => {
    const rows = comparison.rows.filter((r) => r.cumulativeCost);
    const months = comparison.workload.horizonMonths;
    const data = Array.from({ length: months + 1 }, (_, month) => {
      const datum: Record<string, number> = { month };
      for (const r of rows) datum[r.optionId] = r.cumulativeCost![month] ?? 0;
      return datum;
    });
    const breakEvens = rows.filter((r) => r.breakEvenMonths !== null);
    return {
      ...BASE,
      data,
      height: 300,
      series: rows.map((r) => ({
        type: 'line' as const,
        xKey: 'month',
        yKey: r.optionId,
        yName: name(r.optionId),
        stroke: colorOf(comparison.rows, r.optionId),
        strokeWidth: r.optionId === comparison.cheapestOptionId ? 3 : 2,
        marker: { enabled: false },
        tooltip: {
          renderer: ({ datum }: { datum: Record<string, number> }) => ({
            heading: name(r.optionId),
            data: [
              { label: t('charts.month'), value: String(datum.month) },
              { label: t('charts.paid'), value: money(datum[r.optionId] ?? 0, comparison.currency) },
            ],
          }),
        },
      })),
      axes: {
        x: {
          type: 'number',
          position: 'bottom',
          min: 0,
          max: months,
          title: { text: t('charts.months') },
          crossLines: breakEvens.map((r) => ({
            type: 'line',
            value: r.breakEvenMonths!,
            stroke: colorOf(comparison.rows, r.optionId),
            lineDash: [4, 3],
            label: {
              text: t('charts.breakEven', { rank: r.rank, month: r.breakEvenMonths }),
              position: 'top',
              fontSize: 11,
            },
          })),
        },
        y: {
          type: 'number',
          position: 'left',
          label: { formatter: ({ value }: { value: number }) => formatNumber(value, language, 0) },
        },
      },
      // The legend above the charts names every option once, for all three.
      legend: { enabled: false },
    } as AgCartesianChartOptions;
  }, [comparison, t, language, money, name]);
  return <AgCharts options={options} modules={MODULES} />;
}

/** A horizontal bar per option, by rank (the legend names them), coloured like its line. */
function barChart(
  rows: readonly ComparisonRow[],
  value: (r: ComparisonRow) => number | null,
  name: string,
  limits: { value: number; label: string }[],
  format: (v: number) => string,
  language: string,
  optionName: Names,
): AgCartesianChartOptions {
  const data = rows
    .filter((r) => value(r) !== null)
    .map((r) => ({
      option: `#${r.rank}`,
      full: optionName(r.optionId),
      value: value(r)!,
      fill: colorOf(rows, r.optionId),
    }));
  return {
    ...BASE,
    data,
    height: 60 + 34 * Math.max(1, data.length),
    series: [
      {
        type: 'bar',
        direction: 'horizontal',
        xKey: 'option',
        yKey: 'value',
        yName: name,
        itemStyler: ({ datum }: { datum: { fill: string } }) => ({ fill: datum.fill }),
        label: { formatter: ({ value: v }: { value: number }) => format(v), placement: 'outside-end' },
        tooltip: {
          renderer: ({ datum }: { datum: { full: string; value: number } }) => ({
            heading: datum.full,
            data: [{ label: name, value: format(datum.value) }],
          }),
        },
      },
    ],
    axes: {
      x: { type: 'category', position: 'left' },
      y: {
        type: 'number',
        position: 'bottom',
        min: 0,
        max: Math.max(...data.map((d) => d.value), ...limits.map((l) => l.value)) * 1.25 || 1,
        label: { formatter: ({ value: v }: { value: number }) => formatNumber(v, language, 0) },
        crossLines: limits.map((l) => ({
          type: 'line',
          value: l.value,
          stroke: LIMIT_COLOR,
          strokeWidth: 2,
          lineDash: [5, 3],
          label: { text: l.label, position: 'top', color: LIMIT_COLOR, fontSize: 11 },
        })),
      },
    },
    legend: { enabled: false },
  } as AgCartesianChartOptions;
}

function TimeChart({
  rows,
  deadlineHours,
  name,
}: {
  rows: readonly ComparisonRow[];
  deadlineHours: number | null;
  name: Names;
}) {
  const { t, language, hours } = useScenarioFormat();
  const options = useMemo(
    () =>
      barChart(
        rows,
        (r) => r.hoursPerRun,
        t('charts.hoursPerRun'),
        deadlineHours === null
          ? []
          : [{ value: deadlineHours, label: t('charts.deadline', { value: hours(deadlineHours) }) }],
        hours,
        language,
        name,
      ),
    [rows, deadlineHours, t, hours, language, name],
  );
  return <AgCharts options={options} modules={MODULES} />;
}

function PowerChart({ rows, site, name }: { rows: readonly ComparisonRow[]; site: SiteLimits | null; name: Names }) {
  const { t, language, kw } = useScenarioFormat();
  const options = useMemo(() => {
    const limits: { value: number; label: string }[] = [];
    if (site?.powerKW) limits.push({ value: site.powerKW, label: t('charts.sitePower', { value: kw(site.powerKW) }) });
    if (site?.coolingKW && site.coolingKW !== site.powerKW)
      limits.push({ value: site.coolingKW, label: t('charts.siteCooling', { value: kw(site.coolingKW) }) });
    // Owned hardware is checked against the room at its nameplate power; cloud rows show their mean draw.
    const power = (r: ComparisonRow) => r.facilityPlan?.itKW ?? r.nameplateKW ?? r.powerKW;
    return barChart(rows, power, t('charts.powerKW'), limits, kw, language, name);
  }, [rows, site, t, kw, language, name]);
  return <AgCharts options={options} modules={MODULES} />;
}
