import { expect, openApp, test } from './fixtures';

const COUNT = 100_000;

test.use({ serveOptions: { withProject: true, seedDocuments: COUNT } });
test.setTimeout(120_000);

test('a list of 100,000 documents keeps few rows in the page and loads any part on demand', async ({
  page,
  served,
  shot,
}) => {
  await openApp(page, served);
  await expect(page.getByTestId('document-count')).toHaveText(`${COUNT.toLocaleString('en-US')} documents`);
  const list = page.getByTestId('document-list');
  await expect(list.getByTestId('document-row').first()).toContainText('Article 1:');

  // Only the rows on screen (plus a few) exist in the DOM.
  const domRows = await list.locator('.doc-row').count();
  expect(domRows).toBeLessThan(40);

  // The keyboard reaches the last document; its page is fetched on arrival.
  await list.focus();
  await page.keyboard.press('End');
  await expect(list.locator('.doc-row.is-active')).toContainText(`Article ${COUNT}:`);

  // Jumping to the middle (a scrollbar drag) loads that part and nothing in between.
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(list.getByTestId('document-row').first()).toContainText(/Article 4999\d|Article 500\d\d/);
  await expect(list.getByTestId('document-row-placeholder')).toHaveCount(0);
  // How fast these are, and how smooth scrolling is, is measured by `npm run bench`, not here.
  await shot('large-list');

  // Full-text search over all of them.
  await page.getByTestId('document-search').fill('77777');
  await expect(page.getByTestId('document-count')).toHaveText('1 match');
  await expect(list.getByTestId('document-row')).toContainText('Article 77777:');
});
