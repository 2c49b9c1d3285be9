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
  let started = Date.now();
  await page.keyboard.press('End');
  await expect(list.locator('.doc-row.is-active')).toContainText(`Article ${COUNT}:`);
  const endMs = Date.now() - started;

  // Jumping to the middle (a scrollbar drag) loads that part and nothing in between.
  started = Date.now();
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(list.getByTestId('document-row').first()).toContainText(/Article 4999\d|Article 500\d\d/);
  await expect(list.getByTestId('document-row-placeholder')).toHaveCount(0);
  const middleMs = Date.now() - started;

  // Scrolling: frames stay short. Chromium renders in software here and shares a small
  // machine with the other worker, so the assertion is on the median (a janky list is
  // slow on every frame) and the 95th percentile is only reported.
  const frames = await list.evaluate(async (el) => {
    const times: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = (now: number) => {
      times.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    for (let i = 0; i < 60; i++) {
      el.scrollBy({ top: 240 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    running = false;
    return times.slice(1).sort((a, b) => a - b);
  });
  const median = frames[Math.floor(frames.length / 2)] ?? 0;
  const p95 = frames[Math.floor(frames.length * 0.95)] ?? 0;
  const measured =
    `End: ${endMs} ms; middle: ${middleMs} ms; ${domRows} rows in DOM; ` +
    `scroll frames median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (n=${frames.length})`;
  test.info().annotations.push({ type: 'measurements', description: measured });
  console.log(`[100k list] ${measured}`);
  expect(median).toBeLessThan(50);
  await expect(list.getByTestId('document-row-placeholder')).toHaveCount(0);
  await shot('large-list');

  // Full-text search over all of them.
  await page.getByTestId('document-search').fill('77777');
  await expect(page.getByTestId('document-count')).toHaveText('1 match');
  await expect(list.getByTestId('document-row')).toContainText('Article 77777:');
});
