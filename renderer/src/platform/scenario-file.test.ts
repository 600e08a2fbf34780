import { describe, expect, it, vi } from 'vitest';
import { CommandBus } from './commands';
import { ScenarioFile } from './scenario-file';
import { StatusLine } from './status';
import { TextScenario } from './text-scenario';
import type { DocumentState, Platform, PlatformFile, RecoverySnapshot, SaveRequest, SavedFile } from './types';

const t = (key: string, vars?: Record<string, string>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);
const scenario = (name: string) => JSON.stringify({ format: 'gpu-planner.scenario', version: 1, name });

function fakePlatform() {
  const status = new StatusLine();
  const states: DocumentState[] = [];
  const recovery: (RecoverySnapshot | null)[] = [];
  const saves: SaveRequest[] = [];
  let nextOpen: PlatformFile | null = null;
  let nextSave: (request: SaveRequest) => Promise<SavedFile | null> = async () => ({
    token: 'tok-1',
    name: 'a.gpuplan.json',
  });
  const platform: Platform = {
    kind: 'desktop',
    status,
    commands: new CommandBus((m) => status.error(m)),
    appInfo: vi.fn(),
    openScenario: async () => nextOpen,
    openDataFile: vi.fn(),
    saveScenario: (r) => {
      saves.push(r);
      return nextSave(r);
    },
    saveScenarioAs: (r) => {
      saves.push(r);
      return nextSave(r);
    },
    exportFile: vi.fn(),
    printToPdf: vi.fn(),
    recentFiles: vi.fn(),
    openRecent: async () => nextOpen as PlatformFile,
    setDocumentState: (s) => states.push(s),
    setLanguage: vi.fn(),
    writeRecovery: async (s) => {
      recovery.push(s);
    },
  };
  return {
    platform,
    states,
    recovery,
    saves,
    willOpen: (f: PlatformFile | null) => (nextOpen = f),
    willSave: (f: typeof nextSave) => (nextSave = f),
  };
}

function setup(confirmAnswer = true) {
  const fake = fakePlatform();
  const model = new TextScenario(t);
  const confirm = vi.fn(() => confirmAnswer);
  const file = new ScenarioFile(fake.platform, model, t, { confirm, autosaveMs: 5 });
  file.attach();
  const edit = (text: string) => {
    model.setText(text);
    file.edited();
  };
  return { ...fake, model, file, confirm, edit };
}

