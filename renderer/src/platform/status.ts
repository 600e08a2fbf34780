import { makeAutoObservable } from 'mobx';
import type { DocumentState } from './types';

export interface StatusMessage {
  kind: 'info' | 'error';
  text: string;
}

/**
 * What the header shows about files: the open document's name and whether it has unsaved
 * changes, and one line saying what was saved or exported, or what went wrong and why.
 */
export class StatusLine {
  message: StatusMessage | null = null;
  document: DocumentState = { dirty: false, name: null };

  constructor() {
    makeAutoObservable(this);
  }

  info(text: string): void {
    this.message = { kind: 'info', text };
  }

  error(text: string): void {
    this.message = { kind: 'error', text };
  }

  clear(): void {
    this.message = null;
  }

  setDocument(state: DocumentState): void {
    this.document = state;
  }
}
