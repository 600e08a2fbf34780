import { expect, type Page } from '@playwright/test';

/** Clicks an item of the browser build's in-app menu bar: `menu(page, 'File', 'Open…')`. */
export async function menu(page: Page, top: string, item: string, role: 'menuitem' | 'menuitemradio' = 'menuitem') {
  const bar = page.getByRole('menubar');
  await bar.getByRole('menuitem', { name: top, exact: true }).click();
  await bar.getByRole('menu', { name: top }).getByRole(role, { name: item, exact: true }).click();
}

export const scenarioEditor = (page: Page) => page.getByRole('textbox', { name: 'Scenario (JSON)' });
export const documentName = (page: Page) => page.getByTestId('document-name');

/** The document's name in the header, without the unsaved-changes mark. */
export async function expectDocument(page: Page, name: string, state: 'saved' | 'unsaved'): Promise<void> {
  await expect(documentName(page)).toContainText(name);
  const mark = documentName(page).getByLabel('unsaved changes');
  if (state === 'unsaved') await expect(mark).toBeVisible();
  else await expect(mark).toHaveCount(0);
}

export function scenarioJson(name: string): string {
  return `${JSON.stringify({ format: 'gpu-planner.scenario', version: 1, name, currency: 'USD' }, null, 2)}\n`;
}
