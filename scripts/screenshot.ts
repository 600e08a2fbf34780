// `npx tsx scripts/screenshot.ts [page] [language]`: refreshes docs/screenshot*.png from the built renderer.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const [page = '', language = 'en'] = process.argv.slice(2);
/** Pages that show something only once a document is open: the hash that opens one, and what to wait for. */
const PREPARE: Record<string, { hash: string; ready: string }> = {
  scenario: {
    hash: 'scenario?example=full-ft-deepseek-67b',
    ready: '[data-testid="scenario-results"][data-state="current"] [data-testid="sensitivity"]',
  },
};
const port = 4179;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
  stdio: 'ignore',
});
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const tab = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await tab.addInitScript((lang) => localStorage.setItem('gpu-planner.language', lang), language);
  await tab.goto(`http://127.0.0.1:${port}/#${PREPARE[page]?.hash ?? page}`);
  await tab.locator('#root[data-app-state="loaded"]').waitFor();
  if (PREPARE[page]) await tab.locator(PREPARE[page].ready).waitFor();
  await tab.waitForTimeout(500);
  const file = `docs/screenshot${page ? `-${page}` : ''}${language === 'en' ? '' : `-${language}`}.png`;
  await tab.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await browser.close();
} finally {
  server.kill();
}
