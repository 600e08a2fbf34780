import { expect, type Page } from '@playwright/test';

/** Opens the app and waits on its ready marker, never on a timeout. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'loaded');
}

export function gridRows(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') });
}

export function gridRow(page: Page, testId: string, id: string) {
  return page.getByTestId(testId).locator(`.ag-row[row-id="${id}"]`).filter({ visible: true }).last();
}

export function gridCell(page: Page, testId: string, rowId: string, colId: string) {
  return page.getByTestId(testId).locator(`.ag-row[row-id="${rowId}"] [col-id="${colId}"]`);
}
