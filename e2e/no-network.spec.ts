import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openApp } from './pages/app';
import { menu, openScenarioFile, scenarioJson, scenarioName } from './pages/file-menu';

// The app never uses the network. Every request the page (and its workers) makes while a user goes
// through every screen and the file flows is recorded; each must be to the app's own server.
test('the app requests nothing but its own files, on every screen and in the file flows', async ({
  page,
  context,
}, info) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));

  await openApp(page);
  const pages = page.getByRole('navigation').getByRole('button');
  for (let i = 0; i < (await pages.count()); i++) {
    await pages.nth(i).click();
    await expect(page.locator('main')).not.toBeEmpty();
  }

  const file = info.outputPath('q.gpuplan.json');
  writeFileSync(file, scenarioJson('offline check'));
  await page.goto('/#scenario');
  await openScenarioFile(page, file);
  await scenarioName(page).fill('offline check, edited');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  await download;
  await menu(page, 'Help', 'About GPU Planner');
  await page.getByRole('button', { name: 'Close' }).click();
  await menu(page, 'View', '中文（简体）', 'menuitemradio');
  await page.reload();
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');

  const origin = new URL(page.url()).origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  expect(foreign).toEqual([]);
});