describe('the scenario file behind the File menu', () => {
  it('opens a file through the menu: its text, name and token, nothing unsaved', async () => {
    const s = setup();
    s.willOpen({ token: 'tok-9', name: 'q3.gpuplan.json', text: scenario('Q3') });
    await s.platform.commands.run('open');
    expect(s.model.text).toBe(scenario('Q3'));
    expect(s.file).toMatchObject({ token: 'tok-9', fileName: 'q3.gpuplan.json', dirty: false });
    expect(s.states.at(-1)).toEqual({ dirty: false, name: 'q3.gpuplan.json' });
  });

  it('refuses a file that is not JSON or not a scenario, keeping what was open', async () => {
    const s = setup();
    s.willOpen({ token: 'x', name: 'notes.json', text: '{"format": ' });
    await s.platform.commands.run('open');
    expect(s.platform.status.message?.kind).toBe('error');
    expect(s.platform.status.message?.text).toMatch(/^desktop:file\.notJson .*notes\.json/);
    s.willOpen({ token: 'x', name: 'other.json', text: '{"format":"something-else"}' });
    await s.platform.commands.run('open');
    expect(s.platform.status.message?.text).toMatch(/^desktop:file\.notScenario/);
    expect(s.file.token).toBeNull();
    expect(s.model.text).toContain('"format": "gpu-planner.scenario"');
  });

  it('marks edits unsaved, saves them back with the token, and forgets the recovery copy', async () => {
    const s = setup();
    s.willOpen({ token: 'tok-9', name: 'q3.gpuplan.json', text: scenario('Q3') });
    await s.platform.commands.run('open');
    s.edit(scenario('Q3 edited'));
    expect(s.states.at(-1)).toEqual({ dirty: true, name: 'q3.gpuplan.json' });
    s.willSave(async (r) => ({ token: r.token ?? 'new', name: 'q3.gpuplan.json' }));
    await s.platform.commands.run('save');
    expect(s.saves.at(-1)).toEqual({ token: 'tok-9', suggestedName: 'q3.gpuplan.json', text: scenario('Q3 edited') });
    expect(s.file.dirty).toBe(false);
    expect(s.recovery.at(-1)).toBeNull();
    expect(s.platform.status.message?.text).toMatch(/desktop:file\.saved/);
  });

  it('offers the scenario name for a document never saved, and stays unsaved when the dialog is cancelled', async () => {
    const s = setup();
    s.edit(scenario('LoRA 7B'));
    s.willSave(async () => null);
    await s.platform.commands.run('save-as');
    expect(s.saves.at(-1)?.suggestedName).toBe('LoRA 7B');
    expect(s.saves.at(-1)?.token).toBeNull();
    expect(s.file.dirty).toBe(true);
  });

  it('keeps an edit made while the save dialog was open as unsaved', async () => {
    const s = setup();
    s.edit(scenario('v1'));
    let finish: (f: SavedFile) => void = () => undefined;
    s.willSave(() => new Promise((resolve) => (finish = resolve)));
    const saving = s.platform.commands.run('save');
    s.edit(scenario('v2'));
    finish({ token: 't', name: 'v.gpuplan.json' });
    await saving;
    expect(s.file.dirty).toBe(true);
    expect(s.recovery).not.toContain(null);
  });

  it('autosaves unsaved work for crash recovery shortly after an edit', async () => {
    const s = setup();
    s.edit(scenario('draft'));
    await vi.waitFor(() =>
      expect(s.recovery.at(-1)).toEqual({ token: null, name: 'desktop:file.untitled', text: scenario('draft') }),
    );
  });

  it('asks before throwing unsaved changes away, and keeps them when the user says no', async () => {
    const s = setup(false);
    s.edit(scenario('precious'));
    s.willOpen({ token: 'x', name: 'b.json', text: scenario('B') });
    await s.platform.commands.run('open');
    await s.platform.commands.run('new');
    await s.platform.commands.run('open-file', { token: 'y', name: 'c.json', text: scenario('C') });
    expect(s.confirm).toHaveBeenCalledTimes(3);
    expect(s.model.text).toBe(scenario('precious'));
    expect(s.file.dirty).toBe(true);
  });

  it('New starts a fresh, clean, untitled scenario', async () => {
    const s = setup(true);
    s.edit(scenario('old'));
    await s.platform.commands.run('new');
    expect(s.file).toMatchObject({ token: null, fileName: null, dirty: false });
    expect(JSON.parse(s.model.text)).toMatchObject({ format: 'gpu-planner.scenario', name: 'desktop:file.untitled' });
  });

  it('brings back recovered work unsaved, tied to its file, and says so', async () => {
    const s = setup();
    await s.platform.commands.run('recover', {
      token: 'tok-3',
      name: 'q3.gpuplan.json',
      text: scenario('unsaved'),
      savedAt: '2026-11-23T10:00:00Z',
    });
    expect(s.file).toMatchObject({ token: 'tok-3', fileName: 'q3.gpuplan.json', dirty: true });
    expect(s.model.text).toBe(scenario('unsaved'));
    expect(s.platform.status.message).toMatchObject({ kind: 'info' });
    expect(s.platform.status.message?.text).toMatch(/desktop:file\.recovered/);
  });

  it('brings back half-typed work as it was, even when it is not valid JSON yet', async () => {
    const s = setup();
    const halfTyped = '{"format": "gpu-planner.scenario", "name": "Q3';
    await s.platform.commands.run('recover', {
      token: null,
      name: 'x',
      text: halfTyped,
      savedAt: '2026-11-23T10:00:00Z',
    });
    expect(s.model.text).toBe(halfTyped);
    expect(s.file.dirty).toBe(true);
  });
});
