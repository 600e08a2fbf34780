import { z } from 'zod';
import { LANGUAGES } from './ipc';

/** userData/settings.json: what the shell needs before the renderer has loaded (menu language). */
export const settingsSchema = z.strictObject({
  language: z.enum(LANGUAGES),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Chinese for a Chinese system locale, English otherwise (the renderer decides the same way). */
export function defaultSettings(systemLocale: string): Settings {
  return { language: systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en' };
}
