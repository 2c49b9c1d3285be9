// Importing from the UI in real Chromium: the Import… dialog with typed paths (serve mode),
// the report with Save report, a page carrying <script> and onerror= shown without anything
// of it running, dropped files, and Cancel with the UI in use (and the list growing) while a
// batch comes in.

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ImportReport } from '../../common/importReport';
import { generatedArticle, writeMixedBatch } from '../support/importFixtures';
import { expect, openApp, test, valueOf } from './fixtures';

test.use({ serveOptions: { withProject: true } });

async function importPaths(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page.getByTestId('import-paths').fill(paths.join('\n'));
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
}

test('a mixed batch: good files in, bad ones reported, a hostile page inert, a re-run adds nothing', async ({ page, served, shot }) => {
  const batch = writeMixedBatch(path.join(served.dir, 'batch'));
  // Anything the page tries to run or fetch shows up here.
  const dialogs: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(served.url).origin;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) foreign.push(request.url());
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  await openApp(page, served);
  await importPaths(page, [batch.dir]);
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('import-report-added')).toHaveText(String(batch.goodDocuments));
  const errors = report.getByTestId('import-report-errors');
  await expect(errors.locator('li')).toHaveCount(batch.failures.length);
  for (const failure of batch.failures) await expect(errors).toContainText(failure.file);
  await expect(errors).toContainText('invalid UTF-8 at byte 3');
  await expect(errors).toContainText("span 340–352 is beyond the text's 12 characters");
  await shot('import-report');

  const download = page.waitForEvent('download');
  await report.getByTestId('import-save-report').click();
  const saved = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8')) as ImportReport;
  expect(saved.counts.documents).toBe(batch.goodDocuments);
  expect(saved.errors).toHaveLength(batch.failures.length);
  await report.getByRole('button', { name: 'Close' }).click();

  // The list has the new documents; the hostile page shows as text and nothing of it runs.
  await expect(page.getByTestId('document-row')).toHaveCount(batch.goodDocuments + 1); // + the sample
  const title = await page.title();
  await page.getByTestId('document-row').filter({ hasText: 'Embassy attacked' }).click();
  await expect(page.locator('.ProseMirror')).toContainText('Militants fired rockets at the embassy in Baghdad');
  await page.waitForTimeout(500); // time for an image error or a script, were there any
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(await page.title()).toBe(title);
  expect(await page.locator('.ProseMirror img, .ProseMirror script, .ProseMirror a').count()).toBe(0);
  expect(consoleErrors).toEqual([]);

  await importPaths(page, [batch.dir]);
  await expect(report.getByTestId('import-report-added')).toHaveText('0');
  await expect(report.getByTestId('import-report-duplicates')).toHaveText(String(batch.goodDocuments));
});

test('files dropped onto the window are imported', async ({ page, served }) => {
  await openApp(page, served);
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Convoy attacked near Basra\n\nA convoy was attacked on Monday.\n'], 'convoy.txt', { type: 'text/plain' }));
    data.items.add(new File(['T1\tGPE 21 26\tBasra\n'], 'convoy.ann'));
    return data;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('import-drop-zone')).toBeVisible();
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('import-drop-zone')).toBeHidden();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-report-added')).toHaveText('1');
  await expect(report).toContainText('1 mention,');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('document-row').filter({ hasText: 'Convoy attacked near Basra' })).toHaveCount(1);
});

const FILES = 15_000;

test('a long import shows its progress, can be cancelled, and the UI stays usable meanwhile', async ({ page, served, shot }) => {
  const dir = path.join(served.dir, 'many');
  fs.mkdirSync(dir);
  // Enough small files that the import is still running after the status change below.
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `a${String(i).padStart(5, '0')}.txt`), generatedArticle(i, 1_500));
  await openApp(page, served);
  await importPaths(page, [dir]);

  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByTestId('import-progress-facts')).toContainText(`of ${FILES.toLocaleString('en-US')} files`);
  await shot('import-progress');
  // The list follows the import on its own: documents show up while it still runs.
  await expect(page.getByTestId('document-count')).not.toHaveText(/^1 document/);
  await expect(progress).toBeVisible();
  // The analyst goes on working: a status change on the sample saves at once.
  await page.getByTestId('document-row').first().click();
  await page.getByTestId('status-option-done').click();
  await expect(page.getByTestId('status-option-done')).toHaveAttribute('aria-checked', 'true');

  await progress.getByTestId('import-cancel').click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('Import cancelled', { timeout: 30_000 });
  const added = Number((await report.getByTestId('import-report-added').textContent())?.replace(/\D/g, ''));
  expect(added).toBeLessThan(FILES);
  const sample = valueOf(await served.call('documents.get', { id: 1 }));
  expect(sample.status).toBe('done');
});
