import { expect, openApp, test, valueOf } from './fixtures';
import { clickText, spanOf } from './editorPage';

// A long article draws the mentions of the paragraphs near the visible part only, and more
// as the analyst scrolls or moves there: what is far down must still show, name its label
// and take clicks and Tab like any other mention.
test('in a long article, mentions far down are drawn when scrolled to or reached with Tab, nested ones too', async ({
  page,
  served,
}) => {
  const paragraph = (n: number) =>
    `Paragraph ${n} of the long report: officials in the province said the convoy had crossed the bridge before dawn, ` +
    `and that talks with the council would resume after the ceasefire, according to a statement from the ministry.`;
  const body = Array.from({ length: 300 }, (_, n) => paragraph(n)).join('\n\n');
  const text = `A long report\n\n${body}\n\nShips waited off Zanzibar harbour until the storm passed.`;
  valueOf(await served.call('import.files', { files: [{ name: 'long-report.txt', data: Buffer.from(text).toString('base64') }] }));
  const list = async () => valueOf(await served.call('documents.list', { offset: 0, limit: 10, query: 'Zanzibar' })).items;
  await expect.poll(async () => (await list()).length).toBe(1);
  const documentId = (await list())[0]!.id;
  const stored = valueOf(await served.call('documents.get', { id: documentId }));
  const schema = valueOf(await served.call('schema.get', {}));
  const type = (name: string) => schema.entityTypes.find((t) => t.name === name)!;
  const add = async (phrase: string, typeName: string) =>
    valueOf(await served.call('mentions.create', { documentId, ...spanOf(stored.text, phrase), typeId: type(typeName).id }));
  const first = await add('Paragraph 0 of', 'ORG');
  const harbour = await add('Zanzibar harbour', 'FAC');
  const zanzibar = await add('Zanzibar', 'GPE');

  await openApp(page, served);
  await page.getByTestId('document-row').filter({ hasText: 'A long report' }).click();
  const article = page.getByTestId('article-text');
  const drawn = (id: number) => article.locator(`[data-mention-id="${id}"]`);
  await expect(drawn(first.id)).toHaveText('Paragraph 0 of');

  // Scrolled to the end, the last paragraph's mentions are drawn, nested, with their labels.
  await page.locator('.document-scroll').hover();
  await page.mouse.wheel(0, 200_000);
  await expect(drawn(harbour.id).first()).toBeVisible();
  await expect(drawn(zanzibar.id)).toHaveText('Zanzibar');
  await expect(drawn(zanzibar.id)).toHaveAttribute('title', 'GPE');
  await expect(drawn(harbour.id).first()).toHaveAttribute('title', 'FAC');
  const focused = page.getByTestId('mention-inspector');
  await clickText(page, drawn(zanzibar.id));
  await expect(focused).toHaveAttribute('data-mention-id', String(zanzibar.id));
  await clickText(page, drawn(zanzibar.id));
  await expect(focused).toHaveAttribute('data-mention-id', String(harbour.id));

  // From the top, Shift+Tab goes round to the last mention of the text: it is brought into
  // view and drawn focused.
  await page.keyboard.press('Escape');
  await page.mouse.wheel(0, -200_000);
  await expect(drawn(first.id)).toBeInViewport();
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAttribute('data-mention-id', String(zanzibar.id));
  await expect(drawn(zanzibar.id)).toHaveClass(/is-focused/);
  await expect(drawn(zanzibar.id)).toBeInViewport();

  // Once the article has been laid out in full (section by section, in idle time), its
  // height is its true height: the scroll bar no longer moves under the analyst's hand.
  const sections = article.locator('.article-section');
  expect(await sections.count()).toBeGreaterThan(1);
  await expect(article.locator('.article-section:not(.is-settled)')).toHaveCount(0);
  const height = await article.evaluate((el) => el.getBoundingClientRect().height);
  await page.mouse.wheel(0, 200_000);
  await expect(drawn(harbour.id).first()).toBeInViewport();
  expect(await article.evaluate((el) => el.getBoundingClientRect().height)).toBe(height);
});
