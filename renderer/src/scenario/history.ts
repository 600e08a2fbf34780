/**
 * Undo and redo for one scenario's edits: the states before each edit. Keystrokes in one field within
 * `coalesceMs` of each other are one edit, so Ctrl+Z takes back "0.35" whole rather than "5", then "3".
 */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(
    private readonly limit = 200,
    private readonly coalesceMs = 1500,
  ) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records `before`, the state an edit replaces; `key` (a field) joins it to the previous edit of that field. */
  record(before: T, key: string | null = null, now = Date.now()): void {
    const joins = key !== null && key === this.lastKey && now - this.lastAt < this.coalesceMs;
    this.lastKey = key;
    this.lastAt = now;
    this.future = [];
    if (joins) return;
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
  }

  /** The state to go back to, given the current one; null when there is none. */
  undo(current: T): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(current);
    this.lastKey = null;
    return previous;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }
}
