import { expect, test } from '@playwright/test';
import { gridCell, openApp } from './pages/app';

test.describe('GPU catalog', () => {
  test('shows the shipped GPUs from IndexedDB with units in the headers', async ({ page }) => {
    await openApp(page, '/#catalog');
    await expect(page.getByRole('columnheader', { name: 'Memory (GB)' })).toBeVisible();
    await expect(gridCell(page, 'gpu-grid', 'h100-sxm5-80gb', 'bf16')).toHaveText('989.4');
    await expect(gridCell(page, 'gpu-grid', 'v100-sxm2-32gb', 'bf16')).toHaveText('—');
  });

  test('a price the user edits survives a reload and is marked as theirs', async ({ page }) => {
    await openApp(page, '/#catalog');
    const price = gridCell(page, 'gpu-grid', 'h100-sxm5-80gb', 'priceNew');
    await expect(price).toHaveText('30,000');

    await price.dblclick();
    const editor = page.getByTestId('gpu-grid').locator('.ag-cell-inline-editing input');
    await editor.fill('27500');
    await editor.press('Enter');
    await expect(price).toHaveText('27,500');

    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await expect(price).toHaveText('27,500');
    await expect(price).toHaveClass(/cell-user-edited/);
    await expect(gridCell(page, 'gpu-grid', 'h100-sxm5-80gb', 'origin')).toHaveText('edited by you');
    await expect(gridCell(page, 'gpu-grid', 'a100-sxm4-80gb', 'origin')).toHaveText('shipped');
  });

  test('a negative price is refused with a message naming the field', async ({ page }) => {
    await openApp(page, '/#catalog');
    const price = gridCell(page, 'gpu-grid', 'a100-sxm4-80gb', 'priceUsed');
    await price.dblclick();
    const editor = page.getByTestId('gpu-grid').locator('.ag-cell-inline-editing input');
    await editor.fill('-5');
    await editor.press('Enter');
    await expect(page.getByRole('alert')).toContainText('priceUsed.amount: must be ≥ 0');
    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await expect(price).toHaveText('9,000');
  });

  test('speaks Chinese when the user switches language, and remembers it', async ({ page }) => {
    await openApp(page, '/#catalog');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('columnheader', { name: '显存（GB）' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'GPU 规划器' })).toBeVisible();
  });
});
