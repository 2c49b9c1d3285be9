import { expect, openApp, test, valueOf } from './fixtures';

test('the search box finds the sample by a word of its body and shows where', async ({ page, served, shot }) => {
  const [summary] = valueOf(await served.call('documents.list', { offset: 0, limit: 1 })).items;
  const sample = valueOf(await served.call('documents.get', { id: summary!.id }));
  // A word from the last paragraph, not in the title.
  const lastBlock = sample.blocks.at(-1)!;
  const body = Array.from(sample.text).slice(lastBlock.start, lastBlock.end).join('');
  const word = body
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 7 && !sample.title.toLowerCase().includes(w.toLowerCase()));
  expect(word).toBeDefined();

  await openApp(page, served);
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await page.getByTestId('document-search').fill(word!);

  const row = page.getByTestId('document-row');
  await expect(row).toHaveCount(1);
  const snippet = row.getByTestId('document-snippet');
  await expect(snippet).toBeVisible();
  await expect(snippet.locator('mark').first()).toHaveText(new RegExp(word!, 'i'));
  await expect(page.getByTestId('document-count')).toHaveText('1 match');
  await shot('search');

  // Keyboard: ↓ from the search box into the list, Enter opens.
  await page.getByTestId('document-search').press('ArrowDown');
  await expect(page.getByTestId('document-list')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-text')).toBeVisible();

  await page.getByTestId('document-search').fill('zzzqqqnotaword');
  await expect(page.getByTestId('document-list-empty')).toBeVisible();
  await shot('search-empty');
});
