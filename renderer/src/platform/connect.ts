import type { i18n as I18n } from 'i18next';
import type { Language, Platform } from './types';

/**
 * Keeps the shell and the page on one language: View > Language in the desktop menu changes the
 * page (and is remembered the page's way), and a change made on the page relabels the menu.
 */
export function connectLanguage(
  platform: Platform,
  i18n: I18n,
  changeLanguage: (language: Language) => Promise<void>,
): () => void {
  const tellShell = (language: string) => {
    if (language === 'en' || language === 'zh-CN') platform.setLanguage(language);
  };
  tellShell(i18n.language);
  i18n.on('languageChanged', tellShell);
  const off = platform.commands.handle('language', (language) => changeLanguage(language));
  return () => {
    i18n.off('languageChanged', tellShell);
    off();
  };
}
