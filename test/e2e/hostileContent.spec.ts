// Hostile content, end to end: web pages and text files full of scripts, event handlers,
// javascript: links, frames, remote images and stylesheets, a refresh and a <base>, a
// text file that looks like markup and one 2 MB line, imported through the import service
// and opened in real Chromium. Nothing may run (no dialog, no title change), nothing may be
// fetched (every request stays on the serve origin's own paths; a canary server on another
// loopback port counts any hit), none of it may reach the DOM as markup, and every
// document still shows its text. The fixture's page fails the test on any page error or
// CSP violation, so the policy never even has to block anything. import.spec.ts keeps the
// smaller hostile page of the mixed batch; this is the full catalogue.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ImportReport } from '../../common/importReport';
import type { Served } from './fixtures';
import { expect, openApp, test, valueOf } from './fixtures';

test.use({ serveOptions: { withProject: true } });

/** Markup that must show as these very characters. */
const LITERAL = '<img src=x onerror=alert(1)>';
/** About 2 MB with no line break. */
const LONG_LINE = `The long line begins here. ${'ceasefire talks resumed '.repeat(87_400)}The long line ends here.`;

interface Hostile {
  dir: string;
  /** A sentence of each file's text, by title. */
  sentences: Record<string, string>;
}

// Every file references `evil` (a foreign host) and `canary` (another loopback port).
function writeHostileFiles(dir: string, evil: string, canary: string): Hostile {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, content: string) => fs.writeFileSync(path.join(dir, name), content);
  write(
    'scripts.html',
    `<!doctype html><html><head><title>Depot shelled near Mosul</title>
<base href="${evil}/">
<link rel="canonical" href="javascript:alert('canonical')">
<meta property="og:site_name" content="${LITERAL}">
<meta http-equiv="refresh" content="0;url=${evil}/refresh">
<script>document.title = 'pwned'; alert('script'); fetch('${canary}/script');</script>
<script src="${evil}/remote.js"></script></head>
<body onload="alert('body onload')"><article><h1>Depot shelled near Mosul</h1>
<p>Artillery shelled a fuel depot near Mosul on Friday, the provincial council said.</p>
<p onmouseover="alert('mouseover')">Firefighters <a href="javascript:alert('link')">contained</a> the blaze by the evening.
<img src="x" onerror="alert('onerror'); fetch('${canary}/onerror')"></p>
<svg onload="alert('svg')"><circle r="4"/></svg>
<iframe src="${evil}/frame" srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>
<object data="${evil}/object.swf"></object><embed src="${evil}/embed.swf">
<form action="${evil}/form"><input type="image" src="${canary}/input.png"></form>
<p>Residents were told to stay indoors until the smoke cleared, the council added.</p>
</article></body></html>`,
  );
  write(
    'remote.html',
    `<!doctype html><html><head><title>Convoy ambushed on the highway</title>
<link rel="stylesheet" href="${evil}/style.css"><link rel="stylesheet" href="${canary}/style.css">
<link rel="prefetch" href="${evil}/prefetch"><link rel="preload" as="image" href="${canary}/preload.png">
<style>@import url(${evil}/import.css); body { background: url(${canary}/body.png) }</style></head>
<body><article><h1>Convoy ambushed on the highway</h1>
<p style="background:url(${evil}/inline.png)">Gunmen ambushed a supply convoy on the northern highway at dawn.</p>
<p><img src="${evil}/photo.jpg" srcset="${canary}/photo-2x.jpg 2x" alt="photo">
<picture><source srcset="${evil}/pic.webp"><img src="${canary}/pic.jpg"></picture>
<video poster="${evil}/poster.jpg" src="${canary}/clip.mp4"></video><audio src="${evil}/sound.mp3"></audio>
Two drivers were wounded and three trucks burned, a police officer said.</p>
</article></body></html>`,
  );
  write(
    'literal.txt',
    `${LITERAL}\n\nThis text file only looks like markup: <script>alert(2)</script> and <a href="javascript:alert(3)">a link</a> are characters.\n`,
  );
  write(
    'links.md',
    `# Markdown with traps\n\nA [link](javascript:alert(4)) and an image ![x](${evil}/md.png) stay as written in the text.\n\n<iframe src="${evil}/md-frame"></iframe>\n`,
  );
  write('long-line.txt', LONG_LINE);
  return {
    dir,
    sentences: {
      'Depot shelled near Mosul': 'Artillery shelled a fuel depot near Mosul on Friday, the provincial council said.',
      'Convoy ambushed on the highway': 'Gunmen ambushed a supply convoy on the northern highway at dawn.',
      [LITERAL]: 'This text file only looks like markup: <script>alert(2)</script> and <a href="javascript:alert(3)">a link</a> are characters.',
      'Markdown with traps': `A [link](javascript:alert(4)) and an image ![x](${evil}/md.png) stay as written in the text.`,
      'long-line': 'The long line begins here.',
    },
  };
}

// Imports through the import service, as the Import… dialog does, and waits for its report.
async function importThroughService(served: Served, paths: string[]): Promise<ImportReport> {
  const { jobId } = valueOf(await served.call('import.start', { paths }));
  let report: ImportReport | null = null;
  await expect
    .poll(async () => {
      const state = valueOf(await served.call('import.status', { jobId }));
      report = state.report;
      return state.state;
    })
    .toBe('finished');
  return report!;
}

