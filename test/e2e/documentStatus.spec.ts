import { expect, openApp, test } from './fixtures';

test('a status change is saved and survives a reload', async ({ page, served, shot }) => {
  await openApp(page, served);
  const row = page.getByTestId('document-row').first();
  await row.click();
  await expect(page.getByTestId('status-option-todo')).toHaveAttribute('aria-checked', 'true');

  await page.getByTestId('status-option-done').click();
  await expect(page.getByTestId('status-option-done')).toHaveAttribute('aria-checked', 'true');
  await expect(row.getByTestId('status-badge')).toHaveAttribute('data-status', 'done');
  await shot('status-done');

  await page.reload();
  const reloaded = page.getByTestId('document-row').first();
  await expect(reloaded.getByTestId('status-badge')).toHaveAttribute('data-status', 'done');
  await reloaded.click();
  await expect(page.getByTestId('status-option-done')).toHaveAttribute('aria-checked', 'true');

  // The status filter narrows the list to what matches.
  await page.getByTestId('status-filter').selectOption('todo');
  await expect(page.getByTestId('document-list-empty')).toBeVisible();
  await page.getByTestId('status-filter').selectOption('done');
  await expect(page.getByTestId('document-row')).toHaveCount(1);
});
