import type { i18n as I18n } from 'i18next';
import { connectLanguage } from './connect';
import { createPlatform } from './create';
import { ScenarioFile } from './scenario-file';
import { TextScenario } from './text-scenario';
import type { Language, PageSize, Platform } from './types';

export interface DesktopServices {
  platform: Platform;
  /** The File menu's document until the scenario screens bring their own DocumentModel. */
  scenarioFile: ScenarioFile;
  scenarioText: TextScenario;
}

/** Letter where it is the norm (the US and Canada), A4 everywhere else. */
export function defaultPageSize(locale: string): PageSize {
  return /-(US|CA)\b/i.test(locale) ? 'Letter' : 'A4';
}

/**
 * Starts files and menus for the app: the platform, the language link with the shell, the File
 * menu's handlers (live on every screen), and the fallbacks a screen can override by handling the
 * same command: Export PDF prints the current view, and Undo/Redo act on the focused text field.
 */
export function startDesktopServices(
  i18n: I18n,
  changeLanguage: (language: Language) => Promise<void>,
  win: Window = window,
): DesktopServices {
  const platform = createPlatform(win);
  const t = (key: string, vars?: Record<string, string>) => i18n.t(key, vars);
  const scenarioText = new TextScenario(t);
  const scenarioFile = new ScenarioFile(platform, scenarioText, t);
  const bus = platform.commands;
  bus.handle('export-pdf', async () => {
    const exported = await platform.printToPdf({
      suggestedName: scenarioFile.displayName.replace(/\.gpuplan\.json$|\.json$/i, ''),
      pageSize: defaultPageSize(win.navigator.language),
      landscape: false,
    });
    if (exported && platform.kind === 'desktop')
      platform.status.info(t('desktop:file.exported', { name: exported.name }));
  });
  // execCommand is deprecated but still the only way to drive a field's own undo stack from a menu.
  bus.handle('undo', () => win.document.execCommand('undo'));
  bus.handle('redo', () => win.document.execCommand('redo'));
  scenarioFile.attach();
  connectLanguage(platform, i18n, changeLanguage);
  return { platform, scenarioFile, scenarioText };
}
