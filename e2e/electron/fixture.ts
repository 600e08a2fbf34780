import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary';

export const electronBinary = findElectronBinary();
export const SKIP_REASON = `Electron binary not available: ${electronBinary.reason}. These tests run wherever \`npm install\` could download Electron; the same flows run in the browser build.`;
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningApp {
  app: ElectronApplication;
  window: Page;
  /** What main printed (blocked requests, denied navigation…), line by line. */
  log: string[];
}

/** Starts the built app with its own userData folder and extra command-line arguments (a file to open). */
export async function launchApp(userData: string, args: string[] = [], log: string[] = []): Promise<RunningApp> {
  const app = await electron.launch({
    executablePath: electronBinary.path as string,
    args: ['.', '--no-sandbox', ...args],
    cwd: REPO_ROOT,
    env: { ...process.env, GPU_PLANNER_USER_DATA: userData },
  });
  app.process().stdout?.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean)));
  const window = await app.firstWindow();
  await window.locator('#root[data-app-state="loaded"]').waitFor();
  return { app, window, log };
}

/** Clicks an application-menu item by its id (menu-template.ts), as the user would with the mouse. */
export async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  // Items enable once the page has said which commands it handles, just after it loads.
  await expect
    .poll(
      () =>
        app.evaluate(({ Menu }, itemId) => {
          const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
          if (!item?.enabled) return false;
          item.click();
          return true;
        }, id),
      { message: `menu item ${id} is missing or disabled` },
    )
    .toBe(true);
}

/** Answers the next native save dialogs with `file`, as a user picking it would. */
export async function answerSaveDialogWith(app: ElectronApplication, file: string): Promise<void> {
  await app.evaluate(({ dialog }, target) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog;
  }, file);
}

/** Quits, answering "Don't Save" should a test leave unsaved changes (nobody is there to click). */
export async function closeApp(app: ElectronApplication): Promise<void> {
  await app
    .evaluate(({ dialog }) => {
      dialog.showMessageBoxSync = (() => 1) as typeof dialog.showMessageBoxSync;
    })
    .catch(() => undefined);
  await app.close();
}

/** Each test gets its own app instance and its own userData folder, removed afterwards. */
export const test = base.extend<{ userData: string; app: ElectronApplication; appWindow: Page; mainLog: string[] }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  userData: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpu-planner-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  mainLog: async ({}, use) => {
    await use([]);
  },
  app: async ({ userData, mainLog }, use) => {
    const running = await launchApp(userData, [], mainLog);
    await use(running.app);
    await closeApp(running.app);
  },
  appWindow: async ({ app }, use) => {
    const window = await app.firstWindow();
    await window.locator('#root[data-app-state="loaded"]').waitFor();
    await use(window);
  },
});
export { expect } from '@playwright/test';
