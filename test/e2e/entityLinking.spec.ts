import { expect, test, valueOf } from './fixtures';
import { clickText, openSample, selectText } from './editorPage';

test('two mentions linked to one entity are listed together in the entities view, which opens a document at a mention', async ({
  page,
  served,
  shot,
}) => {
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));
  const stored = async () => valueOf(await served.call('documents.get', { id: documentId }));

  // "US embassy" in the first paragraph, and "the US embassy" where a statement came from.
  await selectText(page, 'US embassy', 0);
  await page.keyboard.press('5');
  await expect(page.getByTestId('mention-text')).toHaveText('US embassy');
  await page.getByTestId('entity-create').click();
  await expect(page.getByTestId('entity-linked')).toContainText('US embassy');

  await selectText(page, 'the US embassy', 1);
  await page.keyboard.press('5');
  await expect(page.getByTestId('mention-text')).toHaveText('the US embassy');
  // Searching by name finds the entity made from the first mention; a click links it.
  await page.getByTestId('entity-search').fill('embassy');
  await page.getByTestId('entity-result').filter({ hasText: 'US embassy' }).click();
  await expect(page.getByTestId('entity-linked')).toContainText('2 mentions');

  const linked = (await stored()).mentions.map((m) => m.entityId);
  expect(linked).toHaveLength(2);
  expect(linked[0]).not.toBeNull();
  expect(linked[1]).toBe(linked[0]);
  await expect(article.locator('[title="FAC · → US embassy"]')).toHaveCount(2);

  // The entities view lists the entity with both mentions.
  await page.getByTestId('view-entities').click();
  await expect(page.getByTestId('entity-row')).toHaveCount(1);
  const mentions = page.getByTestId('entity-mention');
  await expect(mentions).toHaveCount(2);
  await expect(mentions.nth(0)).toContainText('US embassy');
  await expect(mentions.nth(1)).toContainText('the US embassy');
  await shot('entities-view');

  // A mention there opens its document, focused on it.
  await mentions.nth(1).click();
  await expect(page.getByTestId('mention-text')).toHaveText('the US embassy');
  await expect(page.getByTestId('entity-linked')).toContainText('US embassy');

  // Unlinking from the panel takes it out of the entity.
  await page.getByTestId('entity-unlink').click();
  await expect.poll(async () => (await stored()).mentions.filter((m) => m.entityId !== null)).toHaveLength(1);
  await clickText(page, article.getByText('US embassy', { exact: true }).first());
  await expect(page.getByTestId('entity-linked')).toContainText('1 mention');
});
