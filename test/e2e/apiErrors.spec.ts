import { expect, openApp, test } from './fixtures';

test('a malformed call from the page gets a typed error, not a crash', async ({ page, served }) => {
  await openApp(page, served);
  await expect(page.getByTestId('project-name')).toBeVisible();

  const answer = await page.evaluate(async () => {
    // The page's own token, as the HTTP transport keeps it.
    const token = sessionStorage.getItem('spanlab.token') ?? '';
    const response = await fetch('/api/mentions.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: 'one', start: 5, end: 2, typeId: null, extra: true }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const error = (answer.body as { error: { message: string; path?: string } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.path).toBeTruthy();

  const withoutToken = await page.evaluate(async () => {
    const response = await fetch('/api/project.current', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return { status: response.status, body: (await response.json()) as unknown };
  });
  expect(withoutToken.status).toBe(401);
  expect(withoutToken.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});
