import { describe, expect, it } from 'vitest';
import { commandForKey, isEditable, shortcutLabel } from './shortcuts';

const press = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('keyboard shortcuts in the browser build', () => {
  it('maps Ctrl+O/S/Shift+S/P/Z/Y on Windows and Linux', () => {
    expect(commandForKey(press('o', { ctrl: true }), false)).toBe('open');
    expect(commandForKey(press('s', { ctrl: true }), false)).toBe('save');
    expect(commandForKey(press('S', { ctrl: true, shift: true }), false)).toBe('save-as');
    expect(commandForKey(press('p', { ctrl: true }), false)).toBe('export-pdf');
    expect(commandForKey(press('z', { ctrl: true }), false)).toBe('undo');
    expect(commandForKey(press('y', { ctrl: true }), false)).toBe('redo');
  });

  it('uses Cmd on a Mac, with Shift+Cmd+Z for redo', () => {
    expect(commandForKey(press('s', { meta: true }), true)).toBe('save');
    expect(commandForKey(press('s', { ctrl: true }), true)).toBeNull();
    expect(commandForKey(press('z', { meta: true, shift: true }), true)).toBe('redo');
    expect(commandForKey(press('s', { meta: true }), false)).toBeNull();
  });

  it('leaves other keys alone, and Ctrl+N to the browser', () => {
    expect(commandForKey(press('s'), false)).toBeNull();
    expect(commandForKey(press('s', { ctrl: true, alt: true }), false)).toBeNull();
    expect(commandForKey(press('n', { ctrl: true }), false)).toBeNull();
    expect(commandForKey(press('q', { ctrl: true }), false)).toBeNull();
  });

  it('labels shortcuts the platform way', () => {
    expect(shortcutLabel('save-as', false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('save-as', true)).toBe('⇧⌘S');
    expect(shortcutLabel('about', false)).toBeNull();
  });

  it('knows a text field from a button', () => {
    expect(isEditable({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isEditable({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});
