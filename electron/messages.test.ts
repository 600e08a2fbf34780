import { describe, expect, it } from 'vitest';
import { reasonFor, translator } from './messages';

describe('menu and dialog messages', () => {
  it('reads the shared desktop namespace in both languages', () => {
    expect(translator('en')('menu.saveAs')).toBe('Save As…');
    expect(translator('zh-CN')('menu.saveAs')).toBe('另存为…');
  });

  it('fills {{placeholders}} and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('dialog.unsavedMessage', { name: 'q3.gpuplan.json' })).toBe(
      'Save the changes to “q3.gpuplan.json” before closing?',
    );
    expect(t('errors.readFailed', { name: 'a.json' })).toBe('Could not open “a.json”: {{reason}}');
  });

  it('shows the key when there is no such message, so a typo is visible', () => {
    expect(translator('zh-CN')('menu.nope')).toBe('menu.nope');
  });

  it('says file-system errors in words, else passes the message on', () => {
    const t = translator('en');
    expect(reasonFor(Object.assign(new Error('EACCES: open'), { code: 'EACCES' }), t)).toBe('permission denied');
    expect(reasonFor(Object.assign(new Error('weird'), { code: 'EWEIRD' }), t)).toBe('weird');
    expect(reasonFor('plain', t)).toBe('plain');
    expect(reasonFor(Object.assign(new Error('x'), { code: 'ENOSPC' }), translator('zh-CN'))).toBe('磁盘已满');
  });
});
