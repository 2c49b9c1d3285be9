import { expect, test, valueOf } from './fixtures';
import { clickText, openSample, spanOf, textPoint } from './editorPage';

test('nested and overlapping mentions are all drawn, and each can be focused by click and by Tab', async ({
  page,
  served,
  shot,
}) => {
  const [summary] = valueOf(await served.call('documents.list', { offset: 0, limit: 1 })).items;
  const documentId = summary!.id;
  const { text } = valueOf(await served.call('documents.get', { id: documentId }));
  const schema = valueOf(await served.call('schema.get', {}));
  const type = (name: string) => schema.entityTypes.find((t) => t.name === name)!.id;
  const add = async (phrase: string, typeName: string, occurrence = 0) =>
    valueOf(await served.call('mentions.create', { documentId, ...spanOf(text, phrase, occurrence), typeId: type(typeName) }));
  // "US embassy" and "Baghdad" inside "the US embassy in Baghdad", and "Baghdad late on
  // Tuesday" crossing its end.
  const outer = await add('the US embassy in Baghdad', 'FAC');
  const embassy = await add('US embassy', 'ORG');
  const baghdad = await add('Baghdad', 'GPE', 1); // the first is in the headline
  const crossing = await add('Baghdad late on Tuesday', 'TIME');

  const article = await openSample(page, served);
  const drawn = (id: number) => article.locator(`[data-mention-id="${id}"]`);
  for (const mention of [outer, embassy, baghdad, crossing]) await expect(drawn(mention.id).first()).toBeVisible();
  // Each on a lane of its own where they overlap: the enclosing one under the others.
  const lane = async (id: number) => Number(/depth-(\d)/.exec((await drawn(id).first().getAttribute('class')) ?? '')?.[1]);
  expect(await lane(embassy.id)).toBe(0);
  expect(await lane(outer.id)).toBeGreaterThan(await lane(embassy.id));
  expect(await lane(outer.id)).toBeGreaterThan(await lane(baghdad.id));
  expect(await lane(crossing.id)).not.toBe(await lane(outer.id));
  expect(await lane(crossing.id)).not.toBe(await lane(baghdad.id));

  const focused = page.getByTestId('mention-inspector');
  // A click on "US" focuses the innermost mention there; a second click the one around it.
  const us = article.getByText('US embassy', { exact: true });
  await clickText(page, us);
  await expect(focused).toHaveAttribute('data-mention-id', String(embassy.id));
  await expect(drawn(embassy.id)).toHaveClass(/is-focused/);
  await clickText(page, us);
  await expect(focused).toHaveAttribute('data-mention-id', String(outer.id));
  await expect(page.getByTestId('mention-text')).toHaveText('the US embassy in Baghdad');
  await expect(drawn(outer.id).first()).toHaveClass(/is-focused/);
  await shot('nested-mentions');

  // Two clicks quick enough to be a double-click do the same, and select no word.
  await page.keyboard.press('Escape');
  await expect(focused).toHaveCount(0);
  const { x, y } = await textPoint(us);
  await page.mouse.dblclick(x, y);
  await expect(focused).toHaveAttribute('data-mention-id', String(outer.id));
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');

  // Tab walks all four in text order, the enclosing one before those inside it.
  await page.keyboard.press('Escape');
  await expect(focused).toHaveCount(0);
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    order.push((await focused.getAttribute('data-mention-id'))!);
  }
  // "Baghdad late on Tuesday" starts where "Baghdad" does and encloses it: it comes first.
  expect(order).toEqual([outer.id, embassy.id, crossing.id, baghdad.id].map(String));
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAttribute('data-mention-id', String(crossing.id));
});
