import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'e2e/**'],
    environment: 'node',
    // Dexie tests run against a real IndexedDB implementation in Node.
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 60_000,
  },
});
