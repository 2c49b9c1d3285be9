// What the annotation editor's end-to-end tests do to the page: open the sample article,
// select a phrase exactly as an analyst's drag would (a DOM range over the text, which
// ProseMirror reads back as its selection), and find what the editor drew.

import type { Locator, Page } from '@playwright/test';
import { expect, openApp } from './fixtures';
import type { Served } from './fixtures';

/// Opens the app and the first (the sample) document; returns the article's text element.
export async function openSample(page: Page, served: Served): Promise<Locator> {
  await openApp(page, served);
  await page.getByTestId('document-row').first().click();
  const article = page.getByTestId('article-text');
  await expect(article).toBeVisible();
  return article;
}

/// Selects the `occurrence`-th (0-based) occurrence of `phrase` in the article, with the
/// keyboard focus in the text, as a mouse drag over it would.
export async function selectText(page: Page, phrase: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    ([wanted, nth]) => {
      const root = document.querySelector<HTMLElement>('[data-testid="article-text"]')!;
      root.focus();
      // The article's text nodes and where each starts in their concatenation.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; at: number }[] = [];
      let text = '';
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        nodes.push({ node, at: text.length });
        text += node.data;
      }
      let start = -1;
      for (let i = 0; i <= nth; i++) start = text.indexOf(wanted, start + 1);
      if (start < 0) throw new Error(`"${wanted}" is not in the article`);
      const point = (offset: number, end: boolean) => {
        const hit = nodes.findLast((n) => (end ? n.at < offset : n.at <= offset))!;
        return [hit.node, offset - hit.at] as const;
      };
      const range = document.createRange();
      range.setStart(...point(start, false));
      range.setEnd(...point(start + wanted.length, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    [phrase, occurrence] as const,
  );
  // ProseMirror reads the DOM selection on selectionchange; let that event run.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
}

/// The drawn mention whose text is exactly `text` (its elements, when nested mentions split it).
export function mentionNamed(article: Locator, text: string): Locator {
  return article.locator('[data-mention-id]').filter({ hasText: new RegExp(`^${escape(text)}$`) });
}

/// Code-point offsets of the `occurrence`-th `phrase` in `text`, as the contract counts them.
export function spanOf(text: string, phrase: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(phrase).length };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/// Clicks the middle of the first line box of `target` (a mention that wraps onto a second
/// line has a bounding box whose centre may be on neither line).
export async function clickText(page: Page, target: Locator): Promise<void> {
  const { x, y } = await textPoint(target);
  await page.mouse.click(x, y);
}

/// Where clickText clicks `target`, scrolled into the middle of the text first.
export async function textPoint(target: Locator): Promise<{ x: number; y: number }> {
  return target.evaluate((el) => {
    // In the middle of the scrolled text, clear of the bars above and below it.
    el.scrollIntoView({ block: 'center' });
    const rect = el.getClientRects()[0]!;
    return { x: rect.x + Math.min(rect.width / 2, 12), y: rect.y + rect.height / 2 };
  });
}
