import { describe, expect, it } from 'vitest';
import { CHOICE_BY_BUTTON, CloseGuard } from './close-guard';
import { translator } from './messages';

describe('closing with unsaved changes', () => {
  it('closes at once when everything is saved', () => {
    const guard = new CloseGuard();
    guard.update({ dirty: false, name: 'a.gpuplan.json' });
    expect(guard.mayClose()).toBe(true);
  });

  it('asks when there are unsaved changes, naming the document', () => {
    const guard = new CloseGuard();
    guard.update({ dirty: true, name: 'a.gpuplan.json' });
    expect(guard.mayClose()).toBe(false);
    const prompt = guard.prompt(translator('en'));
    expect(prompt.message).toBe('Save the changes to “a.gpuplan.json” before closing?');
    expect(prompt.buttons.map((_, i) => CHOICE_BY_BUTTON[i])).toEqual(['save', 'discard', 'cancel']);
    expect(prompt.buttons[prompt.cancelId]).toBe('Cancel');
    guard.update({ dirty: true, name: null });
    expect(guard.prompt(translator('zh-CN')).message).toBe('关闭前保存对“未命名方案”的修改吗？');
  });

  it("Don't Save closes; Cancel stays", () => {
    const guard = new CloseGuard();
    guard.update({ dirty: true, name: 'a' });
    expect(guard.choose('cancel')).toBe('stay');
    expect(guard.mayClose()).toBe(false);
    expect(guard.choose('discard')).toBe('close');
    expect(guard.mayClose()).toBe(true);
  });

  it('Save closes only after the file is written', () => {
    const guard = new CloseGuard();
    guard.update({ dirty: true, name: 'a' });
    expect(guard.choose('save')).toBe('save');
    expect(guard.mayClose()).toBe(false);
    expect(guard.saved()).toBe(true);
    expect(guard.mayClose()).toBe(true);
  });

  it('a cancelled save keeps the window, and a later ordinary save does not close it', () => {
    const guard = new CloseGuard();
    guard.update({ dirty: true, name: 'a' });
    guard.choose('save');
    guard.saveAbandoned();
    expect(guard.mayClose()).toBe(false);
    expect(guard.saved()).toBe(false);
    expect(guard.mayClose()).toBe(true);
  });
});
