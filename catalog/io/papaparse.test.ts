import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Vite and vitest resolve papaparse's UMD bundle one way and Node's own ESM loader (the command
// lines) another: a namespace import once worked here and failed in `npx tsx`. Check the latter.
describe('papaparse under Node ESM', () => {
  it('writes catalog CSV from a command-line process', () => {
    const code =
      "import('./catalog/io/index.ts').then(async (io) => { const { loadShippedCatalog } = await import('./catalog/index.ts'); process.stdout.write(io.exportTableCsv('gpus', loadShippedCatalog().tables.gpus).split('\\n')[0]); })";
    const header = execFileSync('npx', ['tsx', '-e', code], { encoding: 'utf8' });
    expect(header.startsWith('id,name,vendor')).toBe(true);
  });
});
