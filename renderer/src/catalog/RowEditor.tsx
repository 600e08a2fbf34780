import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableKind } from '../../../catalog/tables';
import type { CatalogStore } from './CatalogStore';
import { fieldsOfRow, type FieldSpec } from './fields';
import { columnHeader } from './format';
import { localizeProblem } from './problems';
import { CURRENCIES, PRICE_PARTS, rowOfDraft, withDraftChange, type Draft } from './row-draft';

export type EditorMode = 'add' | 'edit' | 'duplicate';

interface Props {
  kind: TableKind;
  mode: EditorMode;
  /** The row's id being edited or copied (for the title). */
  sourceId?: string;
  initial: Draft;
  store: CatalogStore;
  onClose: (savedId: string | null) => void;
}

/** The field a problem names (`priceNew.amount: …` → the `priceNew` box). */
function problemField(problem: string, fields: FieldSpec[]): string | undefined {
  const path = /^([^:\s]+):/.exec(problem)?.[1] ?? '';
  return fields.find((f) => path === f.path || path.startsWith(`${f.path}.`))?.path;
}

/**
 * Adds, edits or duplicates one row in a form built from the kind's schema. Nothing is saved
 * until every field passes the kind's checks; each problem is listed and shown by its field.
 */
export function RowEditor({ kind, mode, sourceId, initial, store, onClose }: Props) {
  const { t } = useTranslation('catalog');
  const [draft, setDraft] = useState<Draft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const fields = fieldsOfRow(kind, { kind: draft.kind });

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const change = (key: string, value: string) => setDraft((d) => withDraftChange(d, initial, key, value));

  const save = async () => {
    setSaving(true);
    const row = rowOfDraft(kind, draft);
    const result = await store.saveRow(kind, row, mode === 'edit' ? 'edit' : 'add');
    setSaving(false);
    if (result.length) setProblems(result);
    else onClose(String(row.id));
  };

  const title =
    mode === 'add'
      ? t('form.addTitle', { row: t(`rowNames.${kind}`) })
      : mode === 'edit'
        ? t('form.editTitle', { id: sourceId })
        : t('form.duplicateTitle', { id: sourceId });

  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const field = problemField(p, fields);
    if (field) byField.set(field, [...(byField.get(field) ?? []), localizeProblem(p, t)]);
  }

  const input = (field: FieldSpec) => {
    const id = `row-field-${field.path}`;
    const common = {
      id,
      'aria-invalid': byField.has(field.path) || undefined,
      'aria-describedby': byField.has(field.path) ? `${id}-problem` : undefined,
    };
    if (field.kind === 'price')
      return (
        <div className="price-parts">
          {PRICE_PARTS.map((part) => {
            const key = `${field.path}.${part}`;
            const label = t(`price.${part}`);
            const name = t('form.pricePart', { price: columnHeader(kind, field.path, t), part: label });
            const control =
              part === 'currency' ? (
                <select aria-label={name} value={draft[key] ?? ''} onChange={(e) => change(key, e.target.value)}>
                  <option value="">{t('form.empty')}</option>
                  {CURRENCIES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...(part === 'amount' ? common : {})}
                  aria-label={name}
                  type={part === 'asOf' ? 'date' : 'text'}
                  inputMode={part === 'amount' ? 'decimal' : undefined}
                  value={draft[key] ?? ''}
                  onChange={(e) => change(key, e.target.value)}
                />
              );
            return (
              <span key={part} className={`price-part price-${part}`}>
                <span className="price-part-label" aria-hidden="true">
                  {label}
                </span>
                {control}
              </span>
            );
          })}
        </div>
      );
    if (field.kind === 'enum')
      return (
        <select {...common} value={draft[field.path] ?? ''} onChange={(e) => change(field.path, e.target.value)}>
          {(field.optional || !draft[field.path]) && <option value="">{t('form.empty')}</option>}
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    if (field.path === 'source' || field.path === 'notes')
      return (
        <textarea
          {...common}
          rows={2}
          value={draft[field.path] ?? ''}
          onChange={(e) => change(field.path, e.target.value)}
        />
      );
    return (
      <input
        {...common}
        type={field.path === 'asOf' ? 'date' : 'text'}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        readOnly={field.path === 'id' && mode === 'edit'}
        placeholder={field.nullable ? t('form.nullValue') : field.optional ? t('form.optional') : undefined}
        value={draft[field.path] ?? ''}
        onChange={(e) => change(field.path, e.target.value)}
      />
    );
  };

  return (
    <dialog ref={dialog} className="row-editor" aria-labelledby="row-editor-title" onCancel={() => onClose(null)}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h3 id="row-editor-title">{title}</h3>
        <p className="hint">{t('form.hint')}</p>
        {problems.length > 0 && (
          <div role="alert" className="error problem-list">
            <p>{t('form.problems', { count: problems.length })}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{localizeProblem(p, t)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="row-fields">
          {fields.map((field) => (
            <div key={field.path} className={`row-field row-field-${field.kind}`}>
              <label htmlFor={`row-field-${field.path}`}>{columnHeader(kind, field.path, t)}</label>
              {input(field)}
              {byField.get(field.path)?.map((p) => (
                <span key={p} id={`row-field-${field.path}-problem`} className="field-problem">
                  {p}
                </span>
              ))}
            </div>
          ))}
        </div>
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={saving}>
            {t('form.save')}
          </button>
          <button type="button" onClick={() => onClose(null)}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
