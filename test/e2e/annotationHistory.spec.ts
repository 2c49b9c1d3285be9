import { expect, test, valueOf } from './fixtures';
import { openSample, selectText } from './editorPage';

test('undo and redo change the database, from the keys, the toolbar and the toast', async ({ page, served }) => {
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));
  const stored = async () => valueOf(await served.call('documents.get', { id: documentId }));
  const types = async () => (await stored()).mentions.map((m) => m.typeId);
  const schema = valueOf(await served.call('schema.get', {}));
  const [per, org] = schema.entityTypes;

  await selectText(page, 'Laura Whitfield');
  await page.keyboard.press('1');
  await expect(article.locator('.mention')).toHaveText('Laura Whitfield');
  await page.keyboard.press('2');
  await expect.poll(types).toEqual([org!.id]);

  // Ctrl+Z undoes the relabel, then the mention itself: in the database, not just on screen.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('toast').last()).toHaveText(/Undid: Change mention to ORG/);
  await expect.poll(types).toEqual([per!.id]);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('toast').last()).toHaveText(/Undid: Add PER mention/);
  await expect.poll(types).toEqual([]);
  await expect(article.locator('.mention')).toHaveCount(0);

  // Shift+Ctrl+Z and Ctrl+Y redo; so does the toolbar.
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(types).toEqual([per!.id]);
  await page.keyboard.press('Control+y');
  await expect.poll(types).toEqual([org!.id]);
  await page.getByTestId('tool-undo').click();
  await expect.poll(types).toEqual([per!.id]);
  await page.getByTestId('tool-redo').click();
  await expect.poll(types).toEqual([org!.id]);
  await expect(article.locator('.mention')).toHaveClass(new RegExp(`mention-type-${org!.id}`));

  // Delete on a focused mention removes it with what used it, and says so; the toast undoes it.
  await selectText(page, 'condemned');
  await page.keyboard.press('k');
  await expect(page.getByTestId('event-inspector')).toBeVisible();
  await page.getByTestId('role-row').and(page.locator('[data-role="Agent"]')).getByTestId('role-add').click();
  await article.getByText('Laura Whitfield', { exact: true }).click();
  await expect(page.getByTestId('filler')).toHaveCount(1);
  await article.getByText('Laura Whitfield', { exact: true }).click();
  await expect(page.getByTestId('mention-inspector')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('toast').last()).toHaveText(/Deleted “Laura Whitfield”, with 1 argument/);
  await expect.poll(async () => (await stored()).mentions.length).toBe(1);
  await page.getByTestId('toast').last().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await stored()).arguments.length).toBe(1);
  await expect(article.getByText('Laura Whitfield', { exact: true })).toHaveClass(/mention/);
});
