import type { i18n as I18n } from 'i18next';
import { connectLanguage } from './connect';
import { createPlatform } from './create';
import type { Language, PageSize, Platform } from './types';

export interface DesktopServices {
  platform: Platform;
}

/** Letter where it is the norm (the US and Canada), A4 everywhere else. */
export function defaultPageSize(locale: string): PageSize {
  return /-(US|CA)\b/i.test(locale) ? 'Letter' : 'A4';
}

/**
 * Starts files and menus for the app: the platform, the language link with the shell, and the
 * fallbacks a screen can override by handling the same command: Export PDF prints the current view,
 * and Undo/Redo act on the focused text field. The File menu's document is the scenario store's
 * (scenario/document.ts, connected once the stores have loaded).
 */
export function startDesktopServices(
  i18n: I18n,
  changeLanguage: (language: Language) => Promise<void>,
  win: Window = window,
): DesktopServices {
  const platform = createPlatform(win);
  const t = (key: string, vars?: Record<string, string>) => i18n.t(key, vars);
  const bus = platform.commands;
  bus.handle('export-pdf', async () => {
    const name = platform.status.document.name ?? t('desktop:file.untitled');
    const exported = await platform.printToPdf({
      suggestedName: name.replace(/\.gpuplan\.json$|\.json$/i, ''),
      pageSize: defaultPageSize(win.navigator.language),
      landscape: false,
    });
    if (exported && platform.kind === 'desktop')
      platform.status.info(t('desktop:file.exported', { name: exported.name }));
  });
  // execCommand is deprecated but still the only way to drive a field's own undo stack from a menu.
  bus.handle('undo', () => win.document.execCommand('undo'));
  bus.handle('redo', () => win.document.execCommand('redo'));
  connectLanguage(platform, i18n, changeLanguage);
  return { platform };
}
