import type {
  CellClassParams,
  ColDef,
  GridApi,
  ICellRendererParams,
  ITooltipParams,
  PostSortRowsParams,
  ValueFormatterParams,
  ValueSetterParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getPath, isPlainObject } from '../../../catalog/paths';
import { priceAge } from '../../../catalog/staleness';
import type { TableKind } from '../../../catalog/tables';
import type { Conflict } from '../../../catalog/update';
import type { CatalogStore, Problems } from './CatalogStore';
import { isPriceLike } from './cells';
import { columnsOfKind, type FieldSpec } from './fields';
import { changedBy, columnHeader, formatNumber, formatPrice, formatWhen } from './format';
import type { AnyStoredRow } from './tables';

export const GROUP_COLUMN = '__group';
export const ORIGIN_COLUMN = 'origin';

/** Columns a tab starts without (the column chooser brings them back; the choice is remembered). */
export const DEFAULT_HIDDEN: Record<TableKind, readonly string[]> = {
  gpus: ['memoryType', 'tflops.fp32', 'tflops.tf32', 'tflops.int8', 'tflops.fp4', 'link.pcieGen', 'notes'],
  systems: ['notes'],
  cloudOffers: ['vcpus', 'notes'],
  networks: ['switch.powerWatts', 'switch.rackUnits', 'notes'],
  facilities: ['minKWPerRack', 'notes'],
};

const WIDE = new Set(['source', 'notes', 'name']);

export interface CatalogGridProps {
  kind: TableKind;
  rows: AnyStoredRow[];
  store: CatalogStore;
  hidden: readonly string[];
  groupBy: string | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** A change the store refused (or [] once one was saved), with the row it was for. */
  onEdited: (id: string, problems: Problems) => void;
}

const groupKey = (row: AnyStoredRow | undefined, path: string) => {
  const value = row ? getPath(row, path) : undefined;
  return value === undefined || value === null ? '' : String(value);
};

function priceTooltip(row: AnyStoredRow, path: string, staleMonths: number, t: TFunction): string | undefined {
  const price = getPath(row, path);
  if (!isPriceLike(price) || typeof price.asOf !== 'string') return undefined;
  const age = priceAge(price.asOf, new Date(), staleMonths);
  const when = age.stale
    ? t('catalog:stale.title', { asOf: price.asOf, count: age.months, threshold: staleMonths })
    : `${price.asOf} · ${t('catalog:stale.age', { count: age.months })}`;
  return `${when}\n${t('catalog:columns.common.source')}: ${String(price.source)}`;
}

function editTooltip(row: AnyStoredRow, path: string, conflicts: Conflict[], t: TFunction, lang: string) {
  const edit = row.edits[path];
  if (!edit) return undefined;
  const lines = [
    t('catalog:provenance.changedBy', { who: changedBy(edit.by, t), when: formatWhen(edit.at, lang) }),
    t('catalog:provenance.replaced', { value: shortValue(edit.shipped, lang, t) }),
  ];
  const conflict = conflicts.find((c) => c.id === row.id && c.field === path);
  if (conflict) lines.push(t('catalog:provenance.conflict', { value: shortValue(conflict.newShipped, lang, t) }));
  return lines.join('\n');
}

function shortValue(value: unknown, lang: string, t: TFunction): string {
  if (value === undefined) return t('catalog:value.none');
  if (value === null) return t('catalog:value.null');
  if (typeof value === 'number') return formatNumber(value, lang);
  if (isPriceLike(value)) return formatPrice(value, lang, t);
  return isPlainObject(value) ? JSON.stringify(value) : String(value);
}

/** A price: the amount and currency, with a "stale" flag when it is older than the threshold. */
function PriceCell(props: ICellRendererParams<AnyStoredRow> & { staleMonths: number; path: string }) {
  const { t, i18n } = useTranslation('catalog');
  const row = props.data;
  const price = row ? getPath(row, props.path) : undefined;
  if (!row || !isPriceLike(price)) return null;
  const stale = typeof price.asOf === 'string' && priceAge(price.asOf, new Date(), props.staleMonths).stale;
  return (
    <span className="price-cell">
      {formatPrice(price, i18n.language, t, row.per)}
      {stale && (
        <span className="stale-badge" data-stale="true">
          {t('stale.badge')}
        </span>
      )}
    </span>
  );
}

