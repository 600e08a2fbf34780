import type { ComparisonRow } from '../../compare/types';
import type { CostLine } from '../../costing/types';
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

/** A cost line's label in the export's language (by its id); the app's English label where no template exists. */
export function lineLabel(m: Messages, row: ComparisonRow, line: CostLine, horizonMonths: number): string {
  const template = m.options.line[line.id];
  if (!template) return line.label;
  return fill(template, {
    label: row.label,
    pricing: row.pricing ? m.pricing[row.pricing] : '',
    months: horizonMonths,
  });
}
