import { expect, openApp, test, valueOf } from './fixtures';

test('a mention is drawn over exactly its words in its type colour, and an undo elsewhere removes it', async ({
  page,
  served,
  shot,
}) => {
  const [summary] = valueOf(await served.call('documents.list', { offset: 0, limit: 1 })).items;
  const documentId = summary!.id;
  const sample = valueOf(await served.call('documents.get', { id: documentId }));
  const schema = valueOf(await served.call('schema.get', {}));
  const type = schema.entityTypes[0]!;

  // Code-point offsets of a phrase, as the contract counts them.
  const phrase = 'the US embassy in Baghdad';
  const cps = Array.from(sample.text);
  const at = Array.from(sample.text.slice(0, sample.text.indexOf(phrase))).length;
  expect(cps.slice(at, at + Array.from(phrase).length).join('')).toBe(phrase);
  const mention = valueOf(
    await served.call('mentions.create', { documentId, start: at, end: at + Array.from(phrase).length, typeId: type.id }),
  );
  const untypedAt = Array.from(sample.text.slice(0, sample.text.indexOf('fired'))).length;
  valueOf(await served.call('mentions.create', { documentId, start: untypedAt, end: untypedAt + 5, typeId: null }));

  await openApp(page, served);
  await page.getByTestId('document-row').first().click();
  const drawn = page.locator(`[data-mention-id="${mention.id}"]`);
  await expect(drawn).toHaveText(phrase);
  await expect(drawn).toHaveClass(new RegExp(`mention-type-${type.id}`));
  // The colour comes from the adopted label stylesheet, not a style attribute.
  const color = await drawn.evaluate((el) => getComputedStyle(el).getPropertyValue('--mention-color').trim());
  expect(color.toLowerCase()).toBe(type.color.toLowerCase());
  expect(await drawn.getAttribute('style')).toBeNull();
  await expect(page.locator('.mention-untyped')).toHaveText('fired');
  await shot('mention-highlights');

  // Undo from outside the page: the server pushes document.changed and the view follows.
  valueOf(await served.call('history.undo', { documentId }));
  valueOf(await served.call('history.undo', { documentId }));
  await expect(page.locator('.mention')).toHaveCount(0);
  await expect(page.getByTestId('article-text').locator('p').first()).toContainText(phrase);
});
