import type { MenuCommandId } from './types';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The browser build's keyboard shortcuts, the same as the desktop menu's accelerators (Cmd on a
 * Mac, Ctrl elsewhere). Ctrl+N is missing on purpose: browsers keep it for a new window and never
 * pass it to the page, so New is in the menu bar only there.
 */
export function commandForKey(press: KeyPress, mac: boolean): MenuCommandId | null {
  const mod = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!mod || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (press.shiftKey) {
    if (key === 's') return 'save-as';
    if (key === 'z') return mac ? 'redo' : null;
    return null;
  }
  switch (key) {
    case 'o':
      return 'open';
    case 's':
      return 'save';
    case 'p':
      return 'export-pdf';
    case 'z':
      return 'undo';
    case 'y':
      return 'redo';
    default:
      return null;
  }
}

/** The hint shown beside a menu item. */
export function shortcutLabel(command: MenuCommandId, mac: boolean): string | null {
  const mod = mac ? '⌘' : 'Ctrl+';
  const keys: Partial<Record<MenuCommandId, string>> = {
    new: mac ? '⌘N' : 'Ctrl+N',
    open: `${mod}O`,
    save: `${mod}S`,
    'save-as': mac ? '⇧⌘S' : 'Ctrl+Shift+S',
    'export-pdf': `${mod}P`,
    undo: `${mod}Z`,
    redo: mac ? '⇧⌘Z' : 'Ctrl+Y',
  };
  return keys[command] ?? null;
}

/** A text field has its own undo, copy and paste: shortcuts typed there are left to the browser. */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  return (
    tag === 'textarea' ||
    (tag === 'input' && !['checkbox', 'radio', 'button'].includes((el as HTMLInputElement).type)) ||
    el.isContentEditable === true
  );
}
