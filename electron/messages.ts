// One message table for the menus in both processes: main reads the renderer's `desktop` namespace,
// bundled in by esbuild, so a label is translated once. Data only: no renderer code comes with it.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import en from '../renderer/src/i18n/locales/en/desktop.json';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import zhCN from '../renderer/src/i18n/locales/zh-CN/desktop.json';
import type { Language } from './api';

const TABLES: Record<Language, unknown> = { en, 'zh-CN': zhCN };

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** `t('dialog.unsavedMessage', { name })`, i18next-style `{{name}}` placeholders; English when a key is missing. */
export function translator(language: Language): Translate {
  return (key, vars = {}) => {
    const text = lookup(TABLES[language], key) ?? lookup(TABLES.en, key) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

function lookup(table: unknown, key: string): string | undefined {
  let node = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A file-system error in the user's words ("permission denied"), else its own message. */
export function reasonFor(error: unknown, t: Translate): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) {
    const reason = t(`errors.reasons.${code}`);
    if (reason !== `errors.reasons.${code}`) return reason;
  }
  return error instanceof Error ? error.message : String(error);
}
