// Export… in the browser: the dialog's choices, the progress bar with Cancel, and the end
// report, against serve mode on a throwaway project. In serve mode the path is typed.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openApp, test, valueOf } from './fixtures';
import type { Served } from './fixtures';

test('the Export dialog writes a split CoNLL export and shows its report', async ({ page, served, shot }) => {
  await openApp(page, served);
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-choose')).toHaveCount(0); // no native dialog in serve mode

  await page.getByTestId('export-format').selectOption('conll');
  await expect(dialog).toContainText('A token and its IOB2 tag per line');
  await page.getByTestId('export-split').check();
  await page.getByTestId('export-split-train').fill('70');
  await expect(page.getByTestId('export-start')).toBeDisabled(); // 70 + 10 + 10 is not 100
  await page.getByTestId('export-split-test').fill('20');
  await page.getByTestId('export-all-labels').uncheck();
  await page.getByTestId('export-label-GPE').check();
  await page.getByTestId('export-label-FAC').check();
  const out = path.join(served.dir, 'sample-conll');
  await page.getByTestId('export-out').fill(out);
  await page.locator('.export-form').evaluate((form) => form.scrollTo(0, 0));
  await shot('export-dialog');

  await page.getByTestId('export-start').click();
  const report = page.getByTestId('export-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('export-summary')).toContainText('Exported 1 document as conll');
  await expect(page.getByTestId('export-splits')).toContainText('Split 70/10/20, seed 13');
  await expect(page.getByTestId('export-command')).toHaveText(
    `spanlab export --project ${served.projectPath} --format conll --out ${out} --labels GPE,FAC --split 70/10/20 --seed 13`,
  );
  await shot('export-report');
  expect(readdirSync(out).sort()).toEqual(['.spanlab', 'dev.conll', 'test.conll', 'train.conll']);
  const written = ['train', 'dev', 'test'].map((s) => readFileSync(path.join(out, `${s}.conll`), 'utf8')).join('');
  expect(written).toContain('-DOCSTART- O');

  await page.getByTestId('export-close').click();
  await expect(dialog).toHaveCount(0);
});

test('the Export dialog exports the documents of one import', async ({ page, served }) => {
  // Two imports, as the analyst would make them; the sample article came with no import.
  await importFile(served, 'monday.jsonl', ['Rockets hit the port on Monday.', 'The port reopened on Monday night.']);
  await importFile(served, 'tuesday.jsonl', ['Talks resumed in Geneva on Tuesday.']);

  await openApp(page, served);
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-batch')).toHaveCount(0);
  await page.getByTestId('export-documents-batch').check();
  const batch = page.getByTestId('export-batch');
  // Newest first, each named by its file and counted.
  await expect(batch.locator('option')).toHaveText([/^#2 · tuesday\.jsonl · 1 document · /, /^#1 · monday\.jsonl · 2 documents · /]);
  await expect(batch).toHaveValue('2');
  await batch.selectOption('1');
  const out = path.join(served.dir, 'monday.jsonl');
  await page.getByTestId('export-out').fill(out);
  await page.getByTestId('export-start').click();

  await expect(page.getByTestId('export-summary')).toContainText('Exported 2 documents as spanlab-jsonl');
  await expect(page.getByTestId('export-command')).toHaveText(
    `spanlab export --project ${served.projectPath} --format spanlab-jsonl --out ${out} --batch 1`,
  );
  const texts = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1) // the schema header
    .map((line) => (JSON.parse(line) as { text: string }).text);
  expect(texts).toEqual(['Rockets hit the port on Monday.', 'The port reopened on Monday night.']);
});

test('a project with no imports offers no import to export', async ({ page, served }) => {
  await openApp(page, served);
  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-documents-batch')).toBeDisabled();
  await expect(page.getByTestId('export-dialog')).toContainText('(no imports)');
});

test('a failed export says why and lets the analyst change the choices', async ({ page, served }) => {
  await openApp(page, served);
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-out').fill(path.join(served.dir, 'no', 'such', 'folder', 'x.jsonl'));
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-error')).toContainText('does not exist');
  await page.getByTestId('export-back').click();
  await expect(page.getByTestId('export-out')).toHaveValue(path.join(served.dir, 'no', 'such', 'folder', 'x.jsonl'));
});

test.describe('a long export', () => {
  test.use({ serveOptions: { withProject: true, seedDocuments: 20_000 } });

  test('Cancel stops it and nothing is written', async ({ page, served, shot }) => {
    await openApp(page, served);
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-format').selectOption('oneie');
    const out = path.join(served.dir, 'big.jsonl');
    await page.getByTestId('export-out').fill(out);
    await page.getByTestId('export-start').click();
    await expect(page.getByTestId('export-progress')).toBeVisible();
    await shot('export-progress');
    await page.getByTestId('export-cancel').click();
    await expect(page.getByTestId('export-cancelled')).toBeVisible();
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(served.dir).filter((n) => n.includes('spanlab-tmp'))).toEqual([]);
  });
});

// Imports a JSONL file of `texts` through the service and waits for it to end.
async function importFile(served: Served, name: string, texts: string[]): Promise<void> {
  const file = path.join(served.dir, name);
  writeFileSync(file, texts.map((text) => `${JSON.stringify({ text })}\n`).join(''));
  const { jobId } = valueOf(await served.call('import.start', { paths: [file] }));
  await expect
    .poll(async () => valueOf(await served.call('import.status', { jobId })).state, { timeout: 30_000 })
    .toBe('finished');
}
