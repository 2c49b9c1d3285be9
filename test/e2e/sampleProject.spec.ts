import { expect, openApp, test, valueOf } from './fixtures';

test('the sample project lists its article, and opening it shows the text with its headline', async ({
  page,
  served,
  shot,
}) => {
  const list = valueOf(await served.call('documents.list', { offset: 0, limit: 10 }));
  expect(list.total).toBeGreaterThan(0);
  const sample = valueOf(await served.call('documents.get', { id: list.items[0]!.id }));
  const heading = sample.blocks.find((block) => block.kind === 'heading');
  expect(heading, 'the sample starts with a headline').toBeDefined();

  await openApp(page, served);
  await expect(page.getByTestId('project-name')).toBeVisible();
  // The token left the address bar, and the page still works on a reload (sessionStorage).
  expect(new URL(page.url()).hash).toBe('');

  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(list.total);
  await expect(rows.first()).toContainText(sample.title);
  await expect(page.getByTestId('no-document')).toBeVisible();
  await shot('sample-list');

  await rows.first().click();
  const article = page.getByTestId('article-text');
  await expect(article).toBeVisible();
  const headingText = Array.from(sample.text).slice(heading!.start, heading!.end).join('');
  await expect(article.locator('h1')).toHaveText(headingText);
  await expect(article.locator('p')).toHaveCount(sample.blocks.filter((b) => b.kind === 'paragraph').length);
  // The text between blocks (blank lines) is not shown; every block's text is.
  const shown = await article.evaluate((el) => Array.from(el.querySelectorAll('h1, p'), (block) => block.textContent).join('\n'));
  const expected = sample.blocks.map((b) => Array.from(sample.text).slice(b.start, b.end).join('')).join('\n');
  expect(shown).toBe(expected);

  // Mentions of the sample (if it has any) are drawn over exactly their text.
  for (const mention of sample.mentions.slice(0, 5)) {
    const drawn = article.locator(`[data-mention-id="${mention.id}"]`);
    await expect(drawn.first()).toBeVisible();
    const text = (await drawn.allTextContents()).join('');
    const expectedText = Array.from(sample.text).slice(mention.start, mention.end).join('');
    expect(text.replace(/\s+/g, ' ')).toBe(expectedText.replace(/\s+/g, ' '));
  }

  await expect(page.getByTestId('info-title')).toHaveText(sample.title);
  await shot('sample-article');

  await page.reload();
  await expect(page.getByTestId('document-row').first()).toContainText(sample.title);
});

test('the layout holds at 1280×720', async ({ page, served, shot }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, served);
  await page.getByTestId('document-row').first().click();
  await expect(page.getByTestId('article-text')).toBeVisible();
  // Nothing spills sideways: the window never needs a horizontal scrollbar.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot('layout-1280x720');
});
