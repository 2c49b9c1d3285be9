import { expect, openApp, test } from './fixtures';

test('the dark theme can be chosen, is remembered, and looks right', async ({ page, served, shot }) => {
  await openApp(page, served);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('document-row').first().click();
  await expect(page.getByTestId('article-text')).toBeVisible();
  await shot('dark-article');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'light');
});

test.describe('with the OS in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the theme follows the OS until the user picks one', async ({ page, served, shot }) => {
    await openApp(page, served);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await shot('dark-list');
    await page.getByTestId('about-button').click();
    await expect(page.getByTestId('about-dialog')).toBeVisible();
    await shot('dark-about');
  });
});
