import { _electron as electron, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary';

export const electronBinary = findElectronBinary();
export const SKIP_REASON = `Electron binary not available: ${electronBinary.reason}. These tests run wherever \`npm install\` could download Electron; the same flows run in the browser build.`;

/** Each test gets its own app instance and its own userData folder, removed afterwards. */
export const test = base.extend<{ app: ElectronApplication; appWindow: Page }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const userData = mkdtempSync(path.join(tmpdir(), 'gpu-planner-e2e-'));
    const app = await electron.launch({
      executablePath: electronBinary.path as string,
      args: ['.', '--no-sandbox'],
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, GPU_PLANNER_USER_DATA: userData },
    });
    await use(app);
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  },
  appWindow: async ({ app }, use) => {
    const window = await app.firstWindow();
    await window.locator('#root[data-app-state="loaded"]').waitFor();
    await use(window);
  },
});
export { expect } from '@playwright/test';
