import type { DocumentState } from './api';
import type { Translate } from './messages';

export type CloseChoice = 'save' | 'discard' | 'cancel';

/**
 * Whether closing the window may lose work, and what to do about it. The renderer reports its
 * document state; closing a document with unsaved changes asks first. "Save" asks the renderer to
 * save and closes once that save has written the file; a cancelled save dialog keeps the window.
 */
export class CloseGuard {
  private state: DocumentState = { dirty: false, name: null };
  private closeAfterSave = false;
  private allowed = false;

  update(state: DocumentState): void {
    this.state = state;
  }

  get dirty(): boolean {
    return this.state.dirty;
  }

  /** On the window's close event: true lets it close; false means prevent it and ask. */
  mayClose(): boolean {
    return this.allowed || !this.state.dirty;
  }

  /** The user's answer; returns what main does next. */
  choose(choice: CloseChoice): 'close' | 'save' | 'stay' {
    if (choice === 'cancel') return 'stay';
    if (choice === 'discard') {
      this.allowed = true;
      return 'close';
    }
    this.closeAfterSave = true;
    return 'save';
  }

  /** After a save: true when the window was waiting on it to close. */
  saved(): boolean {
    this.state = { ...this.state, dirty: false };
    if (!this.closeAfterSave) return false;
    this.closeAfterSave = false;
    this.allowed = true;
    return true;
  }

  /** The save that closing waited on did not happen (dialog cancelled, or it failed): stay open. */
  saveAbandoned(): void {
    this.closeAfterSave = false;
  }

  /** The native message box: Save / Don't Save / Cancel, Enter saves, Escape cancels. */
  prompt(t: Translate) {
    return {
      type: 'warning' as const,
      message: t('dialog.unsavedMessage', { name: this.state.name ?? t('file.untitled') }),
      detail: t('dialog.unsavedDetail'),
      buttons: [t('dialog.save'), t('dialog.dontSave'), t('dialog.cancel')],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    };
  }
}

export const CHOICE_BY_BUTTON: readonly CloseChoice[] = ['save', 'discard', 'cancel'];
