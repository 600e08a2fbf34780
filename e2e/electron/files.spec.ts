import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentName, expectDocument, scenarioEditor, scenarioJson } from '../pages/file-menu';
import {
  answerSaveDialogWith,
  clickMenu,
  closeApp,
  electronBinary,
  expect,
  launchApp,
  REPO_ROOT,
  SKIP_REASON,
  test,
} from './fixture';

test.skip(!electronBinary.path, SKIP_REASON);

test.describe('scenario files in the desktop app', () => {
  test('opens a file named on the command line, saves an edit to it, and reopens it with the edit', async ({
    userData,
  }, info) => {
    const file = info.outputPath('q3.gpuplan.json');
    writeFileSync(file, scenarioJson('Q3 plan'));

    const first = await launchApp(userData, [file]);
    await first.window.getByRole('button', { name: 'Scenario file' }).click();
    await expect(scenarioEditor(first.window)).toHaveValue(scenarioJson('Q3 plan'));
    await expectDocument(first.window, 'q3.gpuplan.json', 'saved');

    await scenarioEditor(first.window).fill(scenarioJson('Q3 plan, edited'));
    await expectDocument(first.window, 'q3.gpuplan.json', 'unsaved');
    await clickMenu(first.app, 'save');
    await expect.poll(() => readFileSync(file, 'utf8')).toBe(scenarioJson('Q3 plan, edited'));
    await expectDocument(first.window, 'q3.gpuplan.json', 'saved');
    await closeApp(first.app);

    const second = await launchApp(userData, [file]);
    await second.window.getByRole('button', { name: 'Scenario file' }).click();
    await expect(scenarioEditor(second.window)).toHaveValue(scenarioJson('Q3 plan, edited'));
    // It is in Open Recent now.
    const recent = await second.app.evaluate(
      ({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('recent-0')?.label,
    );
    expect(recent).toBe('q3.gpuplan.json');
    await closeApp(second.app);
  });

  test("the menu's Export PDF writes a PDF file where the user chose", async ({ app, appWindow }, info) => {
    const pdf = info.outputPath('quote.pdf');
    await answerSaveDialogWith(app, pdf);
    await clickMenu(app, 'export-pdf');
    await expect.poll(() => existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(appWindow.getByRole('status')).toContainText('Exported “quote.pdf”');
  });

  test('Save on a new scenario asks where, adds the extension, and writes it whole', async ({
    app,
    appWindow,
  }, info) => {
    const chosen = info.outputPath('fresh');
    await answerSaveDialogWith(app, chosen);
    await appWindow.getByRole('button', { name: 'Scenario file' }).click();
    await scenarioEditor(appWindow).fill(scenarioJson('fresh'));
    await clickMenu(app, 'save');
    await expect.poll(() => existsSync(`${chosen}.gpuplan.json`)).toBe(true);
    expect(readFileSync(`${chosen}.gpuplan.json`, 'utf8')).toBe(scenarioJson('fresh'));
    await expect(documentName(appWindow)).toHaveText('fresh.gpuplan.json');
  });

  test('a second launch hands its file to the window already open', async ({ userData, app, appWindow }, info) => {
    const file = info.outputPath('second.gpuplan.json');
    writeFileSync(file, scenarioJson('from a second launch'));
    const second = spawnSync(electronBinary.path as string, ['.', '--no-sandbox', file], {
      cwd: REPO_ROOT,
      env: { ...process.env, GPU_PLANNER_USER_DATA: userData },
      timeout: 30_000,
    });
    expect(second.status).toBe(0);
    await expect(documentName(appWindow)).toHaveText('second.gpuplan.json');
    expect(await app.windows()).toHaveLength(1);
  });

  test('asks before closing with unsaved changes, and Cancel keeps the window', async ({ app, appWindow }) => {
    await appWindow.getByRole('button', { name: 'Scenario file' }).click();
    await scenarioEditor(appWindow).fill(scenarioJson('unsaved'));
    await expectDocument(appWindow, 'Untitled scenario', 'unsaved');
    const asked = await app.evaluate(({ BrowserWindow, dialog }) => {
      const prompts: string[] = [];
      dialog.showMessageBoxSync = ((_win: unknown, options: { message: string }) => {
        prompts.push(options.message);
        return 2;
      }) as typeof dialog.showMessageBoxSync;
      BrowserWindow.getAllWindows()[0]?.close();
      return prompts;
    });
    expect(asked).toEqual(['Save the changes to “Untitled scenario” before closing?']);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('unsaved work survives a crash and comes back on the next start', async ({ userData }) => {
    const first = await launchApp(userData);
    await first.window.getByRole('button', { name: 'Scenario file' }).click();
    await scenarioEditor(first.window).fill(scenarioJson('before the crash'));
    const recoveryFile = path.join(userData, 'recovery', 'document.json');
    await expect
      .poll(() => existsSync(recoveryFile) && readFileSync(recoveryFile, 'utf8'))
      .toContain('before the crash');
    first.app.process().kill('SIGKILL');

    const second = await launchApp(userData);
    await expect(second.window.getByRole('status')).toContainText('Recovered unsaved changes');
    await second.window.getByRole('button', { name: 'Scenario file' }).click();
    await expect(scenarioEditor(second.window)).toHaveValue(scenarioJson('before the crash'));
    await closeApp(second.app);
  });
});
