import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

type Messages = Record<string, unknown>;

/** Every locales/<language>/<namespace>.json, so a feature adds its own namespace without touching others. */
const files = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });

export function messageCatalog(): Record<Language, Record<string, Messages>> {
  const catalog = { en: {}, 'zh-CN': {} } as Record<Language, Record<string, Messages>>;
  for (const [file, messages] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, Language, string];
    if (catalog[language]) catalog[language][namespace] = messages;
  }
  return catalog;
}

const STORAGE_KEY = 'gpu-planner.language';

export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function setupI18n(language: Language = initialLanguage()) {
  const resources = messageCatalog();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: Object.keys(resources.en),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}
