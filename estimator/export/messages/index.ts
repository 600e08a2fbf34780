import type { ExportLanguage } from '../types';
import { en, type Messages } from './en';
import { zhCN } from './zh-CN';

export type { Messages };

const TABLES: Record<ExportLanguage, Messages> = { en, 'zh-CN': zhCN };

export const messagesFor = (language: ExportLanguage = 'en'): Messages => TABLES[language];

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}
