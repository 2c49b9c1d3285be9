import { expect, openApp, test, valueOf } from './fixtures';

test.use({ serveOptions: { withProject: true, seedDocuments: 3 } });

test('done and next, previous and next document, and the document note all reach the database', async ({ page, served }) => {
  const { items } = valueOf(await served.call('documents.list', { offset: 0, limit: 10 }));
  const [first, second, third] = items;
  await openApp(page, served);
  await page.getByTestId('document-row').first().click();
  const pane = page.getByTestId('document-pane');
  await expect(pane).toHaveAttribute('data-document-id', String(first!.id));

  // The note saves itself when the field loses the keyboard.
  await page.getByTestId('document-note').fill('Check the ministry spokesman’s name.');
  await page.getByTestId('article-text').click();
  await expect
    .poll(async () => valueOf(await served.call('documents.get', { id: first!.id })).note)
    .toBe('Check the ministry spokesman’s name.');

  // Ctrl+Enter: this one is done, the next one opens.
  await page.keyboard.press('Control+Enter');
  await expect(pane).toHaveAttribute('data-document-id', String(second!.id));
  expect(valueOf(await served.call('documents.get', { id: first!.id })).status).toBe('done');
  await expect(page.getByTestId('document-row').first().getByTestId('status-badge')).toHaveAttribute('data-status', 'done');

  // ] and [ move through the list; the button does the same as Ctrl+Enter.
  await page.keyboard.press(']');
  await expect(pane).toHaveAttribute('data-document-id', String(third!.id));
  await page.keyboard.press(']');
  await expect(page.getByTestId('toast').last()).toHaveText(/last document/);
  await page.keyboard.press('[');
  await expect(pane).toHaveAttribute('data-document-id', String(second!.id));
  await page.getByTestId('done-and-next').click();
  await expect(pane).toHaveAttribute('data-document-id', String(third!.id));
  expect(valueOf(await served.call('documents.get', { id: second!.id })).status).toBe('done');

  // The note is still there when the document is opened again.
  await page.keyboard.press('Alt+ArrowLeft');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(pane).toHaveAttribute('data-document-id', String(first!.id));
  await expect(page.getByTestId('document-note')).toHaveValue('Check the ministry spokesman’s name.');
});
