import type { i18n as I18n } from 'i18next';
import { compareStructural, reaction, runInAction } from 'mobx';
import { formatIssue, openScenario } from '../../../estimator/scenario';
import { ScenarioFile, type DocumentModel, type Platform } from '../platform';
import type { RawScenario } from './raw';
import { scenarioName, storedForm } from './records';
import type { ScenarioStore } from './ScenarioStore';

/** The scenario screen's page id (app/pages.tsx): File > New and Open bring the user there. */
export const SCENARIO_PAGE = 'scenario';

const showScenarioPage = () => {
  if (typeof location !== 'undefined' && !location.hash.startsWith(`#${SCENARIO_PAGE}`))
    location.hash = `#${SCENARIO_PAGE}`;
};

/** A file's text as a scenario, or an Error naming the file and every field that is wrong. */
function readScenarioFile(text: string, fileName: string, t: I18n['t']) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(t('desktop:file.notJson', { name: fileName, reason: (error as Error).message }));
  }
  const opened = openScenario(raw);
  if (!opened.ok)
    throw new Error(
      t('scenario:file.invalid', { name: fileName, problems: opened.issues.map(formatIssue).join('; ') }),
    );
  return opened;
}

/**
 * The open scenario as the File menu's document (platform/scenario-file.ts). A file opened becomes a new
 * scenario in the list (nothing stored is replaced); New starts one. Every scenario is kept in IndexedDB
 * as it is edited, so the file's "unsaved changes" mean only that its file is behind.
 */
class ScenarioDocument implements DocumentModel {
  constructor(
    private readonly store: ScenarioStore,
    private readonly t: I18n['t'],
    /** Told before this opens another scenario: ScenarioFile then sets that scenario's file itself. */
    private readonly opening: () => void,
  ) {}

  serialize(): string {
    return this.store.serialize();
  }

  load(text: string, fileName: string): void {
    const opened = readScenarioFile(text, fileName, this.t);
    this.opening();
    this.store.addFromFile(storedForm(opened.scenario), { token: null, name: fileName }, opened.notes);
    showScenarioPage();
  }

  reset(): void {
    this.opening();
    this.store.create(this.t('scenario:list.untitled'));
    showScenarioPage();
  }

  suggestedName(): string {
    return scenarioName(this.store.raw ?? {}) || this.t('scenario:list.untitled');
  }

  /** Work recovered after a crash: the scenario it came from when the list still has it, else a new one. */
  restore(text: string): void {
    const same = this.store.records.find((r) => this.store.serialize(r) === text);
    if (same) {
      if (same.id !== this.store.openId) this.opening();
      return this.store.openScenario(same.id);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
    this.opening();
    this.store.addFromFile(raw as RawScenario, null);
  }
}

/**
 * Puts the scenario store behind the File menu: New, Open, Save, Save As, the unsaved mark, crash recovery
 * and the close prompt (ScenarioFile), with the file each scenario was last saved to or opened from
 * remembered in its row. Returns the undo.
 */
export function connectScenarioFile(store: ScenarioStore, platform: Platform, i18n: I18n): () => void {
  const t = i18n.t.bind(i18n);
  // A scenario never saved to a file goes by its own name (the header, the window title, the close prompt).
  const named = (key: string, vars?: Record<string, string>) =>
    key === 'desktop:file.untitled' ? scenarioName(store.raw ?? {}) || t('scenario:list.untitled') : t(key, vars);
  // The File menu opening a scenario sets its file itself (after the reactions below were scheduled).
  let byFileMenu = false;
  const model = new ScenarioDocument(store, t, () => (byFileMenu = true));
  // Nothing is discarded by New or Open: the scenario left stays in the list with its edits.
  const file = new ScenarioFile(platform, model, named, { confirm: () => true });
  const detach = file.attach();

  /** Another scenario opened from the list: the File menu now speaks of its file. */
  const follow = () => {
    if (byFileMenu) return void (byFileMenu = false);
    const record = store.open;
    runInAction(() => {
      file.token = record?.file?.token ?? null;
      file.fileName = record?.file?.name ?? null;
      file.dirty = record?.fileDirty ?? false;
    });
  };
  follow();
  store.onLinkedEdit = () => file.edited();

  const bus = platform.commands;
  /** A scenario with a wrong field would not open again: it is not written until it is fixed. */
  const whenValid = (write: () => Promise<boolean>) => async () => {
    if (!store.raw) return;
    const problems = Object.values(store.errors);
    if (problems.length) platform.status.error(t('scenario:file.cannotSave', { problems: problems.join('; ') }));
    else await write();
  };

  const disposers = [
    detach,
    bus.handle(
      'save',
      whenValid(() => file.save()),
    ),
    bus.handle(
      'save-as',
      whenValid(() => file.saveAs()),
    ),
    reaction(() => store.openId, follow),
    // Saved, opened or recovered: the scenario remembers its file.
    reaction(
      () => [file.token, file.fileName, file.dirty] as const,
      ([token, name, dirty]) => store.setFileLink(name === null ? null : { token, name }, dirty),
    ),
    // The header and the window title follow renames and the unsaved mark.
    reaction(
      () => ({ dirty: file.dirty, name: file.displayName }),
      (state) => platform.setDocumentState(state),
      { fireImmediately: true, equals: compareStructural },
    ),
    () => {
      store.onLinkedEdit = null;
    },
  ];
  return () => disposers.splice(0).forEach((dispose) => dispose());
}
