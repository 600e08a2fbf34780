import type { Language, MenuCommandId, PlatformFile, RecoveredFile } from './types';

/** Every command a screen can handle, with what it carries. */
export interface CommandPayloads {
  new: undefined;
  open: undefined;
  save: undefined;
  'save-as': undefined;
  'export-xlsx': undefined;
  'export-csv': undefined;
  'export-pdf': undefined;
  undo: undefined;
  redo: undefined;
  about: undefined;
  /** A file to show: Open Recent, the command line, the file manager, a second launch. */
  'open-file': PlatformFile;
  /** Unsaved work from before a crash. */
  recover: RecoveredFile;
  language: Language;
}
export type CommandId = keyof CommandPayloads;
type Handler<K extends CommandId> = (payload: CommandPayloads[K]) => unknown;

/** The menu's own commands, in menu order (the rest arrive with something to open). */
export const MENU_COMMAND_IDS = [
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

// Files handed over before any screen listens (the app is still loading) wait for one.
const WAITS_FOR_HANDLER: readonly CommandId[] = ['open-file', 'recover'];

/**
 * Routes menu commands, shortcuts and files to whichever screen handles them now. A screen
 * registers with `handle` when it mounts and calls the returned function when it unmounts; the
 * newest handler wins and the previous one comes back when it leaves. A handler that throws or
 * rejects reports through `onError` (the status line), so no failure goes unseen.
 */
export class CommandBus {
  private readonly handlers = new Map<CommandId, Handler<never>[]>();
  private readonly waiting: { id: CommandId; payload: unknown }[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly onError: (message: string) => void = () => undefined) {}

  handle<K extends CommandId>(id: K, handler: Handler<K>): () => void {
    const stack = this.handlers.get(id) ?? [];
    stack.push(handler as Handler<never>);
    this.handlers.set(id, stack);
    this.changed();
    for (const item of this.waiting.filter((w) => w.id === id)) {
      this.waiting.splice(this.waiting.indexOf(item), 1);
      void (this.run as (id: CommandId, payload: unknown) => Promise<boolean>)(id, item.payload);
    }
    return () => {
      const at = stack.lastIndexOf(handler as Handler<never>);
      if (at >= 0) stack.splice(at, 1);
      this.changed();
    };
  }

  has(id: CommandId): boolean {
    return (this.handlers.get(id)?.length ?? 0) > 0;
  }

  /** The menu commands someone handles now (the others are greyed out). */
  available(): MenuCommandId[] {
    return MENU_COMMAND_IDS.filter((id) => this.has(id));
  }

  /** Runs the newest handler; false when nobody handles the command (a file then waits for one). */
  run(id: MenuCommandId): Promise<boolean>;
  run<K extends Exclude<CommandId, MenuCommandId>>(id: K, payload: CommandPayloads[K]): Promise<boolean>;
  async run(id: CommandId, payload?: unknown): Promise<boolean> {
    const handler = this.handlers.get(id)?.at(-1) as ((payload: unknown) => unknown) | undefined;
    if (!handler) {
      if (WAITS_FOR_HANDLER.includes(id)) this.waiting.push({ id, payload });
      return false;
    }
    try {
      await handler(payload);
    } catch (error) {
      this.onError(error instanceof Error ? error.message : String(error));
    }
    return true;
  }

  /** Called whenever the set of handled commands changes (menus enable and disable items). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
