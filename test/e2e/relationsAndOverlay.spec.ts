import { expect, test, valueOf } from './fixtures';
import { clickText, openSample, selectText } from './editorPage';

test('a relation is made with r, drawn as an arc, and deleted from the panel; ? lists every shortcut; the dark theme', async ({
  page,
  served,
  shot,
}) => {
  const schema = valueOf(await served.call('schema.get', {}));
  const phys = schema.relationTypes.find((t) => t.name === 'PHYS')!;
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));
  const stored = async () => valueOf(await served.call('documents.get', { id: documentId }));

  for (const [phrase, key, occurrence] of [
    ['Iraqi guards', '1', 0],
    ['checkpoint', '5', 0],
    ['Tigris', '4', 0],
    ['Laura Whitfield', '1', 0],
    ['Karim Haddad', '1', 0],
    ['Interior Ministry', '2', 0],
    ['pickup truck', '7', 0],
    ['$20 million', '9', 0],
  ] as const) {
    await selectText(page, phrase, occurrence);
    await page.keyboard.press(key);
    await expect(page.getByTestId('mention-text')).toHaveText(phrase);
  }

  // With nothing focused the panel sums up the document: mentions per label.
  await page.keyboard.press('Escape');
  const summary = page.getByTestId('label-summary');
  await expect(summary.locator('[data-label="PER"]')).toContainText('3');
  await expect(summary.locator('[data-label="FAC"]')).toContainText('1');
  await shot('editor-entities');

  // r on the focused mention: choose the type, then click the other mention.
  await clickText(page, article.getByText('Iraqi guards', { exact: true }));
  await page.keyboard.press('r');
  await page.getByTestId('label-picker-item').filter({ hasText: 'PHYS' }).click();
  await expect(page.getByTestId('picking-banner')).toContainText('PHYS');
  await clickText(page, article.getByText('checkpoint', { exact: true }));
  await expect(page.getByTestId('relation')).toHaveCount(1);
  await expect(page.getByTestId('arc')).toHaveCount(1);
  await expect(page.getByTestId('arc')).toHaveAttribute('data-label', 'PHYS');
  const [relation] = (await stored()).relations;
  expect(relation).toMatchObject({ typeId: phys.id });

  // An event, so the dark screenshot shows a focused event with its arcs.
  await selectText(page, 'wounding');
  await page.keyboard.press('i');
  const row = (name: string) => page.getByTestId('role-row').and(page.locator(`[data-role="${name}"]`));
  await row('Victim').getByTestId('role-add').click();
  await clickText(page, article.getByText('Iraqi guards', { exact: true }));
  await row('Place').getByTestId('role-add').click();
  await clickText(page, article.getByText('checkpoint', { exact: true }));
  await expect(page.getByTestId('filler')).toHaveCount(2);

  // ? shows every shortcut, drawn from the keymap, with the project's label keys.
  await page.keyboard.press('?');
  const overlay = page.getByTestId('shortcut-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Undo the last change to this document');
  await expect(overlay).toContainText('Conflict.Attack');
  await shot('shortcut-overlay');
  await page.keyboard.press('Escape');
  await expect(overlay).toHaveCount(0);

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('arc')).toHaveCount(2);
  await shot('dark-editor');

  // The relation is deleted from the panel of either of its mentions.
  await clickText(page, article.getByText('checkpoint', { exact: true }));
  await page.getByTestId('relation').getByRole('button', { name: /Delete PHYS relation/ }).click();
  await expect.poll(async () => (await stored()).relations).toHaveLength(0);
  await page.getByTestId('theme-toggle').click();
});
