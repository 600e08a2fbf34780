import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gridCell, openApp } from './pages/app';

const root = path.join(import.meta.dirname, '..');
const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', 'catalog', name);
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as unknown;

const KINDS = ['gpus', 'systems', 'cloudOffers', 'networks', 'facilities'] as const;
const FILES = {
  gpus: 'catalog/gpus.json',
  systems: 'catalog/systems.json',
  cloudOffers: 'catalog/cloud-offers.json',
  networks: 'catalog/networks.json',
  facilities: 'catalog/facilities.json',
};
type Kind = (typeof KINDS)[number];
type Row = Record<string, unknown> & { id: string };
const shippedRows = (kind: Kind) => readJson(FILES[kind]) as Row[];

const grid = (kind: Kind) => `catalog-grid-${kind}`;
const cell = (page: Page, kind: Kind, id: string, column: string) => gridCell(page, grid(kind), id, column);
const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });

async function typeInCell(page: Page, kind: Kind, id: string, column: string, value: string) {
  await cell(page, kind, id, column).dblclick();
  const editor = page.getByTestId(grid(kind)).locator('.ag-cell-inline-editing input');
  await editor.fill(value);
  await editor.press('Enter');
}

/** Clicks an export button and returns the downloaded file's text (the browser build saves exports as downloads). */
async function download(page: Page, button: string, name: string, saveTo: string): Promise<string> {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  expect(file.suggestedFilename()).toBe(name);
  await file.saveAs(saveTo);
  return readFileSync(saveTo, 'utf8');
}

async function reload(page: Page) {
  await page.reload();
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
}

/**
 * "This build ships a newer catalog": the shipped files with the fixture's cells changed, handed to
 * the app through the test-only global it reads at start-up (renderer/src/catalog/shipped-source.ts).
 */
async function shipNewerCatalog(page: Page) {
  const patch = readJson('e2e/fixtures/catalog/newer-shipped.json') as {
    version: string;
    asOf: string;
    changes: { kind: Kind; id: string; path: string; value: unknown }[];
  };
  const tables = Object.fromEntries(KINDS.map((kind) => [kind, shippedRows(kind)])) as Record<Kind, Row[]>;
  for (const change of patch.changes) {
    const row = tables[change.kind].find((r) => r.id === change.id) as Record<string, unknown>;
    const keys = change.path.split('.');
    const parent = keys.slice(0, -1).reduce((node, key) => node[key] as Record<string, unknown>, row);
    parent[keys[keys.length - 1]!] = change.value;
  }
  await page.addInitScript(
    (files) => {
      (window as unknown as Record<string, unknown>).__GPU_PLANNER_TEST_SHIPPED_CATALOG__ = files;
    },
    { version: { version: patch.version, asOf: patch.asOf }, tables },
  );
}

