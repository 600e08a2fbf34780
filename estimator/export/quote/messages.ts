import type { ExportLanguage } from '../types';
import { quoteEn, type QuoteMessages } from './messages-en';
import { quoteZhCN } from './messages-zh-CN';

export type { QuoteMessages };

const TABLES: Record<ExportLanguage, QuoteMessages> = { en: quoteEn, 'zh-CN': quoteZhCN };

export const quoteMessagesFor = (language: ExportLanguage = 'en'): QuoteMessages => TABLES[language];
