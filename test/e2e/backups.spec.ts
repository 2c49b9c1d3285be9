// Backups and restore in the browser: the dialog lists the project's backups, restores one
// after asking, and the project is back as it was then; restoring the copy the restore made
// first brings the later work back.

import type { Page } from '@playwright/test';
import { expect, openApp, test, valueOf } from './fixtures';

const mentionsShown = (page: Page) =>
  page.getByTestId('project-overview').locator('.info-stat', { hasText: 'Mentions' }).locator('dd');

test('a backup restores the project as it was, and the restore is undone the same way', async ({ page, served, shot }) => {
  await openApp(page, served);
  await expect(mentionsShown(page)).toHaveText('0');

  // From the keyboard: the overview's button opens the dialog.
  await page.getByTestId('open-backups').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('backups-dialog');
  await expect(dialog).toBeVisible();
  // The copy taken when the project was opened, with what it holds.
  const rows = dialog.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-reason', 'open');
  await expect(rows.first().getByTestId('backup-documents')).toHaveText('1');
  await expect(rows.first().getByTestId('backup-mentions')).toHaveText('0');
  await page.getByTestId('backups-close').click();
  await expect(dialog).toHaveCount(0);

  // Work after the backup: a mention, made the way the UI makes it.
  valueOf(await served.call('mentions.create', { documentId: 1, start: 0, end: 6, typeId: 1 }));
  await page.reload();
  await expect(mentionsShown(page)).toHaveText('1');

  await page.getByTestId('open-backups').click();
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('backups-restore')).toBeDisabled();
  await rows.first().getByRole('radio').check();
  await page.getByTestId('backups-restore').click();
  const confirm = page.getByTestId('backups-confirm');
  await expect(confirm).toContainText('1 document, 0 mentions and 0 events');
  await expect(confirm).toContainText('first backs the project up as it is now');
  await shot('backups-confirm');
  await page.getByTestId('backups-confirm-restore').click();
  await expect(page.getByTestId('backups-outcome')).toContainText('Restored the backup of');

  // The mention made after the backup is gone; the state it replaced is the newest backup.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-reason', 'pre-restore');
  await expect(rows.first().getByTestId('backup-mentions')).toHaveText('1');
  await shot('backups-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(mentionsShown(page)).toHaveText('0');
  expect(valueOf(await served.call('project.stats', {})).mentions).toBe(0);

  // Restoring that copy undoes the restore: the mention is back.
  await page.getByTestId('open-backups').click();
  await rows.first().getByRole('radio').check();
  await page.getByTestId('backups-restore').click();
  await expect(confirm).toContainText('1 document, 1 mention and 0 events');
  await page.getByTestId('backups-confirm-restore').click();
  await expect(page.getByTestId('backups-outcome')).toContainText('Restored the backup of');
  await page.getByTestId('backups-close').click();
  await expect(mentionsShown(page)).toHaveText('1');
  expect(valueOf(await served.call('project.stats', {})).mentions).toBe(1);
});

test('Back up now adds a copy to the list', async ({ page, served }) => {
  await openApp(page, served);
  await page.getByTestId('open-backups').click();
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('backups-now').click();
  await expect(page.getByTestId('backups-outcome')).toContainText('Backed up at');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-reason', 'manual');
  expect(valueOf(await served.call('backups.list', {})).map((b) => b.reason)).toEqual(['manual', 'open']);
});
