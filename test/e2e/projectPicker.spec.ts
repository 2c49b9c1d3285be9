import path from 'node:path';
import { expect, openApp, test } from './fixtures';

test.use({ serveOptions: { withProject: false } });

test('with no project open the picker appears, and typing a path creates a project', async ({
  page,
  served,
  shot,
}) => {
  await openApp(page, served);
  const picker = page.getByTestId('project-picker');
  await expect(picker).toBeVisible();
  await expect(picker.getByTestId('picker-sample')).toBeVisible();
  await expect(picker.getByTestId('picker-new')).toBeVisible();
  await expect(picker.getByTestId('picker-open')).toBeVisible();
  await shot('picker');

  // Serve mode has no native dialog: New asks for a path in a text field.
  await picker.getByTestId('picker-new').click();
  const input = picker.getByTestId('project-path-input');
  await expect(input).toBeFocused();
  const file = path.join(served.dir, 'articles.spanlab');
  await input.fill(file);
  await shot('picker-path');
  await picker.getByTestId('project-path-submit').click();

  await expect(page.getByTestId('project-name')).toHaveText('articles');
  await expect(page.getByTestId('document-list-empty')).toBeVisible();
  await shot('new-project-empty');

  const current = await served.call('project.current', {});
  expect(current.ok && current.value?.path).toBe(file);
});

test('creating the sample from the picker opens it with its article', async ({ page, served }) => {
  await openApp(page, served);
  await page.getByTestId('picker-sample').click();
  await page.getByTestId('project-path-input').fill(path.join(served.dir, 'sample.spanlab'));
  await page.getByTestId('project-path-input').press('Enter');
  await expect(page.getByTestId('document-row')).toHaveCount(1);
});

test('opening a missing file says why, and the recent list offers what was opened', async ({
  page,
  served,
  shot,
}) => {
  await openApp(page, served);
  await page.getByTestId('picker-open').click();
  await page.getByTestId('project-path-input').fill(path.join(served.dir, 'nowhere', 'missing.spanlab'));
  await page.getByTestId('project-path-submit').click();
  const error = page.getByTestId('picker-error');
  await expect(error).toBeVisible();
  await expect(error).not.toBeEmpty();
  await shot('picker-error');

  // Create one, then come back through "switch project": it is listed as recent.
  await page.getByTestId('picker-new').click();
  await page.getByTestId('project-path-input').fill(path.join(served.dir, 'kept.spanlab'));
  await page.getByTestId('project-path-submit').click();
  await expect(page.getByTestId('project-name')).toHaveText('kept');
  await page.getByTestId('project-switcher').click();
  await expect(page.getByTestId('recent-project').first()).toContainText('kept');
  await shot('picker-switch');
});

test('a project opened in another tab is followed here (project.changed)', async ({ page, served, context }) => {
  await openApp(page, served);
  await page.getByTestId('picker-new').click();
  await page.getByTestId('project-path-input').fill(path.join(served.dir, 'first.spanlab'));
  await page.getByTestId('project-path-submit').click();
  await expect(page.getByTestId('project-name')).toHaveText('first');

  const other = await context.newPage();
  await other.goto(served.url);
  await other.getByTestId('project-switcher').click();
  await other.getByTestId('picker-sample').click();
  await other.getByTestId('project-path-input').fill(path.join(served.dir, 'second.spanlab'));
  await other.getByTestId('project-path-submit').click();
  await expect(other.getByTestId('project-name')).toHaveText('second');

  await expect(page.getByTestId('project-name')).toHaveText('second');
  await expect(page.getByTestId('document-row')).toHaveCount(1);
});