/**
 * One catalog tab in AG Grid (Community): sorting, filters, a pinned id column, units in the
 * headers, editing every cell but the id. Row grouping is an Enterprise feature, so "group by"
 * is built from what Community has: rows are kept together by the chosen column after every sort
 * (`postSortRows`), and a pinned group column spans each group's rows (`spanRows`) with its count.
 */
export function CatalogGrid({ kind, rows, store, hidden, groupBy, selectedId, onSelect, onEdited }: CatalogGridProps) {
  const { t, i18n } = useTranslation('catalog');
  const lang = i18n.language;
  const api = useRef<GridApi<AnyStoredRow> | null>(null);
  const groupCounts = useRef(new Map<string, number>());
  const staleMonths = store.staleMonths;
  const conflicts = store.conflicts;

  const columns = useMemo<ColDef<AnyStoredRow>[]>(() => {
    const setter = (field: FieldSpec) => (p: ValueSetterParams<AnyStoredRow>) => {
      const row = p.data;
      if (!row) return false;
      let work: Promise<Problems>;
      if (field.kind === 'price') {
        const amount = typeof p.newValue === 'number' ? p.newValue : null;
        work = store.editPrice(kind, row.id, field.path, amount);
      } else {
        let value: unknown = p.newValue;
        if (value === '' || value === null || value === undefined) value = field.nullable ? null : undefined;
        else if (field.kind === 'text' && typeof value === 'string') value = value.trim() || undefined;
        work = store.editCell(kind, row.id, field.path, value);
      }
      void work.then((problems) => onEdited(row.id, problems));
      // The store owns the row: it validates, writes IndexedDB, then hands the grid a new row.
      return false;
    };

    const cellClass = (field: FieldSpec) => (p: CellClassParams<AnyStoredRow>) => {
      const row = p.data;
      if (!row) return '';
      const classes: string[] = [];
      if (field.path in row.edits) classes.push('cell-user-edited');
      if (conflicts.some((c) => c.table === kind && c.id === row.id && c.field === field.path))
        classes.push('cell-conflict');
      if (field.kind === 'price') {
        const price = getPath(row, field.path);
        if (isPriceLike(price) && typeof price.asOf === 'string' && priceAge(price.asOf, new Date(), staleMonths).stale)
          classes.push('cell-stale');
      }
      return classes.join(' ');
    };

    const column = (field: FieldSpec): ColDef<AnyStoredRow> => {
      const numeric = field.kind === 'number' || field.kind === 'price';
      const def: ColDef<AnyStoredRow> = {
        colId: field.path,
        headerName: columnHeader(kind, field.path, t),
        headerTooltip: field.path,
        hide: hidden.includes(field.path),
        editable: true,
        valueSetter: setter(field),
        cellClass: cellClass(field),
        filter: numeric ? 'agNumberColumnFilter' : 'agTextColumnFilter',
        width: WIDE.has(field.path) ? 280 : field.kind === 'price' ? 190 : 140,
        tooltipValueGetter: (p: ITooltipParams<AnyStoredRow>) =>
          p.data
            ? (editTooltip(p.data, field.path, conflicts, t, lang) ??
              (field.kind === 'price' ? priceTooltip(p.data, field.path, staleMonths, t) : undefined) ??
              (WIDE.has(field.path) ? (p.valueFormatted ?? undefined) : undefined))
            : undefined,
      };
      if (field.kind === 'price')
        return {
          ...def,
          valueGetter: (p) => {
            const price = p.data ? getPath(p.data, field.path) : undefined;
            return isPriceLike(price) && typeof price.amount === 'number' ? price.amount : null;
          },
          cellRenderer: PriceCell,
          cellRendererParams: { staleMonths, path: field.path },
          // No min on the editor: a negative amount reaches the check, which says what is allowed.
          cellEditor: 'agNumberCellEditor',
        };
      const base: ColDef<AnyStoredRow> = {
        ...def,
        valueGetter: (p) => (p.data ? getPath(p.data, field.path) : undefined),
        valueFormatter: (p: ValueFormatterParams<AnyStoredRow>) =>
          p.value === null
            ? t('value.null')
            : p.value === undefined
              ? ''
              : typeof p.value === 'number'
                ? formatNumber(p.value, lang)
                : String(p.value),
      };
      if (field.kind === 'number') return { ...base, cellEditor: 'agNumberCellEditor' };
      if (field.kind === 'enum')
        return {
          ...base,
          cellEditor: 'agSelectCellEditor',
          cellEditorParams: { values: field.optional ? ['', ...field.options] : [...field.options] },
        };
      if (WIDE.has(field.path))
        return { ...base, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { rows: 6 } };
      return base;
    };

    const fields = columnsOfKind(kind);
    const defs: ColDef<AnyStoredRow>[] = [
      {
        colId: 'id',
        headerName: columnHeader(kind, 'id', t),
        valueGetter: (p) => p.data?.id,
        pinned: 'left',
        width: 200,
        editable: false,
        filter: 'agTextColumnFilter',
        cellClass: (p) => (p.data?.origin === 'user' ? 'cell-id cell-id-user' : 'cell-id'),
      },
    ];
    if (groupBy) {
      defs.push({
        colId: GROUP_COLUMN,
        headerName: t('columns.common.group', { column: columnHeader(kind, groupBy, t) }),
        pinned: 'left',
        width: 170,
        editable: false,
        sortable: false,
        filter: false,
        spanRows: true,
        cellClass: 'cell-group',
        valueGetter: (p) => groupKey(p.data, groupBy),
        valueFormatter: (p) => {
          const key = String(p.value ?? '');
          return `${key || t('value.none')} · ${groupCounts.current.get(key) ?? 0}`;
        },
      });
    }
    defs.push(...fields.filter((f) => f.path !== 'id').map(column));
    defs.push({
      colId: ORIGIN_COLUMN,
      headerName: t('columns.common.origin'),
      width: 130,
      editable: false,
      hide: hidden.includes(ORIGIN_COLUMN),
      valueGetter: (p) =>
        !p.data
          ? ''
          : p.data.origin === 'user'
            ? t('origin.user')
            : Object.keys(p.data.edits).length
              ? t('origin.edited')
              : t('origin.shipped'),
    });
    return defs;
  }, [kind, t, lang, hidden, groupBy, staleMonths, conflicts, store, onEdited]);

  // Keeps each group's rows together after whatever sort the user chose, groups in order.
  const postSortRows = useCallback(
    (params: PostSortRowsParams<AnyStoredRow>) => {
      if (!groupBy) return;
      const counts = new Map<string, number>();
      const keyed = params.nodes.map((node, i) => {
        const key = groupKey(node.data, groupBy);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return { node, i, key };
      });
      keyed.sort((a, b) => a.key.localeCompare(b.key, lang, { numeric: true }) || a.i - b.i);
      params.nodes.splice(0, params.nodes.length, ...keyed.map((k) => k.node));
      groupCounts.current = counts;
    },
    [groupBy, lang],
  );

  const localeText = useMemo(() => t('grid', { returnObjects: true }) as Record<string, string>, [t]);

  return (
    <AgGridReact<AnyStoredRow>
      key={`${kind}-${lang}`}
      rowData={rows}
      columnDefs={columns}
      getRowId={(p) => p.data.id}
      defaultColDef={{ sortable: true, filter: true, resizable: true }}
      localeText={localeText}
      enableCellSpan
      postSortRows={postSortRows}
      onModelUpdated={() => {
        if (groupBy) api.current?.refreshCells({ columns: [GROUP_COLUMN], force: true });
      }}
      rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
      onGridReady={(e) => {
        api.current = e.api;
        if (selectedId) e.api.getRowNode(selectedId)?.setSelected(true);
      }}
      onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0]?.id ?? null)}
      getRowClass={(p) => (p.data?.origin === 'user' ? 'row-user' : undefined)}
      rowHeight={34}
      // A tab holds tens to hundreds of rows: render them all near the viewport (and for page search).
      rowBuffer={80}
      headerHeight={38}
      tooltipShowDelay={400}
      singleClickEdit={false}
      stopEditingWhenCellsLoseFocus
      suppressColumnVirtualisation
    />
  );
}
