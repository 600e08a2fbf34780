import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Importing 'electron' in plain Node (vitest, scripts) throws without its binary: only the three
// entry files may; everything else in the shell stays testable (and type-only imports are erased).
const ENTRY_FILES = ['main.ts', 'preload.ts', 'security.ts'];

describe('the shell keeps Electron at its edges', () => {
  const dir = new URL('.', import.meta.url);
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it.each(modules.filter((f) => !ENTRY_FILES.includes(f)))('%s imports no Electron at run time', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    expect(source).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+'electron'/m);
    expect(source).not.toMatch(/require\(['"]electron['"]\)/);
  });
});
