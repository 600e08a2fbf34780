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
});
