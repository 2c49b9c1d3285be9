import { expect, openApp, test, valueOf } from './fixtures';

test('the text cannot be changed by typing, but can be selected with Shift+Arrow', async ({
  page,
  served,
  shot,
}) => {
  const [summary] = valueOf(await served.call('documents.list', { offset: 0, limit: 1 })).items;
  const before = valueOf(await served.call('documents.get', { id: summary!.id }));

  await openApp(page, served);
  await page.getByTestId('document-row').first().click();
  const article = page.getByTestId('article-text');
  const paragraph = article.locator('p').first();
  await expect(paragraph).toBeVisible();
  const domBefore = await article.textContent();

  // Put the caret at the start of the first paragraph, then try every way of typing.
  await paragraph.click({ position: { x: 2, y: 8 } });
  await page.keyboard.press('Home');
  await page.keyboard.type('typed text');
  for (const key of ['Enter', 'Backspace', 'Delete', 'Control+x', 'Control+v', 'Tab']) {
    await page.keyboard.press(key);
  }
  expect(await article.textContent()).toBe(domBefore);
  // Text that arrives like IME input cannot be cancelled before the browser writes it into
  // the DOM; ProseMirror reads it back, the filter refuses it and the view redraws the text.
  await page.keyboard.insertText('inserted');
  await expect.poll(() => article.textContent()).toBe(domBefore);

  // Keyboard selection: Home, then five Shift+ArrowRight select five characters.
  await paragraph.click({ position: { x: 2, y: 8 } });
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  const firstParagraph = before.blocks.find((b) => b.kind === 'paragraph')!;
  expect(selected).toBe(Array.from(before.text).slice(firstParagraph.start, firstParagraph.start + 5).join(''));
  await shot('keyboard-selection');

  const after = valueOf(await served.call('documents.get', { id: summary!.id }));
  expect(after.text).toBe(before.text);
  expect(await article.textContent()).toBe(domBefore);
});
