import { expect, test, valueOf } from './fixtures';
import { openSample, selectText, spanOf } from './editorPage';

test('select "US embassy" and press 1: the mention is saved with the first entity type and is there after a reload', async ({
  page,
  served,
}) => {
  const schema = valueOf(await served.call('schema.get', {}));
  const first = schema.entityTypes[0]!;
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));

  await selectText(page, 'US embassy');
  await page.keyboard.press('1');
  const drawn = article.locator('.mention');
  await expect(drawn).toHaveText('US embassy');
  await expect(drawn).toHaveClass(new RegExp(`mention-type-${first.id}`));
  // The label in words on hover, not by colour alone.
  await expect(drawn).toHaveAttribute('title', first.name);

  // The database has it: through the contract, with exactly the code points selected.
  const saved = valueOf(await served.call('documents.get', { id: documentId }));
  expect(saved.mentions).toHaveLength(1);
  expect(saved.mentions[0]).toMatchObject({ ...spanOf(saved.text, 'US embassy'), typeId: first.id });

  await page.reload();
  await page.getByTestId('document-row').first().click();
  await expect(article.locator('.mention')).toHaveText('US embassy');
  await expect(article.locator('.mention')).toHaveClass(new RegExp(`mention-type-${first.id}`));
});

test('a sloppy selection snaps to whole words, a key relabels the focused mention, and character mode allows parts of words', async ({
  page,
  served,
  shot,
}) => {
  const schema = valueOf(await served.call('schema.get', {}));
  const [per, , gpe, , fac, wea, , time] = schema.entityTypes;
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));
  const mentions = async () => valueOf(await served.call('documents.get', { id: documentId })).mentions;

  // Half a word on each side, with the space before: the whole words are marked.
  await selectText(page, ' US embas');
  await page.keyboard.press('5');
  await expect(article.locator(`.mention-type-${fac!.id}`)).toHaveText('US embassy');
  // The new mention is focused: the panel shows it, and a key relabels it.
  await expect(page.getByTestId('mention-text')).toHaveText('US embassy');
  await page.keyboard.press('3');
  await expect(article.locator(`.mention-type-${gpe!.id}`)).toHaveText('US embassy');
  await expect.poll(async () => (await mentions())[0]?.typeId).toBe(gpe!.id);
  // Relabelled from the panel; the analyst selects the next words at once, while the
  // answer may still be on its way: its redraw must leave the new selection alone.
  await page.getByTestId('mention-label').selectOption(String(fac!.id));

  // Trailing punctuation is trimmed: "Wednesday." marks "Wednesday".
  await selectText(page, 'Wednesday.');
  await page.keyboard.press('8');
  await expect(article.locator(`.mention-type-${time!.id}`)).toHaveText('Wednesday');
  await expect(article.locator(`.mention-type-${fac!.id}`)).toHaveText('US embassy');
  await expect.poll(async () => (await mentions()).map((m) => m.typeId)).toEqual([fac!.id, time!.id]);

  // A double-click selects a word by Unicode word boundaries.
  await article.getByText('Two of the rockets', { exact: false }).first().waitFor();
  await page.keyboard.press('Escape');
  const rockets = await article.evaluate((el) => {
    const paragraph = Array.from(el.querySelectorAll('p')).find((p) => p.textContent?.startsWith('Two of the rockets'))!;
    const range = document.createRange();
    const text = paragraph.firstChild as Text;
    const at = text.data.indexOf('rockets');
    range.setStart(text, at + 2);
    range.setEnd(text, at + 3);
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await page.mouse.dblclick(rockets.x, rockets.y);
  await page.keyboard.press('6');
  await expect(article.locator(`.mention-type-${wea!.id}`)).toHaveText('rockets');

  // Attributes of the mention, from the schema: a change is saved at once.
  await page.getByTestId('attribute-level').selectOption('NOM');
  await expect.poll(async () => (await mentions()).find((m) => m.typeId === wea!.id)?.attributes).toEqual({ level: 'NOM' });

  // From the keyboard alone: a caret, Shift+Arrow to select, a label key.
  await page.keyboard.press('Escape');
  await selectText(page, 'Tigris');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 'Tigris'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('4');
  await expect(article.locator('[title="LOC"]')).toHaveText('Tigris');

  // The label picker (/) opens at the selection; typing filters it, Enter chooses.
  await selectText(page, 'Karim Haddad');
  await page.keyboard.press('/');
  await expect(page.getByTestId('label-picker')).toBeVisible();
  await page.keyboard.type('pe');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('label-picker')).toHaveCount(0);
  await expect(article.locator(`.mention-type-${per!.id}`)).toHaveText('Karim Haddad');

  // Character mode (Alt+W): part of a word can be marked.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+w');
  await expect(page.getByTestId('snap-toggle')).toHaveAttribute('aria-checked', 'false');
  await selectText(page, 'Zafarani');
  await page.keyboard.press('1');
  await expect(article.locator(`.mention-type-${per!.id}`).filter({ hasText: 'Zafarani' })).toHaveText('Zafarani');
  await shot('entity-marking');
});

test('a label key paints the span at once as being saved, the saved mention takes its place, and a failed call takes it away', async ({
  page,
  served,
  shot,
}) => {
  const schema = valueOf(await served.call('schema.get', {}));
  const first = schema.entityTypes[0]!;
  const article = await openSample(page, served);
  // The span being saved is a CSS highlight (no element): read from the page's registry.
  const painted = () =>
    page.evaluate(() => [...CSS.highlights].flatMap(([name, highlight]) => [...highlight].map((range) => `${name}: ${range.toString()}`)));

  // The call is held on its way to the services, to see the editor before the answer.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/mentions.create', async (route) => {
    await held;
    await route.continue();
  });
  await selectText(page, 'US embassy');
  await page.keyboard.press('1');
  await expect.poll(painted).toEqual([`pending-mention-type-${first.id}: US embassy`]);
  await expect(article.locator('.mention')).toHaveCount(0); // not shown as done: not saved yet
  await shot('entity-pending');
  release();
  await expect(article.locator('.mention')).toHaveText('US embassy');
  await expect.poll(painted).toEqual([]);

  // A call that fails leaves nothing painted, and says so.
  await page.unroute('**/api/mentions.create');
  await page.route('**/api/mentions.create', (route) => route.abort('connectionreset'));
  await selectText(page, 'Baghdad');
  await page.keyboard.press('1');
  await expect(page.getByTestId('toast').last()).toBeVisible();
  await expect.poll(painted).toEqual([]);
  await expect(article.locator('.mention')).toHaveCount(1);
});
