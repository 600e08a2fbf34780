import type { CellClassParams, ColDef, ValueFormatterParams, ValueSetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { observer } from 'mobx-react-lite';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredGpu } from '../db/database';
import { useStores } from '../app/stores';
import type { GpuPriceField } from './CatalogStore';

const number = (digits: number) => (p: ValueFormatterParams) =>
  typeof p.value === 'number' ? p.value.toLocaleString(undefined, { maximumFractionDigits: digits }) : '—';

const editedClass = (field: string) => (p: CellClassParams<StoredGpu>) =>
  p.data && field in p.data.edits ? 'cell-user-edited' : '';

export const GpuGrid = observer(function GpuGrid() {
  const { catalog } = useStores();
  const { t, i18n } = useTranslation('catalog');
  const [error, setError] = useState<string | null>(null);

  const columns = useMemo<ColDef<StoredGpu>[]>(() => {
    const col = (key: string) => t(`gpus.columns.${key}`);
    const priceColumn = (field: GpuPriceField): ColDef<StoredGpu> => ({
      colId: field,
      headerName: col(field),
      valueGetter: (p) => p.data?.[field]?.amount ?? null,
      valueFormatter: number(0),
      editable: true,
      cellEditor: 'agNumberCellEditor',
      cellClass: editedClass(field),
      filter: 'agNumberColumnFilter',
      // The store owns the row: it validates, writes IndexedDB, then hands the grid a new row.
      valueSetter: (p: ValueSetterParams<StoredGpu>) => {
        if (p.data && typeof p.newValue === 'number')
          void catalog.editGpuPrice(p.data.id, field, p.newValue).then(setError);
        return false;
      },
    });
    return [
      { field: 'id', headerName: col('id'), pinned: 'left', width: 170 },
      { field: 'name', headerName: col('name'), width: 240 },
      priceColumn('priceNew'),
      priceColumn('priceUsed'),
      { field: 'memoryGB', headerName: col('memoryGB'), filter: 'agNumberColumnFilter', width: 130 },
      {
        field: 'memoryBandwidthTBs',
        headerName: col('memoryBandwidthTBs'),
        filter: 'agNumberColumnFilter',
        width: 150,
      },
      {
        colId: 'bf16',
        headerName: col('bf16'),
        valueGetter: (p) => p.data?.tflops.bf16 ?? null,
        valueFormatter: number(1),
        filter: 'agNumberColumnFilter',
      },
      {
        colId: 'fp16',
        headerName: col('fp16'),
        valueGetter: (p) => p.data?.tflops.fp16 ?? null,
        valueFormatter: number(1),
        filter: 'agNumberColumnFilter',
      },
      {
        colId: 'fp8',
        headerName: col('fp8'),
        valueGetter: (p) => p.data?.tflops.fp8 ?? null,
        valueFormatter: number(1),
        filter: 'agNumberColumnFilter',
      },
      { field: 'tdpWatts', headerName: col('tdpWatts'), filter: 'agNumberColumnFilter', width: 110 },
      { field: 'vendor', headerName: col('vendor'), width: 100 },
      { field: 'architecture', headerName: col('architecture'), width: 120 },
      { colId: 'link', headerName: col('link'), valueGetter: (p) => p.data?.link.kind, width: 110 },
      { colId: 'linkGBs', headerName: col('linkGBs'), valueGetter: (p) => p.data?.link.gbPerSecond, width: 130 },
      {
        colId: 'origin',
        headerName: col('origin'),
        valueGetter: (p) =>
          p.data && Object.keys(p.data.edits).length
            ? t('gpus.origin.edited')
            : t(`gpus.origin.${p.data?.origin ?? 'shipped'}`),
        width: 130,
      },
      { field: 'asOf', headerName: col('asOf'), width: 110 },
      { field: 'source', headerName: col('source'), width: 360, tooltipField: 'source' },
    ];
    // Headers are rebuilt when the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language, catalog]);

  return (
    <section className="panel">
      <h2>{t('gpus.title')}</h2>
      <p className="hint">{t('gpus.hint')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="grid" data-testid="gpu-grid">
        <AgGridReact<StoredGpu>
          rowData={catalog.gpus.slice()}
          columnDefs={columns}
          getRowId={(p) => p.data.id}
          defaultColDef={{ sortable: true, filter: true, resizable: true }}
          singleClickEdit={false}
          suppressColumnVirtualisation
        />
      </div>
    </section>
  );
});
