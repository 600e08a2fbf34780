import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageCatalog } from '../i18n';
import { CommandBus } from '../platform/commands';
import { StatusLine } from '../platform/status';
import type { DocumentState, Platform, PlatformFile, RecoverySnapshot, SaveRequest } from '../platform/types';
import { connectScenarioFile } from './document';
import { cleanUp, freshDatabase, openStores } from './test-support';

const i18n = i18next.createInstance();
beforeAll(async () => {
  const resources = messageCatalog();
  await i18n.init({ resources, lng: 'en', ns: Object.keys(resources.en), defaultNS: 'common' });
});
const disconnect: (() => void)[] = [];
afterEach(async () => {
  disconnect.splice(0).forEach((d) => d());
  await cleanUp();
});

const example = readFileSync(
  resolve(import.meta.dirname, '../../../catalog/scenarios/lora-deepseek-7b.scenario.json'),
  'utf8',
);

function fakePlatform() {
  const status = new StatusLine();
  const states: DocumentState[] = [];
  const saves: SaveRequest[] = [];
  const recovery: (RecoverySnapshot | null)[] = [];
  let nextOpen: PlatformFile | null = null;
  const platform = {
    kind: 'desktop',
    status,
    commands: new CommandBus((m) => status.error(m)),
    openScenario: async () => nextOpen,
    saveScenario: async (r: SaveRequest) => {
      saves.push(r);
      return { token: r.token ?? 'tok-new', name: r.token ? 'q3.gpuplan.json' : 'new.gpuplan.json' };
    },
    saveScenarioAs: async (r: SaveRequest) => {
      saves.push(r);
      return { token: 'tok-as', name: 'as.gpuplan.json' };
    },
    setDocumentState: (s: DocumentState) => states.push(s),
    writeRecovery: async (s: RecoverySnapshot | null) => void recovery.push(s),
  } as unknown as Platform;
  return { platform, status, states, saves, recovery, willOpen: (f: PlatformFile | null) => (nextOpen = f) };
}

async function setup() {
  const db = await freshDatabase();
  const { scenarios } = await openStores(db);
  const fake = fakePlatform();
  disconnect.push(connectScenarioFile(scenarios, fake.platform, i18n));
  return { db, scenarios, ...fake };
}

describe('the File menu on the scenario store', () => {
  it('opens a file as a new scenario linked to it; an edit marks it unsaved; Save writes it back to that file', async () => {
    const s = await setup();
    const mine = s.scenarios.create('mine');
    s.willOpen({ token: 'tok-9', name: 'q3.gpuplan.json', text: example });

    await s.platform.commands.run('open');

    expect(s.scenarios.records.map((r) => r.id)).toContain(mine.id);
    expect(s.scenarios.open?.file).toEqual({ token: 'tok-9', name: 'q3.gpuplan.json' });
    expect(s.states.at(-1)).toEqual({ dirty: false, name: 'q3.gpuplan.json' });

    s.scenarios.edit(['workload', 'runsPerMonth'], 6);
    expect(s.states.at(-1)).toEqual({ dirty: true, name: 'q3.gpuplan.json' });
    await s.platform.commands.run('save');

    expect(s.saves.at(-1)?.token).toBe('tok-9');
    expect(JSON.parse(s.saves.at(-1)!.text).workload.runsPerMonth).toBe(6);
    expect(s.states.at(-1)).toEqual({ dirty: false, name: 'q3.gpuplan.json' });
    await s.scenarios.settled();
    expect((await s.db.scenarios.get(s.scenarios.openId!))?.file).toEqual({ token: 'tok-9', name: 'q3.gpuplan.json' });
  });

  it('refuses a bad file with a message naming the field, and keeps everything stored', async () => {
    const s = await setup();
    const mine = s.scenarios.create('mine');
    const bad = JSON.parse(example) as { workload: { runsPerMonth: number } };
    bad.workload.runsPerMonth = -1;
    s.willOpen({ token: null, name: 'bad.gpuplan.json', text: JSON.stringify(bad) });

    await s.platform.commands.run('open');

    expect(s.status.message).toEqual({
      kind: 'error',
      text: '“bad.gpuplan.json” is not a valid scenario, so nothing was opened: workload.runsPerMonth: must be a number of runs above 0 and at most 10,000',
    });
    expect(s.scenarios.records.map((r) => r.id)).toEqual([mine.id]);
    expect(s.scenarios.openId).toBe(mine.id);
  });

  it('does not write a scenario with a wrong field to a file', async () => {
    const s = await setup();
    s.scenarios.create('broken');
    s.scenarios.edit(['assumptions', 'pue'], 9);
    await s.platform.commands.run('save');
    expect(s.saves).toEqual([]);
    expect(s.status.message?.text).toMatch(
      /^The scenario is not saved to a file while a field is wrong: assumptions\.pue: /,
    );
  });

  it('names an unsaved new scenario by its own name, and Save As links it to the file chosen', async () => {
    const s = await setup();
    await s.platform.commands.run('new');
    expect(s.scenarios.raw?.name).toBe('Untitled scenario');
    s.scenarios.edit(['name'], 'LoRA plan');
    expect(s.states.at(-1)).toEqual({ dirty: false, name: 'LoRA plan' });
    await s.platform.commands.run('save-as');
    expect(s.saves.at(-1)?.suggestedName).toBe('LoRA plan');
    expect(s.scenarios.open?.file).toEqual({ token: 'tok-as', name: 'as.gpuplan.json' });
  });

  it('brings back work recovered after a crash: the scenario it came from, or a new one', async () => {
    const s = await setup();
    const first = s.scenarios.openExample('lora-deepseek-7b.scenario.json')!;
    const text = s.scenarios.serialize();
    s.scenarios.create('another');
    await s.platform.commands.run('recover', {
      token: 'tok-1',
      name: 'lora.gpuplan.json',
      text,
      savedAt: new Date().toISOString(),
    });
    expect(s.scenarios.openId).toBe(first.id);
    expect(s.scenarios.open?.file).toEqual({ token: 'tok-1', name: 'lora.gpuplan.json' });
    expect(s.scenarios.open?.fileDirty).toBe(true);

    const count = s.scenarios.records.length;
    const other = JSON.parse(text) as { name: string };
    other.name = 'half-typed';
    await s.platform.commands.run('recover', {
      token: null,
      name: 'half.gpuplan.json',
      text: JSON.stringify(other),
      savedAt: new Date().toISOString(),
    });
    expect(s.scenarios.records).toHaveLength(count + 1);
    expect(s.scenarios.raw?.name).toBe('half-typed');
  });
});
