import type { ColDef, GridApi, RowClassParams, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { observer } from 'mobx-react-lite';
import { useEffect, useMemo, useRef } from 'react';
import type { Comparison, ComparisonRow } from '../../../estimator/compare';
import { useStores } from '../app/stores';
import { useTranslation } from 'react-i18next';
import { useOptionNames, useScenarioFormat } from './format';
import { verdictOf } from './verdict';

type Col = ColDef<ComparisonRow> & { colId: string };

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 40;

/** Columns a user may not hide: without them the row means nothing. */
const FIXED = ['rank', 'label'];

/** The comparison, ranked (cheapest that works first, highlighted); click a row for its cost lines and racks. */
export const ComparisonGrid = observer(function ComparisonGrid({ comparison }: { comparison: Comparison }) {
  const { scenarios } = useStores();
  const { t, language, num, money, kindText } = useScenarioFormat();
  const { t: tc } = useTranslation('calibration');
  const currency = comparison.currency;
  const sited = comparison.rows.some((r) => r.fitsSite !== undefined);
  const name = useOptionNames(comparison.rows);

  const columns = useMemo<Col[]>(() => {
    const blank = '—';
    const fmt =
      (f: (v: number) => string) =>
      ({ value }: ValueFormatterParams<ComparisonRow>) =>
        typeof value === 'number' ? f(value) : blank;
    const moneyCol = (colId: keyof ComparisonRow & string, width = 150): Col => ({
      colId,
      field: colId,
      headerName: t(`grid.${colId}`, { currency }),
      valueFormatter: fmt((v) => money(v, currency).replace(`${currency} `, '')),
      type: 'numericColumn',
      width,
    });
    const numberCol = (colId: keyof ComparisonRow & string, digits: number, width = 120): Col => ({
      colId,
      field: colId,
      headerName: t(`grid.${colId}`),
      valueFormatter: fmt((v) => num(v, digits)),
      type: 'numericColumn',
      width,
    });
    /** A range the accuracy bands give a figure (issue 9): "12,000 – 15,500"; sorted by its high end. */
    const rangeCol = (
      colId: string,
      header: string,
      get: (r: ComparisonRow) => ComparisonRow['totalCostRange'],
      f: (v: number) => string,
      width: number,
    ): Col => ({
      colId,
      headerName: header,
      valueGetter: (p) => (p.data ? (get(p.data)?.high ?? null) : null),
      valueFormatter: (p) => {
        const r = p.data ? get(p.data) : null;
        return r ? tc('ranking.range', { low: f(r.low), high: f(r.high) }) : blank;
      },
      type: 'numericColumn',
      width,
    });
    const cols: Col[] = [
      { colId: 'rank', field: 'rank', headerName: t('grid.rank'), width: 64, pinned: 'left', type: 'numericColumn' },
      {
        colId: 'label',
        valueGetter: (p) => (p.data ? name(p.data.optionId) : ''),
        headerName: t('grid.option'),
        width: 280,
        pinned: 'left',
        tooltipValueGetter: (p) => (p.data ? `${name(p.data.optionId)} (${p.data.optionId})` : ''),
      },
      { colId: 'kind', headerName: t('grid.kind'), valueGetter: (p) => (p.data ? kindText(p.data) : ''), width: 140 },
      {
        colId: 'gpus',
        headerName: t('grid.gpus'),
        valueGetter: (p) => (p.data ? `${p.data.gpus} × ${p.data.gpu}` : ''),
        width: 170,
      },
      {
        colId: 'verdict',
        headerName: t('grid.verdict'),
        valueGetter: (p) => (p.data ? t(`verdict.${verdictOf(p.data).verdict}`) : ''),
        tooltipValueGetter: (p) => (p.data ? (verdictOf(p.data).reason ?? '') : ''),
        cellClass: (p) => (p.data ? `verdict-cell verdict-${verdictOf(p.data).verdict}` : ''),
        width: 170,
      },
      {
        colId: 'reason',
        headerName: t('grid.reason'),
        valueGetter: (p) => (p.data ? (verdictOf(p.data).reason ?? '') : ''),
        tooltipValueGetter: (p) => (p.data ? (verdictOf(p.data).reason ?? '') : ''),
        width: 280,
      },
      moneyCol('totalCost', 160),
      rangeCol(
        'totalCostRange',
        tc('ranking.totalCostRange', { currency }),
        (r) => r.totalCostRange,
        (v) => money(v, currency).replace(`${currency} `, ''),
        230,
      ),
      moneyCol('costPerRun', 130),
      moneyCol('capex'),
      moneyCol('opexTotal'),
      moneyCol('npvCost'),
      numberCol('hoursPerRun', 2),
      rangeCol(
        'hoursPerRunRange',
        tc('ranking.hoursPerRunRange'),
        (r) => r.hoursPerRunRange,
        (v) => num(v, 2),
        170,
      ),
      numberCol('totalHours', 0),
      {
        colId: 'meetsSchedule',
        headerName: t('grid.meetsSchedule'),
        valueGetter: (p) => (p.data ? t(p.data.meetsSchedule && p.data.meetsDeadline ? 'grid.yes' : 'grid.no') : ''),
        width: 130,
      },
      {
        colId: 'breakEvenMonths',
        headerName: t('grid.breakEvenMonths'),
        valueGetter: (p) => p.data?.breakEvenMonths ?? null,
        valueFormatter: (p) =>
          typeof p.value === 'number'
            ? t('grid.month', { month: p.value })
            : p.data?.kind !== 'cloud' && p.data?.breakEvenAgainst
              ? t('grid.notWithin')
              : blank,
        tooltipValueGetter: (p) =>
          p.data?.breakEvenAgainst ? t('grid.breakEvenAgainst', { option: p.data.breakEvenAgainst }) : '',
        type: 'numericColumn',
        width: 140,
      },
      numberCol('energyKWh', 0, 130),
      numberCol('powerKW', 1, 110),
      numberCol('coolingBTUh', 0, 130),
      numberCol('coolingTons', 2, 120),
    ];
    if (sited)
      cols.push(
        numberCol('racks', 0, 90),
        numberCol('rackKWMax', 1, 130),
        {
          colId: 'coolingRequired',
          headerName: t('grid.coolingRequired'),
          valueGetter: (p) => (p.data?.coolingRequired ? t(`cooling.${p.data.coolingRequired}`) : ''),
          width: 150,
        },
        {
          colId: 'fitsSite',
          headerName: t('grid.fitsSite'),
          valueGetter: (p) =>
            p.data?.fitsSite === undefined ? '' : t(p.data.fitsSite ? 'grid.fitsSiteYes' : 'grid.fitsSiteNo'),
          cellClass: (p) => (p.data?.fitsSite === false ? 'verdict-cell verdict-does-not-fit-site' : ''),
          tooltipValueGetter: (p) => (p.data?.fitsSite === false ? (verdictOf(p.data).reason ?? '') : ''),
          width: 140,
        },
        moneyCol('facilityCapex', 140),
      );
    // What decides first: cost, whether it works, how long; the working after.
    const order = [
      'rank',
      'label',
      'totalCost',
      'totalCostRange',
      'verdict',
      'fitsSite',
      'hoursPerRun',
      'hoursPerRunRange',
      'costPerRun',
      'breakEvenMonths',
      'kind',
      'gpus',
      'reason',
    ];
    const at = (c: Col) => (order.includes(c.colId) ? order.indexOf(c.colId) : order.length);
    return cols
      .map((c, i) => ({ c, i }))
      .sort((a, b) => at(a.c) - at(b.c) || a.i - b.i)
      .map(({ c }) => c);
    // Headers are rebuilt when the language changes.
  }, [t, tc, currency, sited, money, num, kindText, name]);

  const hidden = scenarios.hiddenColumns;
  const shownColumns = useMemo(() => columns.map((c) => ({ ...c, hide: hidden.includes(c.colId) })), [columns, hidden]);
  const cheapest = comparison.cheapestOptionId;
  const selected = scenarios.selectedOptionId;
  const api = useRef<GridApi<ComparisonRow> | null>(null);
  // Row classes are computed when a row is drawn: draw again when the highlighted rows change.
  useEffect(() => api.current?.redrawRows(), [cheapest, selected]);

  return (
    <section className="card comparison" aria-label={t('grid.title')}>
      <div className="card-head">
        <h3>{t('grid.title')}</h3>
        <ColumnChooser columns={columns} />
      </div>
      <div
        className="comparison-grid"
        data-testid="comparison-grid"
        lang={language}
        // Every row shows, and room is left for the horizontal scrollbar (autoHeight lets it cover the last row).
        style={{ height: HEADER_HEIGHT + ROW_HEIGHT * comparison.rows.length + 20 }}
      >
        <AgGridReact<ComparisonRow>
          rowData={comparison.rows.slice()}
          columnDefs={shownColumns}
          getRowId={(p) => p.data.optionId}
          defaultColDef={{ sortable: true, resizable: true }}
          rowHeight={ROW_HEIGHT}
          headerHeight={HEADER_HEIGHT}
          suppressColumnVirtualisation
          tooltipShowDelay={300}
          rowClassRules={{
            'row-cheapest': (p: RowClassParams<ComparisonRow>) => p.data?.optionId === cheapest,
            'row-infeasible': (p: RowClassParams<ComparisonRow>) => p.data?.feasible === false,
            'row-selected': (p: RowClassParams<ComparisonRow>) => p.data?.optionId === selected,
          }}
          onGridReady={(e) => (api.current = e.api)}
          onRowClicked={(e) => e.data && scenarios.selectOption(e.data.optionId)}
        />
      </div>
    </section>
  );
});

/** Which columns show (the grid's own column chooser is an Enterprise feature); the choice is remembered. */
const ColumnChooser = observer(function ColumnChooser({ columns }: { columns: Col[] }) {
  const { scenarios } = useStores();
  const { t } = useScenarioFormat();
  return (
    <details className="column-chooser">
      <summary>{t('grid.columns')}</summary>
      <div className="column-list" role="group" aria-label={t('grid.columns')}>
        {columns
          .filter((c) => !FIXED.includes(c.colId))
          .map((c) => (
            <label key={c.colId}>
              <input
                type="checkbox"
                checked={!scenarios.hiddenColumns.includes(c.colId)}
                onChange={(e) => scenarios.setColumnHidden(c.colId, !e.target.checked)}
              />
              {c.headerName}
            </label>
          ))}
      </div>
    </details>
  );
});
