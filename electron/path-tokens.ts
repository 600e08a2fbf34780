import { randomUUID } from 'node:crypto';
import path from 'node:path';

/**
 * Opaque tokens for files the user chose (a dialog, the command line, the file manager, the recent
 * list). The renderer holds only tokens, so a compromised page can write nothing the user did not
 * pick. One token per path, so saving the same file twice hands back the same token.
 */
export class PathTokens {
  private readonly byToken = new Map<string, string>();
  private readonly byPath = new Map<string, string>();

  grant(filePath: string): string {
    const absolute = path.resolve(filePath);
    const existing = this.byPath.get(absolute);
    if (existing) return existing;
    const token = randomUUID();
    this.byToken.set(token, absolute);
    this.byPath.set(absolute, token);
    return token;
  }

  /** The path behind a token, or undefined for a token this registry never issued. */
  resolve(token: string): string | undefined {
    return this.byToken.get(token);
  }

  /** Forgets every token (the recent list is re-issued each time the menu is rebuilt). */
  clear(): void {
    this.byToken.clear();
    this.byPath.clear();
  }
}
