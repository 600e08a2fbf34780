import type {} from '../../electron/api';
import { expect, SKIP_REASON, electronBinary, test } from './fixture';

test.skip(!electronBinary.path, SKIP_REASON);

test.describe('desktop shell', () => {
  test('opens the catalog with the renderer sandboxed and no Node in the page', async ({ appWindow }) => {
    await expect(appWindow.getByRole('heading', { name: 'GPU Planner' })).toBeVisible();
    expect(await appWindow.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await appWindow.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const info = await appWindow.evaluate(() => window.planner?.appInfo());
    expect(info?.name).toBeTruthy();
  });

  test('refuses to navigate away from the app', async ({ appWindow }) => {
    const before = appWindow.url();
    await appWindow.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect(appWindow.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    expect(appWindow.url()).toBe(before);
  });

  test('blocks requests to the network', async ({ appWindow }) => {
    const outcome = await appWindow.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });

  test('makes no network request while the user goes through every screen', async ({ appWindow, mainLog }) => {
    const requests: string[] = [];
    appWindow.on('request', (request) => requests.push(request.url()));
    const pages = appWindow.getByRole('navigation').getByRole('button');
    for (let i = 0; i < (await pages.count()); i++) await pages.nth(i).click();
    await appWindow.reload();
    await expect(appWindow.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    expect(requests.filter((url) => !/^(app:\/\/planner\/|data:|blob:)/.test(url))).toEqual([]);
    expect(mainLog.filter((line) => line.includes('blocked request'))).toEqual([]);
  });

  test('logs the requests it blocks', async ({ appWindow, mainLog }) => {
    await appWindow.evaluate(() => fetch('https://example.com/probe').catch(() => undefined));
    await expect.poll(() => mainLog.join('\n')).toContain('blocked request: GET https://example.com/probe');
  });
});
