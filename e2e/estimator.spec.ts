import { expect, test, type Page } from '@playwright/test';
import { openApp } from './pages/app';

/** The estimator screen (issue 4, item 8): presets, verdicts, times, and a bad value named beside its field. */

const results = (page: Page) => page.getByTestId('estimator-results');
const figure = (page: Page, id: string) => page.getByTestId(`figure-${id}`).locator('.figure-value');
const breakdownCell = (page: Page, part: string) =>
  page.getByTestId('memory-breakdown').locator(`tr[data-part="${part}"] td`).first();
const gb = async (page: Page, part: string) =>
  Number((await breakdownCell(page, part).innerText()).replace(/[^\d.]/g, ''));

async function pickPreset(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
  // The worker answers the new setup: wait on the state marker, never on a timeout.
  await expect(results(page)).toHaveAttribute('data-state', 'current');
}

test.describe('training estimator', () => {
  test('opens first, and computes in a Web Worker', async ({ page }) => {
    const worker = page.waitForEvent('worker');
    await openApp(page);
    expect((await worker).url()).toContain('planner.worker');
    await expect(page.getByRole('heading', { name: 'Training estimate' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('button').first()).toHaveText('Estimate');
  });

  test('7B LoRA on one V100-32GB: a breakdown against 32 GiB, fits, and a time', async ({ page }) => {
    await openApp(page, '/#estimator');
    await pickPreset(page, '7B LoRA on one V100-32GB');

    await expect(page.getByTestId('estimate-summary')).toContainText('1 × NVIDIA V100 SXM2 32GB');
    for (const part of ['weights', 'gradients', 'optimizer', 'activations', 'logits', 'other', 'reserve'])
      await expect(breakdownCell(page, part)).toHaveText(/^\d[\d,]*\.\d GB$/);
    await expect(page.getByTestId('memory-breakdown').locator('tr[data-part="capacity"]')).toContainText('32 GiB');
    // 7B weights in fp16 are about 14 GB; the LoRA adapters and their optimizer states are small.
    expect(await gb(page, 'weights')).toBeGreaterThan(12);
    expect(await gb(page, 'weights')).toBeLessThan(16);
    expect(await gb(page, 'needed')).toBeLessThan(await gb(page, 'capacity'));

    await expect(page.getByTestId('verdict-word')).toHaveText('Fits');
    await expect(page.getByTestId('verdict')).toContainText(/GB needed of 34\.4 GB per GPU/);
    await expect(figure(page, 'time')).toHaveText(/^\d[\d,]*(\.\d)? (min|h|days)$/);
    await expect(figure(page, 'gpu-hours')).toHaveText(/GPU-h$/);
    await expect(figure(page, 'throughput')).toHaveText(/^\d[\d,]* tokens\/s$/);
    await expect(page.getByTestId('assumptions').getByRole('row')).not.toHaveCount(0);
  });

  test('67B full fine-tune on 64 H800s: fits with ZeRO-3 over 8 nodes, with a time; kept across a reload', async ({
    page,
  }) => {
    await openApp(page, '/#estimator');
    await pickPreset(page, '67B full fine-tune on 64 H800s');

    await expect(page.getByTestId('estimate-summary')).toContainText('64 × NVIDIA H800 SXM 80GB');
    await expect(page.getByTestId('verdict-word')).toHaveText('Fits');
    await expect(page.getByTestId('memory-breakdown').locator('tr[data-part="capacity"]')).toContainText('80 GiB');
    await expect(figure(page, 'time')).toHaveText(/^\d[\d,]*(\.\d)? (min|h|days)$/);
    await expect(figure(page, 'cluster-power')).toHaveText(/kW$/);
    await expect(page.getByText('Data parallel 64 · 8 nodes')).toBeVisible();

    await page.reload();
    await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
    await expect(page.getByRole('button', { name: '67B full fine-tune on 64 H800s' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(results(page)).toHaveAttribute('data-state', 'current');
    await expect(page.getByTestId('verdict-word')).toHaveText('Fits');
  });

  test('a negative sequence length is refused with a message naming the field', async ({ page }) => {
    await openApp(page, '/#estimator');
    await pickPreset(page, '7B LoRA on one V100-32GB');

    const seqLen = page.getByLabel('Sequence length (tokens)');
    await seqLen.fill('-1');

    await expect(seqLen).toHaveAttribute('aria-invalid', 'true');
    await expect(seqLen).toHaveAccessibleDescription('seqLen: must be a whole number of tokens from 1 to 10000000');
    await expect(page.getByText('seqLen: must be a whole number of tokens from 1 to 10000000')).toBeVisible();
    await expect(results(page)).toHaveAttribute('data-state', 'out-of-date');

    await seqLen.fill('4096');
    await expect(seqLen).not.toHaveAttribute('aria-invalid', 'true');
    await expect(results(page)).toHaveAttribute('data-state', 'current');
  });

  test('a setup that does not fit says what would, with the GB per GPU, in English and in Chinese', async ({
    page,
  }) => {
    await openApp(page, '/#estimator');
    await pickPreset(page, '7B LoRA on one V100-32GB');
    await page.getByLabel('Micro-batch (sequences per GPU)').fill('16');
    await expect(results(page)).toHaveAttribute('data-state', 'current');
    await expect(page.getByTestId('verdict-word')).toHaveText('Does not fit');
    const advice = page.getByTestId('estimate-notes').locator('li[data-code^="doesNotFit"]');
    await expect(advice).toHaveText(
      /^does not fit: \d+\.\d GB needed, 34\.4 GB per GPU; try micro-batch \d+ with gradAccum \d+ \(\d+\.\d GB per GPU\)/,
    );
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByTestId('verdict-word')).toHaveText('显存不足');
    await expect(advice).toHaveText(
      /^显存不足：每卡需要 \d+\.\d GB，每卡显存只有 34\.4 GB；可以试试 微批大小 \d+、梯度累积 \d+ 步（每卡 \d+\.\d GB）/,
    );
  });

  test('speaks Chinese: 显存 and the verdict in the glossary words', async ({ page }) => {
    await openApp(page, '/#estimator');
    await pickPreset(page, '7B LoRA on one V100-32GB');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('heading', { name: '每卡显存' })).toBeVisible();
    await expect(page.getByTestId('verdict-word')).toHaveText('可以放下');
    await expect(figure(page, 'time')).toHaveText(/(分钟|小时|天)$/);
  });
});
