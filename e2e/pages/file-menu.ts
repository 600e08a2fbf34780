import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Clicks an item of the browser build's in-app menu bar: `menu(page, 'File', 'Open…')`. */
export async function menu(page: Page, top: string, item: string, role: 'menuitem' | 'menuitemradio' = 'menuitem') {
  const bar = page.getByRole('menubar');
  await bar.getByRole('menuitem', { name: top, exact: true }).click();
  await bar.getByRole('menu', { name: top }).getByRole(role, { name: item, exact: true }).click();
}

/** File > Open…, answering the browser's file picker with `file`. */
export async function openScenarioFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await menu(page, 'File', 'Open…');
  await (await chooser).setFiles(file);
}

/** The open scenario's name on the scenario screen. */
export const scenarioName = (page: Page) => page.getByLabel('Scenario name');
export const documentName = (page: Page) => page.getByTestId('document-name');

/** The document's name in the header, without the unsaved-changes mark. */
export async function expectDocument(page: Page, name: string, state: 'saved' | 'unsaved'): Promise<void> {
  await expect(documentName(page)).toContainText(name);
  const mark = documentName(page).getByLabel('unsaved changes');
  if (state === 'unsaved') await expect(mark).toBeVisible();
  else await expect(mark).toHaveCount(0);
}

const FIXTURE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/scenario/three-owned.gpuplan.json',
);

/** A valid scenario file named `name` (the scenario fixture, renamed). */
export function scenarioJson(name: string): string {
  return `${JSON.stringify({ ...(JSON.parse(readFileSync(FIXTURE, 'utf8')) as object), name }, null, 2)}\n`;
}

/** The name in a scenario file's text. */
export const nameIn = (text: string): unknown => (JSON.parse(text) as { name?: unknown }).name;
