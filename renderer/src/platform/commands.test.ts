import { describe, expect, it, vi } from 'vitest';
import { CommandBus } from './commands';

const file = { token: null, name: 'a.gpuplan.json', text: '{}' };

describe('command bus', () => {
  it('runs the newest handler, and the previous one again once it leaves', async () => {
    const bus = new CommandBus();
    const page = vi.fn();
    const dialog = vi.fn();
    bus.handle('save', page);
    const leave = bus.handle('save', dialog);
    await bus.run('save');
    leave();
    await bus.run('save');
    expect(dialog).toHaveBeenCalledTimes(1);
    expect(page).toHaveBeenCalledTimes(1);
  });

  it('says when nobody handles a menu command, and drops it', async () => {
    const bus = new CommandBus();
    expect(await bus.run('export-xlsx')).toBe(false);
    const handler = vi.fn();
    bus.handle('export-xlsx', handler);
    expect(handler).not.toHaveBeenCalled();
  });

  it('keeps a file handed over before any screen listens, and delivers it to the first that does', async () => {
    const bus = new CommandBus();
    expect(await bus.run('open-file', file)).toBe(false);
    const handler = vi.fn();
    bus.handle('open-file', handler);
    await Promise.resolve();
    expect(handler).toHaveBeenCalledWith(file);
    bus.handle('open-file', vi.fn());
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports a failing handler as a message instead of losing it', async () => {
    const errors: string[] = [];
    const bus = new CommandBus((m) => errors.push(m));
    bus.handle('open', () => Promise.reject(new Error('Could not open “x.json”: permission denied')));
    bus.handle('save', () => {
      throw new Error('disk full');
    });
    await bus.run('open');
    await bus.run('save');
    expect(errors).toEqual(['Could not open “x.json”: permission denied', 'disk full']);
  });

  it('lists the menu commands handled now, in menu order, and tells subscribers when that changes', () => {
    const bus = new CommandBus();
    const changes = vi.fn();
    bus.subscribe(changes);
    const off = bus.handle('save', vi.fn());
    bus.handle('open', vi.fn());
    bus.handle('open-file', vi.fn());
    expect(bus.available()).toEqual(['open', 'save']);
    off();
    expect(bus.available()).toEqual(['open']);
    expect(changes).toHaveBeenCalledTimes(4);
  });
});
