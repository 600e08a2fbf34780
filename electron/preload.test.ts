import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuCommand, PlannerApi } from './api';

// The preload against a stand-in `electron`: what it exposes to the page, and how replies cross.
const fake = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: null }));
  return {
    exposed,
    listeners,
    invoke,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        invoke,
        on: (channel: string, l: (...args: unknown[]) => void) =>
          listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
        removeListener: (channel: string, l: (...args: unknown[]) => void) =>
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((x) => x !== l),
          ),
      },
    },
  };
});
vi.mock('electron', () => fake.module);

let planner: PlannerApi;
beforeAll(async () => {
  await import('./preload');
  planner = fake.exposed.planner as PlannerApi;
});

describe('preload', () => {
  it('exposes only the planner API, as plain functions', () => {
    expect(Object.keys(fake.exposed)).toEqual(['planner']);
    expect(Object.values(planner).every((f) => typeof f === 'function')).toBe(true);
    expect(Object.keys(planner)).not.toContain('invoke');
  });

  it('calls one named channel per function and returns what main answered', async () => {
    fake.invoke.mockResolvedValueOnce({ ok: { token: 't', name: 'a.gpuplan.json' } });
    const request = { token: null, suggestedName: 'a', text: '{}' };
    await expect(planner.saveScenario(request)).resolves.toEqual({ token: 't', name: 'a.gpuplan.json' });
    expect(fake.invoke).toHaveBeenLastCalledWith('file:save', request);
  });

  it("turns main's error reply into an Error with the plain message", async () => {
    fake.invoke.mockResolvedValueOnce({ error: 'Could not open “a.json”: permission denied' });
    await expect(planner.openScenario()).rejects.toThrow(/^Could not open “a\.json”: permission denied$/);
  });

  it('gives menu listeners the command alone, never the IPC event, and unsubscribes', () => {
    const got: MenuCommand[] = [];
    const off = planner.onMenuCommand((c) => got.push(c));
    const deliver = (c: MenuCommand) => fake.listeners.get('menu:command')?.forEach((l) => l({ sender: 'secret' }, c));
    deliver({ type: 'command', command: 'save' });
    off();
    deliver({ type: 'command', command: 'open' });
    expect(got).toEqual([{ type: 'command', command: 'save' }]);
  });
});
