import { AgCharts } from 'ag-charts-react';
import {
  BarSeriesModule,
  CartesianChartModule,
  CategoryAxisModule,
  CrossLinesModule,
  LegendModule,
  NumberAxisModule,
  type AgCartesianChartOptions,
} from 'ag-charts-community';
import { useMemo } from 'react';
import type { Estimate } from '../../../estimator/training';
import { formatGB, formatGiB, formatNumber } from './format';
import { useFormat } from './useFormat';

const MODULES = [
  CartesianChartModule,
  BarSeriesModule,
  CategoryAxisModule,
  NumberAxisModule,
  CrossLinesModule,
  LegendModule,
];

/** The six components of the estimate's peak, then what `fits` adds on top (context and allocator slack). */
export const MEMORY_PARTS = ['weights', 'gradients', 'optimizer', 'activations', 'logits', 'other', 'reserve'] as const;
export type MemoryPart = (typeof MEMORY_PARTS)[number];

export const PART_COLORS: Record<MemoryPart, string> = {
  weights: '#2f4f86',
  gradients: '#5f86c9',
  optimizer: '#8468b5',
  activations: '#d48a2e',
  logits: '#c0584a',
  other: '#7d8799',
  reserve: '#c8cdd6',
};

export const CAPACITY_COLOR = '#a4000f';

export function memoryParts(estimate: Estimate): Record<MemoryPart, number> {
  const m = estimate.memory;
  return { ...m.breakdown, reserve: Math.max(0, m.requiredBytesPerGpu - m.peakBytesPerGpu) };
}

/** The memory of one GPU as one stacked bar, against a line at the GPU's capacity. */
export function MemoryChart({ estimate }: { estimate: Estimate }) {
  const { t, language, show } = useFormat();
  const options = useMemo<AgCartesianChartOptions>(() => {
    const parts = memoryParts(estimate);
    const capacity = estimate.memory.capacityBytes / 1e9;
    const needed = estimate.memory.requiredBytesPerGpu / 1e9;
    const gb = (bytes: number) => show(formatGB(bytes, language));
    const datum: Record<string, string | number> = { category: t('memory.category') };
    for (const part of MEMORY_PARTS) datum[part] = parts[part] / 1e9;
    return {
      data: [datum],
      height: 86,
      padding: { top: 4, right: 16, bottom: 0, left: 4 },
      animation: { enabled: false },
      background: { visible: false },
      theme: { params: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif', fontSize: 12 } },
      series: MEMORY_PARTS.map((part) => ({
        type: 'bar' as const,
        direction: 'horizontal' as const,
        xKey: 'category',
        yKey: part,
        yName: t(`memory.components.${part}`),
        stacked: true,
        fill: PART_COLORS[part],
        stroke: '#ffffff',
        strokeWidth: 1,
        tooltip: {
          renderer: ({ datum: d }: { datum: Record<string, number> }) => ({
            heading: t(`memory.components.${part}`),
            data: [{ label: t('memory.columns.size'), value: gb((d[part] ?? 0) * 1e9) }],
          }),
        },
      })),
      axes: {
        x: { type: 'category', position: 'left', label: { enabled: false }, paddingInner: 0, paddingOuter: 0.12 },
        y: {
          type: 'number',
          position: 'bottom',
          min: 0,
          max: Math.ceil(Math.max(capacity, needed) * 1.08),
          label: { formatter: ({ value }: { value: number }) => formatNumber(value, language, 0) },
          // Labelled in the caption above the chart: a label on the canvas would collide with the bar.
          crossLines: [{ type: 'line', value: capacity, stroke: CAPACITY_COLOR, strokeWidth: 2, lineDash: [5, 3] }],
        },
      },
      // The table under the chart is its legend (same colours, with the numbers).
      legend: { enabled: false },
    } as AgCartesianChartOptions;
  }, [estimate, t, language, show]);

  return (
    <figure className="memory-figure">
      <figcaption>
        <span>{t('memory.axis')}</span>
        <span className="capacity-key">
          <span className="capacity-swatch" aria-hidden="true" />
          {t('memory.capacity', {
            value: `${show(formatGB(estimate.memory.capacityBytes, language))} (${show(formatGiB(estimate.memory.capacityBytes, language))})`,
          })}
        </span>
      </figcaption>
      <div className="memory-chart" role="img" aria-label={t('memory.title')}>
        <AgCharts options={options} modules={MODULES} />
      </div>
    </figure>
  );
}
