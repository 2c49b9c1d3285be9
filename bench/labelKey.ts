// A label key pressed in the served app, timed in the page: selecting a word as a drag
// would, pressing the key, and timing the span's paint, the next frame, the browser's own
// Event Timing and the saved mention; with the baselines the editor benchmark sets them
// against (ArrowRight on the same selection, a no-op call's round trip).

import type { Page } from '@playwright/test';
import { settle } from './servedApp';

/** One press of a label key, timed from its keydown (ms). */
export interface AddFigures {
  /** To the first frame after the key, whatever is drawn: the floor of any repaint. */
  firstFrame: number;
  /** To the span painted as being saved, in the DOM and laid out (null: never seen). */
  pendingLaidOut: number | null;
  /**
   * The browser's own Event Timing for the keydown: from the key to the next frame presented,
   * in 8 ms steps; null when under 16 ms (the API reports nothing shorter).
   */
  nextPaint: number | null;
  /** Whether it was in the first frame after the key. */
  inFirstFrame: boolean;
  /** To the saved mention (with its id) in the DOM, plus a frame: what a mention took before spans were painted as pending. */
  saved: number;
  createMs: number | null;
  afterAnswerMs: number | null;
  drawn: boolean;
}

/// Selects `word` (unique in the article) as a drag would, and lets ProseMirror read it.
async function selectWord(page: Page, word: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector<HTMLElement>('[data-testid="article-text"]')!;
    root.focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the article`);
  }, word);
  // ProseMirror reads the DOM selection on selectionchange, and the mentions of blocks
  // scrolled near are drawn a frame later; let both run.
  await settle(page);
}

/// The baseline of a label key: the same selection, collapsed by ArrowRight, which the
/// browser does itself (no app code runs); its Event Timing, as for the label key.
export async function collapseWithArrow(page: Page, word: string): Promise<number | null> {
  await selectWord(page, word);
  const before = await page.evaluate(() => (window as unknown as { benchKeyTimings: unknown[] }).benchKeyTimings.length);
  await page.evaluate(() => {
    const w = window as unknown as { benchArrowAt: number };
    window.addEventListener('keydown', () => (w.benchArrowAt = performance.now()), { capture: true, once: true });
  });
  await page.keyboard.press('ArrowRight');
  return page.evaluate(async (before) => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const w = window as unknown as { benchKeyTimings: PerformanceEventTiming[]; benchArrowAt: number };
    const timing = w.benchKeyTimings.slice(before).find((e) => Math.abs(e.processingStart - w.benchArrowAt) < 2);
    return timing ? timing.duration : null;
  }, before);
}

/// Selects `word` (unique in the article) as a drag would, presses 1 and times, from the
/// keydown: the span painted as being saved (laid out, and in a painted frame), the next
/// frame whatever it shows (the floor: a key lands anywhere in the 16.7 ms between two
/// frames), and the saved mention drawn; and from the last byte of the services' answer
/// to the saved mention.
export async function addMention(page: Page, word: string): Promise<AddFigures> {
  await selectWord(page, word);
  await page.evaluate((wanted) => {
    const article = document.querySelector<HTMLElement>('[data-testid="article-text"]')!;
    // ProseMirror may draw a span by patching the elements after it in its paragraph
    // (attributes, text) as well as by adding one.
    const isSaved = (node: Node) => {
      const element = node instanceof Element ? node : node.parentElement;
      return (
        element !== null &&
        [element, ...element.querySelectorAll('[data-mention-id]')].some((el) => el.hasAttribute('data-mention-id') && el.textContent === wanted)
      );
    };
    type Timings = { started: number; firstFrame: number; pendingLaidOut: number | null; savedAt: number; saved: number };
    const w = window as unknown as { benchAdded: Promise<Timings> };
    w.benchAdded = new Promise((resolve) => {
      const t: Timings = { started: 0, firstFrame: 0, pendingLaidOut: null, savedAt: 0, saved: 0 };
      window.addEventListener(
        'keydown',
        () => {
          t.started = performance.now();
          requestAnimationFrame(() => (t.firstFrame = performance.now() - t.started));
        },
        { capture: true, once: true },
      );
      // The span being saved is a CSS highlight (no element): looked for in the page's
      // registry once the app's own keydown handler (on window, added before this) has run.
      window.addEventListener(
        'keydown',
        () => {
          const painted = [...CSS.highlights.values()].some((h) => [...h].some((r) => r.toString() === wanted));
          if (!painted) return;
          document.body.getBoundingClientRect(); // style and layout, as the frame will need them
          t.pendingLaidOut = performance.now() - t.started;
        },
        { once: true },
      );
      const observer = new MutationObserver((records) => {
        if (t.started === 0) return;
        if (records.some((r) => [r.target, ...r.addedNodes].some(isSaved))) {
          t.savedAt = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => {
            t.saved = performance.now() - t.started;
            resolve(t);
          });
        }
      });
      observer.observe(article, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  }, word);
  await page.keyboard.press('1');
  return page.evaluate(async (wanted) => {
    type Timings = { started: number; firstFrame: number; pendingLaidOut: number | null; savedAt: number; saved: number };
    const w = window as unknown as { benchAdded: Promise<Timings> };
    const t = await w.benchAdded;
    const create = performance
      .getEntriesByType('resource')
      .find((e) => e.name.endsWith('/api/mentions.create') && e.startTime >= t.started) as PerformanceResourceTiming | undefined;
    const drawn = Array.from(document.querySelectorAll('[data-testid="article-text"] [data-mention-id]')).some(
      (el) => el.textContent === wanted,
    );
    // Event Timing entries arrive with the frame after the one they end in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const timing = (window as unknown as { benchKeyTimings: PerformanceEventTiming[] }).benchKeyTimings.find(
      (e) => Math.abs(e.processingStart - t.started) < 2,
    );
    return {
      firstFrame: t.firstFrame,
      pendingLaidOut: t.pendingLaidOut,
      nextPaint: timing ? timing.duration : null,
      inFirstFrame: t.pendingLaidOut !== null && t.pendingLaidOut <= t.firstFrame,
      saved: t.saved,
      createMs: create ? create.duration : null,
      afterAnswerMs: create ? t.savedAt - create.responseEnd : null,
      drawn,
    };
  }, word);
}

/// One call that changes nothing, timed in the page: the floor under any edit's round trip.
export async function noOpRoundTrip(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const token = sessionStorage.getItem('spanlab.token') ?? '';
    const started = performance.now();
    const response = await fetch('/api/project.current', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({}),
    });
    await response.json();
    return performance.now() - started;
  });
}
