import { z } from 'zod';

/**
 * Every channel the preload may invoke, with the schema its payload must satisfy. Main refuses
 * anything else (vscode's validateIPC): the renderer is treated as untrusted.
 */
export const channels = {
  'app:info': z.tuple([]),
} as const;

export type Channel = keyof typeof channels;
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export function parsePayload<C extends Channel>(channel: C, args: unknown[]): z.infer<(typeof channels)[C]> {
  const schema = channels[channel];
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${channel}: bad payload at ${issue?.path.join('.') || '(args)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
