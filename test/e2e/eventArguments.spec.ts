import { expect, test, valueOf } from './fixtures';
import { clickText, openSample, selectText, spanOf } from './editorPage';

test('a Conflict.Attack on "fired" with its Target, Instrument and Place is saved and shown again after a reload', async ({
  page,
  served,
  shot,
}) => {
  const schema = valueOf(await served.call('schema.get', {}));
  const attack = schema.eventTypes.find((t) => t.name === 'Conflict.Attack')!;
  const role = (name: string) => attack.roles.find((r) => r.name === name)!;
  const type = (name: string) => schema.entityTypes.find((t) => t.name === name)!;
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));

  // The target is marked first; the event then takes it with a click.
  await selectText(page, 'US embassy');
  await page.keyboard.press(type('FAC').hotkey!);
  await expect(article.locator('.mention')).toHaveText('US embassy');
  await selectText(page, 'fired');
  await page.keyboard.press(attack.hotkey!);
  const inspector = page.getByTestId('event-inspector');
  await expect(inspector.getByTestId('event-type')).toHaveValue(String(attack.id));
  const roleRow = (name: string) => inspector.getByTestId('role-row').and(page.locator(`[data-role="${name}"]`));

  // Target: choose the role, click the mention.
  await roleRow('Target').getByTestId('role-add').click();
  await expect(page.getByTestId('picking-banner')).toContainText('Target');
  await article.getByText('US embassy', { exact: true }).click();
  await expect(roleRow('Target').getByTestId('filler')).toContainText('US embassy');

  // Instrument and Place: choose the role, select new text, press its type's key — the
  // mention is created with the argument.
  await roleRow('Instrument').getByTestId('role-add').click();
  await selectText(page, 'rockets');
  await page.keyboard.press(type('WEA').hotkey!);
  await expect(roleRow('Instrument').getByTestId('filler')).toContainText('rockets');
  await roleRow('Place').getByTestId('role-add').click();
  await selectText(page, 'Baghdad', 1);
  await page.keyboard.press(type('GPE').hotkey!);
  await expect(roleRow('Place').getByTestId('filler')).toContainText('Baghdad');
  await expect(page.getByTestId('picking-banner')).toHaveCount(0);

  // The focused event joins its trigger to each argument with an arc named by the role.
  const arcs = page.getByTestId('arc');
  await expect(arcs).toHaveCount(3);
  expect((await arcs.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-label')))).sort()).toEqual([
    'Instrument',
    'Place',
    'Target',
  ]);
  await shot('focused-event-arcs');

  // The database holds the event and its three arguments.
  const saved = valueOf(await served.call('documents.get', { id: documentId }));
  expect(saved.events).toHaveLength(1);
  const event = saved.events[0]!;
  expect(event.typeId).toBe(attack.id);
  const trigger = saved.mentions.find((m) => m.id === event.triggerMentionId)!;
  expect(trigger).toMatchObject({ ...spanOf(saved.text, 'fired'), typeId: null });
  const filled = saved.arguments.map((a) => {
    const mention = saved.mentions.find((m) => m.id === a.mentionId)!;
    return [attack.roles.find((r) => r.id === a.roleId)!.name, saved.text.slice(mention.start, mention.end), mention.typeId];
  });
  expect(filled.sort()).toEqual([
    ['Instrument', 'rockets', type('WEA').id],
    ['Place', 'Baghdad', type('GPE').id],
    ['Target', 'US embassy', type('FAC').id],
  ]);
  expect(saved.arguments.every((a) => a.eventId === event.id && [role('Target').id, role('Instrument').id, role('Place').id].includes(a.roleId))).toBe(true);

  // After a reload, a click on the trigger shows the event and its arguments again.
  await page.reload();
  await page.getByTestId('document-row').first().click();
  await article.getByText('fired', { exact: true }).first().click();
  await expect(roleRow('Target').getByTestId('filler')).toContainText('US embassy');
  await expect(roleRow('Instrument').getByTestId('filler')).toContainText('rockets');
  await expect(roleRow('Place').getByTestId('filler')).toContainText('Baghdad');
  await expect(arcs).toHaveCount(3);
});

test('a filler of a type the role does not accept is kept, with a warning; event attributes are saved; all fits 1280×720', async ({
  page,
  served,
  shot,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const schema = valueOf(await served.call('schema.get', {}));
  const attack = schema.eventTypes.find((t) => t.name === 'Conflict.Attack')!;
  const article = await openSample(page, served);

  await selectText(page, 'Tuesday');
  await page.keyboard.press('8');
  await selectText(page, 'fired');
  await page.keyboard.press(attack.hotkey!);
  const place = page.getByTestId('role-row').and(page.locator('[data-role="Place"]'));
  await place.getByTestId('role-add').click();
  await article.getByText('Tuesday', { exact: true }).click();
  await expect(place.getByTestId('filler')).toContainText('Tuesday');
  await expect(place.getByTestId('filler-warning')).toBeVisible();
  await expect(page.getByTestId('arc')).toHaveClass(/is-mismatch/);

  // The ACE attributes of the event, from the schema.
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));
  await page.getByTestId('attribute-realis').selectOption('generic');
  await expect
    .poll(async () => valueOf(await served.call('documents.get', { id: documentId })).events[0]?.attributes)
    .toMatchObject({ realis: 'generic', polarity: 'positive' });

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot('event-1280x720');
});

test('an event fills a role of another event when its trigger is clicked (nested events)', async ({ page, served }) => {
  const article = await openSample(page, served);
  const documentId = Number(await page.getByTestId('document-pane').getAttribute('data-document-id'));
  await selectText(page, 'strike');
  await page.keyboard.press('a');
  await expect(page.getByTestId('event-inspector')).toBeVisible();
  await selectText(page, 'condemned');
  await page.keyboard.press('d');
  await expect(page.getByTestId('event-type')).toHaveValue(/\d+/);
  await page.getByTestId('role-row').and(page.locator('[data-role="Entity"]')).getByTestId('role-add').click();
  await clickText(page, article.getByText('strike', { exact: true }));
  await expect(page.getByTestId('filler')).toContainText('Conflict.Attack');

  const saved = valueOf(await served.call('documents.get', { id: documentId }));
  const [attack, demonstrate] = saved.events;
  expect(saved.arguments).toEqual([expect.objectContaining({ eventId: demonstrate!.id, argEventId: attack!.id, mentionId: null })]);
});
