import { observer } from 'mobx-react-lite';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_CHARS, type ImportFormat } from '../../../catalog/io';
import { TABLE_KINDS, isTableKind, type TableKind } from '../../../catalog/tables';
import { useStores } from '../app/stores';
import { usePlatform } from '../platform';
import type { DataFile } from '../platform/types';
import { CatalogGrid, DEFAULT_HIDDEN } from './CatalogGrid';
import type { ImportOutcome, Problems } from './CatalogStore';
import { rowMatches, searchWords } from './cells';
import { ColumnChooser } from './ColumnChooser';
import { columnsOfKind } from './fields';
import { columnHeader } from './format';
import { PasteDialog } from './PasteDialog';
import { localizeProblem } from './problems';
import { ProvenancePanel } from './ProvenancePanel';
import { blankDraft, draftOf, type Draft } from './row-draft';
import { RowEditor, type EditorMode } from './RowEditor';
import { ConflictList, UpdateBanner } from './UpdatePanel';
import './catalog.css';

/** The tab lives in the hash (`#catalog?tab=systems`), so a reload lands on it. */
function readTab(): TableKind {
  const tab = new URLSearchParams(globalThis.location.hash.split('?')[1] ?? '').get('tab');
  return isTableKind(tab) ? tab : 'gpus';
}

/** Columns whose every value differs: grouping by them would make a group per row. */
const UNGROUPABLE = new Set(['id', 'name', 'source', 'notes']);

/** The largest file read for an import: MAX_IMPORT_CHARS characters of UTF-8 at the most. */
const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS * 4;

type Report =
  { type: 'edit'; id: string; problems: Problems } | { type: 'import'; file: string; outcome: ImportOutcome };

type Dialog = { type: 'row'; mode: EditorMode; sourceId?: string; initial: Draft } | { type: 'paste' };

/**
 * The catalog: one tab per kind (GPUs, systems, cloud offers, networks, facilities), a search
 * across every tab with counts, the last update's summary and the conflicts it left, import and
 * export through the platform adapter, and the selected row's provenance.
 */