test.describe('Catalog', () => {
  test('shows the shipped GPUs from IndexedDB with units in the headers', async ({ page }) => {
    await openApp(page, '/#catalog');
    await expect(page.getByRole('columnheader', { name: 'Memory (GB)' })).toBeVisible();
    await expect(cell(page, 'gpus', 'h100-sxm5-80gb', 'tflops.bf16')).toHaveText('989.4');
    await expect(cell(page, 'gpus', 'v100-sxm2-32gb', 'tflops.bf16')).toHaveText('—');
  });

  test('a price the user edits survives a reload and is marked as theirs', async ({ page }) => {
    await openApp(page, '/#catalog');
    const price = cell(page, 'gpus', 'h100-sxm5-80gb', 'priceNew');
    await expect(price).toHaveText('30,000 USD');

    await typeInCell(page, 'gpus', 'h100-sxm5-80gb', 'priceNew', '27500');
    await expect(price).toHaveText('27,500 USD');

    await reload(page);
    await expect(price).toHaveText('27,500 USD');
    await expect(price).toHaveClass(/cell-user-edited/);
    await expect(cell(page, 'gpus', 'h100-sxm5-80gb', 'origin')).toHaveText('edited by you');
    await expect(cell(page, 'gpus', 'a100-sxm4-80gb', 'origin')).toHaveText('shipped');

    // The provenance panel says who changed it, when, and the shipped value it replaced; revert restores it.
    await cell(page, 'gpus', 'h100-sxm5-80gb', 'name').click();
    const provenance = page.getByTestId('provenance');
    const edit = provenance.locator('[data-edit="priceNew"]');
    await expect(edit).toContainText('27,500 USD');
    await expect(edit).toContainText('you,');
    await expect(edit).toContainText('Shipped value it replaced: 30,000 USD (2026-06-01)');
    await edit.getByRole('button', { name: 'Revert' }).click();
    await expect(price).toHaveText('30,000 USD');
    await expect(cell(page, 'gpus', 'h100-sxm5-80gb', 'origin')).toHaveText('shipped');
  });

  test('a negative price is refused with a message naming the field', async ({ page }) => {
    await openApp(page, '/#catalog');
    await typeInCell(page, 'gpus', 'a100-sxm4-80gb', 'priceUsed', '-5');
    await expect(page.getByRole('alert')).toContainText('priceUsed.amount: must be ≥ 0');
    await reload(page);
    await expect(cell(page, 'gpus', 'a100-sxm4-80gb', 'priceUsed')).toHaveText('9,000 USD');
  });

  test('speaks Chinese when the user switches language, and remembers it', async ({ page }) => {
    await openApp(page, '/#catalog');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('columnheader', { name: '显存（GB）' })).toBeVisible();
    await reload(page);
    await expect(page.getByRole('heading', { name: 'GPU 规划器' })).toBeVisible();
    await expect(tab(page, '服务器与工作站')).toBeVisible();
  });

  test('a CSV with one bad row is rejected, naming the row and field, and nothing changes', async ({ page }) => {
    await openApp(page, '/#catalog?tab=systems');
    const total = shippedRows('systems').length;
    await expect(page.getByTestId('count-systems')).toHaveText(String(total));

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV/JSON…' }).click();
    await (await chooser).setFiles(fixture('systems-quote-one-bad-row.csv'));

    const problems = page.getByTestId('import-problems');
    await expect(problems).toContainText('“systems-quote-one-bad-row.csv” was not imported: 1 problem.');
    await expect(problems.getByRole('listitem')).toHaveText([
      'row 3 (acme-8x-v100-used-quote), field price.amount: must be ≥ 0',
    ]);
    await expect(page.getByTestId('count-systems')).toHaveText(String(total));
    await expect(cell(page, 'systems', 'acme-hgx-h100-quote', 'name')).toHaveCount(0);
    await reload(page);
    await expect(page.getByTestId('count-systems')).toHaveText(String(total));
  });

  test('a good CSV is applied: the quote’s rows are added as the user’s own', async ({ page }) => {
    await openApp(page, '/#catalog?tab=systems');
    const total = shippedRows('systems').length;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV/JSON…' }).click();
    await (await chooser).setFiles(fixture('systems-quote.csv'));

    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
      /Imported “systems-quote\.csv”: 2 added, 0 updated, 0 unchanged\./,
    );
    await expect(page.getByTestId('count-systems')).toHaveText(String(total + 2));
    await expect(cell(page, 'systems', 'acme-hgx-h100-quote', 'price')).toHaveText('265,000 USD');
    await expect(cell(page, 'systems', 'acme-8x-v100-used-quote', 'origin')).toHaveText('your row');
    await reload(page);
    await expect(page.getByTestId('count-systems')).toHaveText(String(total + 2));
  });

  test('a newer shipped catalog keeps the user’s edits and lists the conflict for them to settle', async ({ page }) => {
    await openApp(page, '/#catalog');
    await typeInCell(page, 'gpus', 'h100-sxm5-80gb', 'priceNew', '27500');
    await expect(cell(page, 'gpus', 'h100-sxm5-80gb', 'priceNew')).toHaveText('27,500 USD');
    await typeInCell(page, 'gpus', 'a100-sxm4-80gb', 'priceUsed', '8000');
    await expect(cell(page, 'gpus', 'a100-sxm4-80gb', 'priceUsed')).toHaveText('8,000 USD');

    await shipNewerCatalog(page);
    await reload(page);

    await expect(page.getByRole('status').filter({ hasText: 'The catalog was updated' })).toContainText(
      'The catalog was updated from 2026.11.23 to 2026.12.1',
    );
    // Both edits survive; the cell upstream did not touch takes no part; the other upstream change is taken.
    await expect(cell(page, 'gpus', 'a100-sxm4-80gb', 'priceUsed')).toHaveText('8,000 USD');
    await expect(cell(page, 'gpus', 'a100-sxm4-80gb', 'tdpWatts')).toHaveText('410');
    const h100 = cell(page, 'gpus', 'h100-sxm5-80gb', 'priceNew');
    await expect(h100).toHaveText('27,500 USD');
    await expect(h100).toHaveClass(/cell-conflict/);

    // Upstream changed the H100 price the user had edited: listed, with both values.
    const conflicts = page.getByTestId('conflicts');
    await expect(conflicts.getByRole('heading')).toHaveText(/1 cell you edited also changed in the new catalog/);
    const conflict = conflicts.locator('[data-conflict="gpus/h100-sxm5-80gb/priceNew"]');
    await expect(conflict).toContainText('27,500 USD');
    await expect(conflict).toContainText('30,000 USD (2026-06-01)');
    await expect(conflict).toContainText('28,000 USD (2026-11-15)');
    await expect(tab(page, 'GPUs')).toContainText('1 to decide');

    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect(conflicts).toHaveCount(0);
    await expect(h100).toHaveText('27,500 USD');
    await reload(page);
    await expect(page.getByTestId('conflicts')).toHaveCount(0);
    await expect(h100).toHaveText('27,500 USD');
  });

  test('the search box filters every tab and shows the counts per tab', async ({ page }) => {
    await openApp(page, '/#catalog');
    const words = ['v100'];
    const matches = (row: unknown): boolean => {
      const values: string[] = [];
      const visit = (v: unknown) => {
        if (typeof v === 'string' || typeof v === 'number') values.push(String(v).toLowerCase());
        else if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object') Object.values(v).forEach(visit);
      };
      visit(row);
      return words.every((w) => values.some((v) => v.includes(w)));
    };
    await page.getByLabel('Search all tabs').fill('V100');
    for (const kind of KINDS) {
      const rows = shippedRows(kind);
      await expect(page.getByTestId(`count-${kind}`)).toHaveText(`${rows.filter(matches).length} of ${rows.length}`);
    }
    const gpuMatches = shippedRows('gpus').filter(matches).length;
    await expect(page.getByTestId(grid('gpus')).locator('.ag-row [col-id="id"]')).toHaveCount(gpuMatches);
    await tab(page, 'Systems').click();
    const systemMatches = shippedRows('systems').filter(matches);
    await expect(page.getByTestId(grid('systems')).locator('.ag-row [col-id="id"]')).toHaveCount(systemMatches.length);
    await expect(cell(page, 'systems', systemMatches[0]!.id, 'id')).toBeVisible();
  });

  test('a price older than the threshold is flagged stale in the grid and the panel; the threshold is a setting', async ({
    page,
  }) => {
    await openApp(page, '/#catalog');
    // The A100 40GB's launch price is from 2022; the H100's street price from 2026.
    const old = cell(page, 'gpus', 'a100-sxm4-40gb', 'priceNew');
    await expect(old).toHaveClass(/cell-stale/);
    await expect(old.locator('[data-stale]')).toHaveText('stale');
    await expect(cell(page, 'gpus', 'h100-sxm5-80gb', 'priceNew')).not.toHaveClass(/cell-stale/);

    await cell(page, 'gpus', 'a100-sxm4-40gb', 'name').click();
    await expect(page.getByTestId('provenance').locator('[data-price="priceNew"]')).toContainText(
      /stale.*12,500 USD, dated 2022-06-01/,
    );

    await page.getByLabel('Flag prices older than').fill('120');
    await expect(old).not.toHaveClass(/cell-stale/);
    await reload(page);
    await expect(page.getByLabel('Flag prices older than')).toHaveValue('120');
    await expect(old).not.toHaveClass(/cell-stale/);
  });

  test('rows can be added, duplicated and deleted; a bad field is named and nothing is saved', async ({ page }) => {
    await openApp(page, '/#catalog?tab=networks');
    const total = shippedRows('networks').length;
    const first = shippedRows('networks')[0]!;
    await cell(page, 'networks', first.id, 'name').click();
    await page.getByRole('button', { name: 'Duplicate' }).click();
    const form = page.getByRole('dialog');
    await expect(form.getByLabel('ID')).toHaveValue(`${first.id}-copy`);
    await form.getByLabel('Port speed (Gb/s)').fill('-1');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toContainText('portGbps: must be > 0');
    await expect(page.getByTestId('count-networks')).toHaveText(String(total));

    await form.getByLabel('Port speed (Gb/s)').fill('800');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('count-networks')).toHaveText(String(total + 1));
    await expect(cell(page, 'networks', `${first.id}-copy`, 'portGbps')).toHaveText('800');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByTestId('count-networks')).toHaveText(String(total));
  });

  test('exports a tab as CSV and the whole catalog as JSON, and takes rows pasted from a spreadsheet', async ({
    page,
  }, info) => {
    await openApp(page, '/#catalog?tab=cloudOffers');
    const text = await download(page, 'Export CSV', 'gpu-planner-cloudOffers.csv', info.outputPath('offers.csv'));
    expect(text.startsWith('\uFEFFid,provider,name,region,gpu,')).toBe(true);
    expect(text.trim().split(/\r?\n/)).toHaveLength(shippedRows('cloudOffers').length + 1);

    const json = await download(
      page,
      'Export whole catalog (JSON)',
      'gpu-planner-catalog.json',
      info.outputPath('c.json'),
    );
    const file = JSON.parse(json) as { format: string; tables: Record<Kind, Row[]> };
    expect(file.format).toBe('gpu-planner.catalog');
    for (const kind of KINDS) expect(file.tables[kind]).toHaveLength(shippedRows(kind).length);

    // A vendor's quote copied from a spreadsheet: tab-separated, header row of field names.
    const quote = [
      'id\tprovider\tname\tregion\tgpu\tgpusPerInstance\tprices.on-demand.amount\tprices.on-demand.currency\tprices.on-demand.asOf\tprices.on-demand.source\tprices.on-demand.per\tsource\tasOf',
      'vendor-quote-1\tacme-cloud\t8x H100 bare metal\tus-west\th100-sxm5-80gb\t8\t17.6\tUSD\t2026-11-01\tACME quote Q-77\thour\tACME quote Q-77\t2026-11-01',
    ].join('\n');
    await page.getByRole('button', { name: 'Paste rows…' }).click();
    await page.getByRole('dialog').getByLabel('Rows to import').fill(quote);
    await page.getByRole('dialog').getByRole('button', { name: 'Check and import' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 added');
    await expect(page.getByTestId('count-cloudOffers')).toHaveText(String(shippedRows('cloudOffers').length + 1));
  });
});