// Every element of the app's own page that could load or run something, summarised: none
// may come from the imported content.
function activeElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'iframe, frame, object, embed, video, audio, source, picture, base, form, svg[onload], meta[http-equiv="refresh" i], link[rel="stylesheet"][href^="http"], img, [onerror], [onload], [onmouseover], [onclick]',
      ),
    ].map((element) => element.outerHTML.slice(0, 120)),
  );
}

test('hostile pages and texts render as text: nothing runs, nothing is fetched', async ({ page, served, shot }) => {
  test.setTimeout(120_000);
  // The canary: a server on another loopback port that must never be asked for anything.
  const canaryHits: string[] = [];
  const canaryServer = http.createServer((req, res) => {
    canaryHits.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => canaryServer.listen(0, '127.0.0.1', resolve));
  const canary = `http://127.0.0.1:${(canaryServer.address() as AddressInfo).port}`;

  try {
    const hostile = writeHostileFiles(path.join(served.dir, 'hostile'), 'http://evil.example', canary);
    const report = await importThroughService(served, [hostile.dir]);
    expect(report.errors).toEqual([]);
    expect(report.counts.documents).toBe(Object.keys(hostile.sentences).length);

    const origin = new URL(served.url).origin;
    const dialogs: string[] = [];
    const requests: string[] = [];
    const blocked: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    // Anything for a host that is not loopback is stopped here and counted, so a mistake
    // never reaches the network; loopback requests go through, to be seen by the canary.
    await page.context().route(
      (url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
      (route) => {
        blocked.push(route.request().url());
        return route.abort();
      },
    );

    await openApp(page, served);
    const title = await page.title();
    const article = page.getByTestId('article-text');
    for (const [documentTitle, sentence] of Object.entries(hostile.sentences)) {
      await page.getByTestId('document-row').filter({ hasText: documentTitle }).click();
      await expect(page.getByTestId('document-title')).toHaveText(documentTitle);
      await expect(article.getByText(sentence.slice(0, 60))).toBeVisible();
      // Inside the article there are sections of headings and paragraphs of text, and nothing else.
      const tags = await article.evaluate((root) =>
        [...new Set([...root.querySelectorAll('*')].map((e) => (e.matches('div.article-section') ? 'section' : e.tagName.toLowerCase())))],
      );
      expect(tags.filter((tag) => !['section', 'h1', 'p', 'span', 'br'].includes(tag)), documentTitle).toEqual([]);
      expect(await activeElements(page), documentTitle).toEqual([]);
    }

    // The markup-like text file shows its characters, in the list, the header and the text.
    await page.getByTestId('document-row').filter({ hasText: LITERAL }).click();
    await expect(page.getByTestId('document-title')).toHaveText(LITERAL);
    await expect(article).toContainText(`${LITERAL}`);
    await expect(article).toContainText('<script>alert(2)</script> and <a href="javascript:alert(3)">a link</a>');

    // A hover over a handler's paragraph and a click on a javascript: link's text do nothing;
    // what the page says about itself is shown as text too.
    await page.getByTestId('document-row').filter({ hasText: 'Depot shelled near Mosul' }).click();
    await expect(article).toContainText('Residents were told to stay indoors until the smoke cleared');
    // Its javascript: canonical address is not taken as the source; the file is.
    await expect(page.getByTestId('info-source')).toContainText('scripts.html');
    await expect(page.getByTestId('info-metadata')).toContainText(LITERAL);
    await article.getByText('Firefighters contained the blaze').hover();
    await article.getByText('Firefighters contained the blaze').click();
    await shot('hostile-page');

    // The 2 MB line: shown whole, and the page still answers the keyboard.
    await page.getByTestId('document-row').filter({ hasText: 'long-line' }).click();
    await expect(article.getByText('The long line begins here.', { exact: false })).toBeVisible();
    const shown = await article.evaluate((root) => root.textContent ?? '');
    expect(shown.length).toBeGreaterThanOrEqual(LONG_LINE.length);
    expect(shown.trimEnd().endsWith('The long line ends here.')).toBe(true);
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcut-overlay')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('shortcut-overlay')).toHaveCount(0);
    // Keyboard selection inside the line: the caret moves through it as through any text.
    await article.locator('p').first().click({ position: { x: 2, y: 8 } });
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('The');
    await shot('hostile-long-line');

    // Stored: the long line exactly, and of the pages their text alone, no script or address.
    const listed = valueOf(await served.call('documents.list', { offset: 0, limit: 50 })).items;
    const textOf = async (documentTitle: string) =>
      valueOf(await served.call('documents.get', { id: listed.find((d) => d.title === documentTitle)!.id })).text;
    expect(await textOf('long-line')).toBe(LONG_LINE);
    for (const pageTitle of ['Depot shelled near Mosul', 'Convoy ambushed on the highway']) {
      expect(await textOf(pageTitle)).not.toMatch(/alert|evil\.example|127\.0\.0\.1|<|url\(/);
    }

    expect(dialogs).toEqual([]);
    expect(await page.title()).toBe(title);
    expect(blocked).toEqual([]);
    expect(canaryHits).toEqual([]);
    // Every request went to the serve origin, for the UI's files or its API.
    const strays = requests.filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:') return false;
      return parsed.origin !== origin || !/^\/(?:$|index\.html$|assets\/|api\/)/.test(parsed.pathname);
    });
    expect(strays).toEqual([]);
  } finally {
    await new Promise((resolve) => canaryServer.close(resolve));
  }
});
