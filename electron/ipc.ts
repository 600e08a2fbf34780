import { z } from 'zod';
import type {
  DocumentState,
  ExportFormat,
  ExportRequest,
  Language,
  MenuCommandId,
  PageSize,
  PrintRequest,
  RecoverySnapshot,
  SaveRequest,
} from './api';

/**
 * Every channel the preload may invoke, with the schema its payload must satisfy. Main refuses
 * anything else (vscode's validateIPC): the renderer is treated as untrusted.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly Language[];
export const EXPORT_FORMATS = ['xlsx', 'csv', 'pdf', 'json'] as const satisfies readonly ExportFormat[];
export const PAGE_SIZES = ['A4', 'Letter'] as const satisfies readonly PageSize[];
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'export-xlsx',
  'export-csv',
  'export-pdf',
  'undo',
  'redo',
  'about',
] as const satisfies readonly MenuCommandId[];

// A scenario is kilobytes; these bounds only stop a runaway renderer from filling the disk or memory.
const MAX_TEXT_CHARS = 20_000_000;
const MAX_EXPORT_BYTES = 200_000_000;

const token = z.string().min(1).max(100);
const suggestedName = z.string().trim().min(1).max(200);
const language = z.enum(LANGUAGES) satisfies z.ZodType<Language>;

const saveRequest = z.strictObject({
  token: token.nullable(),
  suggestedName,
  text: z.string().max(MAX_TEXT_CHARS),
}) satisfies z.ZodType<SaveRequest>;

const exportRequest = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  suggestedName,
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes (a Uint8Array)')
    .refine((b) => b.byteLength <= MAX_EXPORT_BYTES, 'is larger than 200 MB'),
}) satisfies z.ZodType<ExportRequest>;

const printRequest = z.strictObject({
  suggestedName,
  pageSize: z.enum(PAGE_SIZES),
  landscape: z.boolean(),
}) satisfies z.ZodType<PrintRequest>;

const documentState = z.strictObject({
  dirty: z.boolean(),
  name: z.string().max(200).nullable(),
}) satisfies z.ZodType<DocumentState>;

const recoverySnapshot = z.strictObject({
  token: token.nullable(),
  name: z.string().max(200),
  text: z.string().max(MAX_TEXT_CHARS),
}) satisfies z.ZodType<RecoverySnapshot>;

export const channels = {
  'app:info': z.tuple([]),
  'app:ready': z.tuple([]),
  'app:set-language': z.tuple([language]),
  'file:open': z.tuple([]),
  'file:open-recent': z.tuple([token]),
  'file:recent': z.tuple([]),
  'file:save': z.tuple([saveRequest]),
  'file:save-as': z.tuple([saveRequest]),
  'file:export': z.tuple([exportRequest]),
  'file:print-pdf': z.tuple([printRequest]),
  'doc:set-state': z.tuple([documentState]),
  'doc:write-recovery': z.tuple([recoverySnapshot.nullable()]),
  'menu:set-available': z.tuple([z.array(z.enum(MENU_COMMANDS)).max(MENU_COMMANDS.length)]),
} as const;

export type Channel = keyof typeof channels;
export type Payload<C extends Channel> = z.infer<(typeof channels)[C]>;
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export { MENU_COMMAND_CHANNEL } from './menu-channel';

/**
 * How a handler's outcome crosses back: an error becomes `{ error }` so the preload can rethrow
 * the plain message (Electron would otherwise prefix it with "Error invoking remote method …").
 */
export type Reply<T> = { ok: T } | { error: string };

export function parsePayload<C extends Channel>(channel: C, args: unknown[]): Payload<C> {
  const schema = channels[channel];
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${channel}: bad payload at ${issue?.path.join('.') || '(args)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as Payload<C>;
}
