import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentName, expectDocument, nameIn, scenarioJson, scenarioName } from '../pages/file-menu';
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

    // A file handed over at start-up opens on the scenario screen, as a scenario of the list.
    const first = await launchApp(userData, [file]);
    await expect(scenarioName(first.window)).toHaveValue('Q3 plan');
    await expectDocument(first.window, 'q3.gpuplan.json', 'saved');

    await scenarioName(first.window).fill('Q3 plan, edited');
    await expectDocument(first.window, 'q3.gpuplan.json', 'unsaved');
    await clickMenu(first.app, 'save');
    await expect.poll(() => nameIn(readFileSync(file, 'utf8'))).toBe('Q3 plan, edited');
    await expectDocument(first.window, 'q3.gpuplan.json', 'saved');
    await closeApp(first.app);

    const second = await launchApp(userData, [file]);
    await expect(scenarioName(second.window)).toHaveValue('Q3 plan, edited');
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
    await appWindow.getByRole('button', { name: 'Scenarios' }).click();
    await appWindow.getByRole('button', { name: 'New scenario' }).click();
    await scenarioName(appWindow).fill('fresh');
    await clickMenu(app, 'save');
    await expect.poll(() => existsSync(`${chosen}.gpuplan.json`)).toBe(true);
    expect(nameIn(readFileSync(`${chosen}.gpuplan.json`, 'utf8'))).toBe('fresh');
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

  test('asks before closing with changes not saved to the scenario’s file, and Cancel keeps the window', async ({
    userData,
  }, info) => {
    // A scenario is kept in the app as it is typed; what can be lost on closing is its file falling behind.
    const file = info.outputPath('q.gpuplan.json');
    writeFileSync(file, scenarioJson('from a file'));
    const running = await launchApp(userData, [file]);
    await scenarioName(running.window).fill('unsaved');
    await expectDocument(running.window, 'q.gpuplan.json', 'unsaved');
    const asked = await running.app.evaluate(({ BrowserWindow, dialog }) => {
      const prompts: string[] = [];
      dialog.showMessageBoxSync = ((_win: unknown, options: { message: string }) => {
        prompts.push(options.message);
        return 2;
      }) as typeof dialog.showMessageBoxSync;
      BrowserWindow.getAllWindows()[0]?.close();
      return prompts;
    });
    expect(asked).toEqual(['Save the changes to “q.gpuplan.json” before closing?']);
    expect(await running.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await closeApp(running.app);
  });

  test('unsaved work survives a crash and comes back on the next start', async ({ userData }, info) => {
    const file = info.outputPath('crash.gpuplan.json');
    writeFileSync(file, scenarioJson('crash'));
    const first = await launchApp(userData, [file]);
    await scenarioName(first.window).fill('before the crash');
    const recoveryFile = path.join(userData, 'recovery', 'document.json');
    await expect
      .poll(() => existsSync(recoveryFile) && readFileSync(recoveryFile, 'utf8'))
      .toContain('before the crash');
    first.app.process().kill('SIGKILL');

    const second = await launchApp(userData);
    await expect(second.window.getByRole('status').filter({ hasText: 'Recovered' })).toContainText(
      'Recovered unsaved changes',
    );
    await second.window.getByRole('button', { name: 'Scenarios' }).click();
    await expect(scenarioName(second.window)).toHaveValue('before the crash');
    await closeApp(second.app);
  });
});
