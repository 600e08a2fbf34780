import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommandId } from './api';
import { LANGUAGES } from './ipc';
import type { Translate } from './messages';

/** What a menu item asks main to do when clicked. */
export type MenuAction =
  | { type: 'command'; command: MenuCommandId }
  | { type: 'open-recent'; index: number }
  | { type: 'clear-recent' }
  | { type: 'language'; language: Language };

export interface MenuModel {
  platform: NodeJS.Platform;
  t: Translate;
  appName: string;
  /** Labels of the recent files, most recent first. */
  recent: readonly string[];
  language: Language;
  /** Commands the renderer handles now; the others are shown disabled. */
  available: ReadonlySet<MenuCommandId>;
  devTools: boolean;
}

/** The shortcuts users expect; on macOS redo is Shift+Cmd+Z, as in every Mac app. */
export function accelerators(platform: NodeJS.Platform): Partial<Record<MenuCommandId, string>> {
  return {
    new: 'CmdOrCtrl+N',
    open: 'CmdOrCtrl+O',
    save: 'CmdOrCtrl+S',
    'save-as': 'CmdOrCtrl+Shift+S',
    'export-pdf': 'CmdOrCtrl+P',
    undo: 'CmdOrCtrl+Z',
    redo: platform === 'darwin' ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y',
  };
}

/**
 * The application menu as data, so it can be checked without Electron. Items that act carry an
 * `id` (the command) for tests and `click` that reports a MenuAction; editing and zoom use
 * Electron's roles, which work on the focused text field and the window without the renderer.
 */
export function buildMenuTemplate(model: MenuModel, act: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  const { t, platform } = model;
  const keys = accelerators(platform);
  const mac = platform === 'darwin';
  const command = (id: MenuCommandId, labelKey: string): MenuItemConstructorOptions => ({
    id,
    label: t(labelKey),
    accelerator: keys[id],
    enabled: model.available.has(id),
    click: () => act({ type: 'command', command: id }),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const recent: MenuItemConstructorOptions[] = model.recent.length
    ? [
        ...model.recent.map((label, index): MenuItemConstructorOptions => ({
          id: `recent-${index}`,
          label,
          click: () => act({ type: 'open-recent', index }),
        })),
        separator,
        { id: 'clear-recent', label: t('menu.clearRecent'), click: () => act({ type: 'clear-recent' }) },
      ]
    : [{ label: t('menu.noRecent'), enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      command('new', 'menu.new'),
      command('open', 'menu.open'),
      { id: 'open-recent', label: t('menu.openRecent'), submenu: recent },
      separator,
      command('save', 'menu.save'),
      command('save-as', 'menu.saveAs'),
      separator,
      {
        label: t('menu.export'),
        submenu: [
          command('export-xlsx', 'menu.exportXlsx'),
          command('export-csv', 'menu.exportCsv'),
          command('export-pdf', 'menu.exportPdf'),
        ],
      },
      ...(mac ? [] : [separator, { id: 'quit', role: 'quit' as const, label: t('menu.quit') }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      command('undo', 'menu.undo'),
      command('redo', 'menu.redo'),
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      { role: 'resetZoom', label: t('menu.resetZoom') },
      separator,
      {
        id: 'language',
        label: t('menu.language'),
        submenu: LANGUAGES.map((language): MenuItemConstructorOptions => ({
          id: `language-${language}`,
          label: t(`languages.${language}`),
          type: 'radio',
          checked: model.language === language,
          click: () => act({ type: 'language', language }),
        })),
      },
      separator,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ...(model.devTools ? [{ role: 'toggleDevTools' as const, label: t('menu.devTools') }] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [command('about', 'menu.about')],
  };

  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemConstructorOptions = {
    label: model.appName,
    submenu: [
      command('about', 'menu.about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { id: 'quit', role: 'quit', label: t('menu.quit') },
    ],
  };
  return [appMenu, file, edit, view, { role: 'windowMenu', label: t('menu.window') }, help];
}
