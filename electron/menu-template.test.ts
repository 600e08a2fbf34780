import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommandId } from './api';
import { MENU_COMMANDS } from './ipc';
import { buildMenuTemplate, type MenuAction, type MenuModel } from './menu-template';
import { translator } from './messages';

const model = (over: Partial<MenuModel> = {}): MenuModel => ({
  platform: 'linux',
  t: translator('en'),
  appName: 'GPU Planner',
  recent: [],
  language: 'en',
  available: new Set<MenuCommandId>(MENU_COMMANDS),
  devTools: false,
  ...over,
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const byId = (items: MenuItemConstructorOptions[], id: string) => flatten(items).find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as (() => void) | undefined)?.();

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux, with Quit in File', () => {
    const menu = buildMenuTemplate(model(), () => undefined);
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(byId(menu, 'quit')?.role).toBe('quit');
  });

  it('puts About and Quit in the app menu on macOS, and keeps Help and Window', () => {
    const menu = buildMenuTemplate(model({ platform: 'darwin' }), () => undefined);
    expect(menu.map((m) => m.label)).toEqual(['GPU Planner', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = menu[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((i) => i.id ?? i.role)).toContain('about');
    expect(appMenu.map((i) => i.role)).toContain('quit');
    expect(flatten(menu[1]?.submenu as MenuItemConstructorOptions[]).some((i) => i.role === 'quit')).toBe(false);
  });

  it('gives every command its shortcut: New, Open, Save, Save As, PDF, Undo, Redo', () => {
    const menu = buildMenuTemplate(model(), () => undefined);
    const keys = Object.fromEntries(
      flatten(menu)
        .filter((i) => i.id)
        .map((i) => [i.id, i.accelerator]),
    );
    expect(keys).toMatchObject({
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      'save-as': 'CmdOrCtrl+Shift+S',
      'export-pdf': 'CmdOrCtrl+P',
      undo: 'CmdOrCtrl+Z',
      redo: 'CmdOrCtrl+Y',
    });
    const mac = buildMenuTemplate(model({ platform: 'darwin' }), () => undefined);
    expect(byId(mac, 'redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it('sends each command to the renderer when clicked', () => {
    const act = vi.fn<(a: MenuAction) => void>();
    const menu = buildMenuTemplate(model(), act);
    for (const command of MENU_COMMANDS) click(byId(menu, command));
    expect(act.mock.calls.map(([a]) => a)).toEqual(MENU_COMMANDS.map((command) => ({ type: 'command', command })));
  });

  it('disables the commands no screen handles yet', () => {
    const menu = buildMenuTemplate(model({ available: new Set(['open', 'save']) }), () => undefined);
    expect(byId(menu, 'open')?.enabled).toBe(true);
    expect(byId(menu, 'export-xlsx')?.enabled).toBe(false);
  });

  it('lists recent files and opens the one clicked; says so when there are none', () => {
    const act = vi.fn<(a: MenuAction) => void>();
    const menu = buildMenuTemplate(model({ recent: ['a.json', 'b.json'] }), act);
    click(byId(menu, 'recent-1'));
    click(byId(menu, 'clear-recent'));
    expect(act.mock.calls.map(([a]) => a)).toEqual([{ type: 'open-recent', index: 1 }, { type: 'clear-recent' }]);
    const empty = buildMenuTemplate(model(), () => undefined);
    const submenu = byId(empty, 'open-recent')?.submenu as MenuItemConstructorOptions[];
    expect(submenu).toEqual([{ label: 'No recent files', enabled: false }]);
  });

  it('offers zoom and both languages in View, the current one checked, and switches on click', () => {
    const act = vi.fn<(a: MenuAction) => void>();
    const menu = buildMenuTemplate(model({ language: 'zh-CN', t: translator('zh-CN') }), act);
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = flatten(menu).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'copy', 'paste']));
    expect(byId(menu, 'language-zh-CN')?.checked).toBe(true);
    expect(byId(menu, 'language-en')?.checked).toBe(false);
    click(byId(menu, 'language-en'));
    expect(act).toHaveBeenCalledWith({ type: 'language', language: 'en' });
  });

  it('shows developer tools only in development', () => {
    const roles = (devTools: boolean) =>
      flatten(buildMenuTemplate(model({ devTools }), () => undefined)).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('translates every label in both languages (no key shows through)', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const platform of ['linux', 'darwin'] as const) {
        const menu = buildMenuTemplate(model({ platform, language, t: translator(language) }), () => undefined);
        const labels = flatten(menu)
          .map((i) => i.label)
          .filter(Boolean);
        expect(labels.filter((l) => /^(menu|languages)\./.test(l as string))).toEqual([]);
      }
    }
  });
});
