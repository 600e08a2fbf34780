import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { answerSaveDialogWith, clickMenu, electronBinary, expect, SKIP_REASON, test } from './fixture';

test.skip(!electronBinary.path, SKIP_REASON);

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

/** Issue 7, item 3 in the desktop app: File > Export PDF on the scenario screen prints the quote with printToPDF. */
test.describe('the PDF quote in the desktop app', () => {
  test('Export PDF opens the print view; Print / Save PDF writes the quote where the user chose', async ({
    app,
    appWindow,
  }, info) => {
    await appWindow.getByRole('button', { name: 'Scenarios' }).click();
    await appWindow
      .getByTestId('scenario-examples')
      .getByRole('button', { name: /^Continued pre-training 7B/ })
      .click();
    await expect(appWindow.getByTestId('scenario-results')).toHaveAttribute('data-state', 'current');

    await clickMenu(app, 'export-pdf');
    const view = appWindow.getByTestId('quote-print-view');
    await expect(view).toBeVisible();
    await view.getByLabel('Paper').selectOption('A4');

    const pdf = info.outputPath('quote.pdf');
    await answerSaveDialogWith(app, pdf);
    await view.getByRole('button', { name: 'Print / Save PDF' }).click();
    await expect.poll(() => existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(appWindow.getByRole('status')).toContainText('Exported “quote.pdf”');

    test.skip(!hasPdftotext, 'pdftotext (poppler-utils) not installed: the PDF is not read back');
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Continued pre-training 7B on 100B tokens');
    // printToPDF prints the print view alone: not the app's toolbar behind it.
    expect(text).not.toContain('Print / Save PDF');
    const size = execFileSync('pdfinfo', [pdf]).toString();
    expect(size).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12]/);
  });
});
