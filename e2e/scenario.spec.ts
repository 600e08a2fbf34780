import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gridCell, gridRows, openApp } from './pages/app';
import { openScenarioFile } from './pages/file-menu';

/**
 * The scenario screens (issue 6, items 5 and 6; issue 10's site): build a scenario, compare, change a
 * price, save, reload; open a shipped example with the numbers `npm run -s compare` prints; a small
 * server room; a bad file refused.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'e2e/fixtures/scenario');
const GRID = 'comparison-grid';

const results = (page: Page) => page.getByTestId('scenario-results');
/** The comparison is the one of what the form holds: wait on the state marker, never on a timeout. */
const compared = (page: Page) => expect(results(page)).toHaveAttribute('data-state', 'current');
const cell = (page: Page, option: string, column: string) => gridCell(page, GRID, option, column);
const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const amount = async (page: Page, option: string) =>
  Number((await cell(page, option, 'totalCost').innerText()).replace(/,/g, ''));

/** What `npm run -s compare -- file` prints (the same script, run as the README says). */
function cli(file: string): { rows: { optionId: string; rank: number; totalCost: number | null }[] } {
  const out = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'estimator/cli/compare.ts', file],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as ReturnType<typeof cli>;
}

test.describe('scenarios', () => {
  test('built from scratch with three options: ranked, re-ranked on the electricity price, saved, and all still there after a reload', async ({
    page,
  }, info) => {
    await openApp(page, '/#scenario');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByLabel('Scenario name').fill('Q3: LoRA 7B, buy or rent');

    // An owned server from the catalog.
    const add = page.getByTestId('add-option');
    await add.getByLabel('System').selectOption('sxm2-8x-v100-32gb-used');
    await add.getByRole('button', { name: 'Add option' }).click();

    // A cluster from a vendor's quote.
    await add.getByText("A vendor's quote").click();
    await add.getByText('Cluster', { exact: true }).click();
    const quote = page.getByTestId('quote-form');
    await quote.getByLabel('Server (as the quote names it)').fill('HGX A100 80GB (Acme quote)');
    await quote.getByLabel('GPU', { exact: true }).selectOption('a100-sxm4-80gb');
    await quote.getByLabel('Price of one server').fill('120,000');
    await quote.getByLabel('Source (vendor, quote number)').fill('Acme quote Q-1234');
    await quote.getByLabel('Power at full load (W)').fill('6500');
    await quote.getByLabel('Height (U)').fill('6');
    await quote.getByLabel('Network between nodes').selectOption('ib-hdr-8-rail');
    await quote.getByRole('button', { name: 'Add quote' }).click();

    // A cloud offer from the catalog, on spot.
    await add.getByText('Your catalog').click();
    await add.getByText('Cloud', { exact: true }).click();
    await add.getByLabel('Cloud instance').selectOption('aws-p4d-24xlarge');
    await add.getByLabel('Pricing').selectOption('spot');
    await add.getByRole('button', { name: 'Add option' }).click();

    // Ranked, cheapest first and highlighted.
    await compared(page);
    await expect(gridRows(page, GRID)).toHaveCount(3);
    const ids = ['own-sxm2-8x-v100-32gb-used', 'cluster-hgx-a100-80gb-acme-quote', 'cloud-aws-p4d-24xlarge-spot'];
    for (const id of ids) await expect(cell(page, id, 'totalCost')).toHaveText(/^\d[\d,]*\.\d\d$/);
    // At the default 0.0861 USD/kWh the used V100 server is the cheapest: ranked first and highlighted.
    await expect(cell(page, ids[0]!, 'rank')).toHaveText('1');
    await expect(page.getByTestId(GRID).locator(`.ag-row.row-cheapest[row-id="${ids[0]}"]`).first()).toBeVisible();

    // Dearer electricity: the owned options cost more, the cloud one the same, and the ranking follows.
    const before = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await amount(page, id)])));
    await page.getByLabel('Electricity price (per kWh)').fill('0.6');
    await compared(page);
    expect(await amount(page, ids[0]!)).toBeGreaterThan(before[ids[0]!]);
    expect(await amount(page, ids[1]!)).toBeGreaterThan(before[ids[1]!]);
    expect(await amount(page, ids[2]!)).toBe(before[ids[2]!]);
    await expect(cell(page, 'cloud-aws-p4d-24xlarge-spot', 'rank')).toHaveText('1');
    const totals = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await amount(page, id)])));

    // Saved to a file: the file holds the options and the new price, and reopens with the same numbers.
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    const saved = info.outputPath('q3.gpuplan.json');
    await (await download).saveAs(saved);
    const file = JSON.parse(readFileSync(saved, 'utf8')) as {
      options: unknown[];
      assumptions: { electricity: { amount: number } };
    };
    expect(file.options).toHaveLength(3);
    expect(file.assumptions.electricity.amount).toBe(0.6);
    for (const row of cli(saved).rows) expect(money(row.totalCost!)).toBe(money(totals[row.optionId]));
    await expect(page.getByTestId('file-state')).toHaveText('File: Q3- LoRA 7B, buy or rent.gpuplan.json');

    // A reload brings it all back from IndexedDB.
    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await compared(page);
    await expect(page.getByLabel('Scenario name')).toHaveValue('Q3: LoRA 7B, buy or rent');
    await expect(page.getByLabel('Electricity price (per kWh)')).toHaveValue('0.6');
    await expect(gridRows(page, GRID)).toHaveCount(3);
    for (const id of ids) expect(await amount(page, id)).toBe(totals[id]);
  });

  test('a shipped example opens as the user’s copy, showing what `npm run -s compare` prints', async ({ page }) => {
    const file = 'full-ft-deepseek-67b.scenario.json';
    const expected = cli(path.join(ROOT, 'catalog/scenarios', file));
    await openApp(page, '/#scenario');
    await page
      .getByTestId('scenario-examples')
      .getByRole('button', { name: /^Full fine-tune DeepSeek-LLM-67B/ })
      .click();
    await compared(page);
    await expect(page.getByTestId('scenario-list').getByRole('listitem')).toHaveCount(1);
    await expect(gridRows(page, GRID)).toHaveCount(expected.rows.length);
    for (const row of expected.rows) {
      await expect(cell(page, row.optionId, 'rank')).toHaveText(String(row.rank));
      await expect(cell(page, row.optionId, 'totalCost')).toHaveText(money(row.totalCost!));
    }
    // The cost lines of the cheapest add up to its total.
    await expect(page.getByTestId('lines-total')).toHaveText(`USD ${money(expected.rows[0]!.totalCost!)}`);
  });

  test('a 20 kW air-cooled room: which of three options fit, and their racks', async ({ page }) => {
    await openApp(page, '/#scenario');
    await openScenarioFile(page, path.join(FIXTURES, 'three-owned.gpuplan.json'));
    await page.getByLabel('Check owned options against a site').check();
    await page.getByLabel('Power available (kW)').fill('20');
    await page.getByLabel('Cooling available (kW)').fill('20');
    await page.getByLabel('Cooling type').selectOption('air');
    await compared(page);

    await expect(cell(page, 'used-v100', 'fitsSite')).toHaveText('Fits');
    await expect(cell(page, 'one-h100', 'fitsSite')).toHaveText('Fits');
    await expect(cell(page, 'four-h100', 'fitsSite')).toHaveText('Does not fit');
    await expect(cell(page, 'four-h100', 'verdict')).toHaveText('Does not fit the site');
    await expect(cell(page, 'four-h100', 'reason')).toContainText(
      'needs 40.8 kW of power, the room has 20 kW: 20.8 kW short',
    );

    const racks = page.getByTestId('rack-view');
    await racks.getByRole('button', { name: /Cluster/ }).click();
    await expect(racks.getByTestId('site-verdict')).toContainText('Does not fit the site.');
    await expect(racks.getByTestId('shortfalls')).toContainText('20.8 kW short');
    // Four 10.2 kW servers, one to a 15 kW rack, air-cooled, each at its U position.
    await expect(racks.locator('g[data-rack]')).toHaveCount(4);
    await expect(racks.locator('g[data-rack][data-cooling="air"]')).toHaveCount(4);
    await expect(racks.locator('g[data-server][data-u="1-8"]')).toHaveCount(4);
    await expect(racks.getByText('10.2 kW of 15.0 kW').first()).toBeVisible();

    await racks.getByRole('button', { name: /Owned/ }).click();
    await expect(racks.getByTestId('site-verdict')).toContainText('Fits the site.');
  });

  test('a bad scenario file is refused with a message naming the field, and nothing stored changes', async ({
    page,
  }) => {
    await openApp(page, '/#scenario');
    await page.getByRole('button', { name: 'New scenario' }).click();
    await expect(page.getByTestId('scenario-list').getByRole('listitem')).toHaveCount(1);
    await openScenarioFile(page, path.join(FIXTURES, 'bad-runs.gpuplan.json'));
    await expect(page.getByRole('alert')).toContainText(
      '“bad-runs.gpuplan.json” is not a valid scenario, so nothing was opened: workload.runsPerMonth: must be a number of runs above 0 and at most 10,000',
    );
    await expect(page.getByTestId('scenario-list').getByRole('listitem')).toHaveCount(1);
    await expect(page.getByLabel('Scenario name')).toHaveValue('Untitled scenario');
  });

  test('the list: rename, duplicate, delete with undo; Ctrl+Z undoes an edit', async ({ page }) => {
    await openApp(page, '/#scenario');
    await page.getByRole('button', { name: 'New scenario' }).click();
    const list = page.getByTestId('scenario-list');
    await list.getByRole('button', { name: 'Rename' }).click();
    await list.getByLabel('New name').fill('Plan A');
    await list.getByLabel('New name').press('Enter');
    await expect(page.getByLabel('Scenario name')).toHaveValue('Plan A');
    await list.getByRole('button', { name: 'Duplicate' }).click();
    await expect(page.getByLabel('Scenario name')).toHaveValue('Plan A (copy)');
    await list.getByRole('button', { name: 'Delete' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await page.getByTestId('undo-delete').getByRole('button', { name: 'Undo' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);

    const runs = page.getByLabel('Runs per month');
    await runs.fill('8');
    await runs.blur();
    await page.keyboard.press('Control+z');
    await expect(runs).toHaveValue('4');
    await page.keyboard.press('Control+y');
    await expect(runs).toHaveValue('8');
  });

  test('Suggest sweeps the catalog in the worker with a progress bar, can be cancelled, and adds what is chosen', async ({
    page,
  }) => {
    await openApp(page, '/#scenario');
    await page
      .getByTestId('scenario-examples')
      .getByRole('button', { name: /^LoRA DeepSeek-LLM-7B/ })
      .click();
    await compared(page);
    const suggest = page.getByTestId('suggest');
    await suggest.getByRole('button', { name: 'Suggest…' }).click();
    await expect(suggest.getByRole('progressbar')).toBeVisible();
    await suggest.getByRole('button', { name: 'Cancel' }).click();
    await expect(suggest).toContainText('Cancelled: nothing was added.');

    await suggest.getByRole('button', { name: 'Suggest…' }).click();
    await expect(suggest.getByTestId('suggestions').getByRole('checkbox')).toHaveCount(5, { timeout: 30_000 });
    await suggest.getByRole('button', { name: 'Add 5 options' }).click();
    await compared(page);
    await expect(gridRows(page, GRID)).toHaveCount(9);
  });
});