export const CatalogPage = observer(function CatalogPage() {
  const { catalog } = useStores();
  const platform = usePlatform();
  const { t } = useTranslation('catalog');
  const [tab, setTabState] = useState<TableKind>(readTab);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Partial<Record<TableKind, string>>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [staleText, setStaleText] = useState(String(catalog.staleMonths));

  const setTab = (kind: TableKind) => {
    setTabState(kind);
    setConfirmDelete(false);
    globalThis.history.replaceState(null, '', `#catalog?tab=${kind}`);
  };

  const words = searchWords(query);
  const shown = useMemo(() => {
    const out = {} as Record<TableKind, ReturnType<typeof catalog.rows>>;
    for (const kind of TABLE_KINDS) out[kind] = catalog.rows(kind).filter((r) => rowMatches(r, words));
    return out;
    // catalog.tables is the observable the rows come from; words is derived from query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalog.tables, query]);
  const matches = TABLE_KINDS.reduce((n, kind) => n + shown[kind].length, 0);

  const selectedId = selected[tab] ?? null;
  const row = selectedId ? catalog.row(tab, selectedId) : undefined;
  const hidden = catalog.view.hiddenColumns[tab] ?? DEFAULT_HIDDEN[tab];
  const groupBy = catalog.view.groupBy[tab] ?? null;
  const deleted = catalog.deletedShipped(tab).length;

  const onEdited = useCallback((id: string, problems: Problems) => {
    setReport((current) =>
      problems.length ? { type: 'edit', id, problems } : current?.type === 'edit' ? null : current,
    );
  }, []);
  const onSelect = useCallback((id: string | null) => setSelected((s) => ({ ...s, [tab]: id ?? undefined })), [tab]);

  const exportText = useCallback(
    async (name: string, format: ImportFormat, text: string) => {
      try {
        // A byte-order mark lets Excel read the CSV's Chinese text as UTF-8; imports drop it.
        const bytes = new TextEncoder().encode(format === 'csv' ? `\uFEFF${text}` : text);
        const saved = await platform.exportFile({ format, suggestedName: name, bytes });
        if (saved) platform.status.info(t('import.exported', { file: saved.name }));
      } catch (e) {
        platform.status.error(t('import.failed', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [platform, t],
  );

  // File > Export CSV exports the tab on screen while the catalog is open.
  useEffect(
    () =>
      platform.commands.handle('export-csv', () =>
        exportText(`gpu-planner-${tab}`, 'csv', catalog.exportTable(tab, 'csv')),
      ),
    [platform, tab, catalog, exportText],
  );

  const readFile = async (): Promise<DataFile | null | 'too-large'> => {
    const file = await platform.openDataFile();
    if (file && file.size > MAX_IMPORT_BYTES) {
      platform.status.error(
        t('import.tooLarge', {
          file: file.name,
          size: Math.ceil(file.size / 1e6),
          max: Math.round(MAX_IMPORT_BYTES / 1e6),
        }),
      );
      return 'too-large';
    }
    return file;
  };

  const importFile = async (whole: boolean) => {
    setReport(null);
    try {
      const file = await readFile();
      if (!file || file === 'too-large') return;
      const text = await file.text();
      const outcome = whole
        ? await catalog.importCatalog(text, file.name)
        : await catalog.importRows(tab, text, { file: file.name });
      setReport({ type: 'import', file: file.name, outcome });
    } catch (e) {
      platform.status.error(t('import.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const openEditor = (mode: EditorMode) => {
    if (mode === 'add') return setDialog({ type: 'row', mode, initial: blankDraft(tab) });
    if (!row) return;
    const initial = draftOf(tab, row);
    if (mode === 'duplicate') initial.id = catalog.copyId(tab, row.id);
    setDialog({ type: 'row', mode, sourceId: row.id, initial });
  };

  const remove = async () => {
    if (!row) return;
    setConfirmDelete(false);
    const problems = await catalog.deleteRow(tab, row.id);
    if (problems.length) setReport({ type: 'edit', id: row.id, problems });
    else setSelected((s) => ({ ...s, [tab]: undefined }));
  };

  const groupable = columnsOfKind(tab).filter((f) => f.kind !== 'price' && !UNGROUPABLE.has(f.path));

  return (
    <section className="panel catalog-page">
      <div className="catalog-heading">
        <div>
          <h2>{t('title')}</h2>
          <p className="hint">{t('hint')}</p>
        </div>
        <div className="catalog-file-actions">
          <button type="button" onClick={() => void importFile(true)}>
            {t('toolbar.importCatalog')}
          </button>
          <button type="button" onClick={() => void exportText('gpu-planner-catalog', 'json', catalog.exportCatalog())}>
            {t('toolbar.exportCatalog')}
          </button>
        </div>
      </div>

      <UpdateBanner store={catalog} />
      <ConflictList store={catalog} onProblems={(p) => p.length && setReport({ type: 'edit', id: '', problems: p })} />

      <div className="catalog-controls">
        <label className="catalog-search">
          {t('search.label')}
          <input
            type="search"
            value={query}
            placeholder={t('search.placeholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        {words.length > 0 && (
          <span className="hint" role="status">
            {t('search.summary', { count: matches, query: query.trim() })}
          </span>
        )}
        <label className="stale-setting">
          {t('stale.label')}
          <input
            type="number"
            min={1}
            step={1}
            value={staleText}
            aria-invalid={String(catalog.staleMonths) !== staleText || undefined}
            onChange={(e) => {
              setStaleText(e.target.value);
              const months = Number(e.target.value);
              if (Number.isInteger(months) && months >= 1) void catalog.setStaleMonths(months);
            }}
          />
          {t('stale.months')}
        </label>
      </div>

      <div role="tablist" aria-label={t('tabs.label')} className="catalog-tabs">
        {TABLE_KINDS.map((kind) => {
          const total = catalog.rows(kind).length;
          const count = shown[kind].length;
          const conflicts = catalog.conflicts.filter((c) => c.table === kind).length;
          return (
            <button
              key={kind}
              type="button"
              role="tab"
              id={`catalog-tab-${kind}`}
              aria-selected={tab === kind}
              aria-controls="catalog-tabpanel"
              onClick={() => setTab(kind)}
            >
              {t(`tabs.${kind}`)}{' '}
              <span className="tab-count" data-testid={`count-${kind}`}>
                {words.length ? t('tabs.countFiltered', { shown: count, total }) : t('tabs.count', { count: total })}
              </span>
              {conflicts > 0 && <span className="tab-conflicts">{t('tabs.conflicts', { count: conflicts })}</span>}
            </button>
          );
        })}
      </div>

      <div role="tabpanel" id="catalog-tabpanel" aria-labelledby={`catalog-tab-${tab}`} className="catalog-tabpanel">
        <div className="catalog-toolbar" role="toolbar" aria-label={t('toolbar.label', { tab: t(`tabs.${tab}`) })}>
          <button type="button" onClick={() => openEditor('add')}>
            {t('toolbar.add')}
          </button>
          <button
            type="button"
            disabled={!row}
            title={row ? undefined : t('toolbar.noSelection')}
            onClick={() => openEditor('edit')}
          >
            {t('toolbar.edit')}
          </button>
          <button type="button" disabled={!row} onClick={() => openEditor('duplicate')}>
            {t('toolbar.duplicate')}
          </button>
          {confirmDelete && row ? (
            <span className="confirm-delete">
              {t('toolbar.confirmDelete', { id: row.id })}
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('toolbar.delete')}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('toolbar.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" disabled={!row} onClick={() => setConfirmDelete(true)}>
              {t('toolbar.delete')}
            </button>
          )}
          <button
            type="button"
            disabled={!row || Object.keys(row.edits).length === 0}
            onClick={() => row && void catalog.revertRow(tab, row.id).then((p) => onEdited(row.id, p))}
          >
            {t('toolbar.revertRow')}
          </button>
          <span className="toolbar-gap" />
          <label>
            {t('toolbar.groupBy')}{' '}
            <select value={groupBy ?? ''} onChange={(e) => void catalog.setGroupBy(tab, e.target.value || null)}>
              <option value="">{t('toolbar.noGroup')}</option>
              {groupable.map((f) => (
                <option key={f.path} value={f.path}>
                  {columnHeader(tab, f.path, t)}
                </option>
              ))}
            </select>
          </label>
          <ColumnChooser kind={tab} hidden={hidden} onChange={(h) => void catalog.setHiddenColumns(tab, h)} />
          <span className="toolbar-gap" />
          <button type="button" onClick={() => void importFile(false)}>
            {t('toolbar.import')}
          </button>
          <button type="button" onClick={() => setDialog({ type: 'paste' })}>
            {t('toolbar.paste')}
          </button>
          <button
            type="button"
            onClick={() => void exportText(`gpu-planner-${tab}`, 'csv', catalog.exportTable(tab, 'csv'))}
          >
            {t('toolbar.exportCsv')}
          </button>
          <button
            type="button"
            onClick={() => void exportText(`gpu-planner-${tab}`, 'json', catalog.exportTable(tab, 'json'))}
          >
            {t('toolbar.exportJson')}
          </button>
          {deleted > 0 && (
            <button type="button" onClick={() => void catalog.restoreDeleted(tab)}>
              {t('toolbar.restoreDeleted', { count: deleted })}
            </button>
          )}
        </div>

        {report && <ReportView report={report} onDismiss={() => setReport(null)} />}

        <div className="catalog-body">
          <div className="catalog-grid" data-testid={`catalog-grid-${tab}`}>
            <CatalogGrid
              kind={tab}
              rows={shown[tab]}
              store={catalog}
              hidden={hidden}
              groupBy={groupBy}
              selectedId={selectedId}
              onSelect={onSelect}
              onEdited={onEdited}
            />
          </div>
          <ProvenancePanel kind={tab} row={row} store={catalog} onDone={onEdited} />
        </div>
        <p className="hint stale-legend">{t('stale.legend', { threshold: catalog.staleMonths })}</p>
      </div>

      {dialog?.type === 'row' && (
        <RowEditor
          kind={tab}
          mode={dialog.mode}
          sourceId={dialog.sourceId}
          initial={dialog.initial}
          store={catalog}
          onClose={(id) => {
            setDialog(null);
            if (id) setSelected((s) => ({ ...s, [tab]: id }));
          }}
        />
      )}
      {dialog?.type === 'paste' && (
        <PasteDialog
          kind={tab}
          store={catalog}
          onClose={(outcome) => {
            setDialog(null);
            if (outcome) setReport({ type: 'import', file: t('import.pasted'), outcome });
          }}
        />
      )}
    </section>
  );
});

/** How many problems a capped list stands for (its last line may say "… and 120 more problems"). */
function problemCount(errors: string[]): number {
  const more = /^… and (\d+) more problems$/.exec(errors[errors.length - 1] ?? '');
  return more ? errors.length - 1 + Number(more[1]) : errors.length;
}

/** An edit refused, or an import rejected (every problem, in a list) or applied. */
function ReportView({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const { t } = useTranslation('catalog');
  const dismiss = (
    <button type="button" onClick={onDismiss}>
      {t('edit.dismiss')}
    </button>
  );
  if (report.type === 'edit')
    return (
      <div role="alert" className="error report">
        <span>
          {t('edit.refused', { id: report.id, problems: report.problems.map((p) => localizeProblem(p, t)).join('; ') })}
        </span>
        {dismiss}
      </div>
    );
  const { outcome, file } = report;
  if (outcome.ok)
    return (
      <div role="status" className="notice report">
        <span>{t('import.applied', { file, ...outcome.counts })}</span>
        {dismiss}
      </div>
    );
  return (
    <div role="alert" className="error report problem-list" data-testid="import-problems">
      <p>
        {t('import.rejected', { file, count: problemCount(outcome.errors) })} {dismiss}
      </p>
      <ol>
        {outcome.errors.map((problem, i) => (
          <li key={i}>{localizeProblem(problem, t)}</li>
        ))}
      </ol>
    </div>
  );
}
