// Tells which of the article's blocks (its paragraphs and headings) are within a
// screen of the visible part of the article, so that their mentions are drawn before they
// scroll into sight (mentionDecorations.ts). It looks once per frame in which the article
// scrolled or the window changed size, just after that frame, when the layout it reads is
// still fresh (reading it before the frame's own layout would force one more), and draws
// two screens ahead, so that a steady scroll draws a few blocks every few frames rather
// than one in every frame. Not an IntersectionObserver on every block: with thousands of
// blocks, working out their intersections took several milliseconds a frame, and a scroll
// only ever moves the visible range a little from where it was.

import type { EditorView } from 'prosemirror-view';
import { blockElement } from './articleDocument';

export interface BlockDrawing {
  /** How many blocks the article has. */
  readonly blockCount: number;
  isDrawn(block: number): boolean;
  /// Draws these blocks' mentions (by block index).
  draw(blocks: readonly number[]): void;
}

export class VisibleBlocks {
  // Found at the first look, once the page's style is worked out: asking for an ancestor's
  // style while the view is new would work out the style of the whole new article at once.
  private scroller: HTMLElement | null | undefined = undefined;
  private frame = 0;
  private after = 0;
  // A block near the visible range at the last look, where the next one starts.
  private near = 0;
  private readonly schedule = () => {
    if (this.frame !== 0 || this.after !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.after = window.setTimeout(() => this.look());
    });
  };

  constructor(
    private readonly view: EditorView,
    private readonly drawing: BlockDrawing,
  ) {
    // Scroll events do not bubble, but a capturing listener hears those of every element.
    document.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule);
    // Once laid out: the first screenful drawn up front may not be the one in sight.
    this.schedule();
  }

  destroy(): void {
    document.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.after);
  }

  private look(): void {
    this.after = 0;
    const { view } = this;
    const count = this.drawing.blockCount;
    if (view.isDestroyed || count === 0) return;
    if (this.scroller === undefined) this.scroller = scrollingAncestor(view.dom);
    const sight = this.scroller ? this.scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    // Nothing to do while a screen each way is drawn; else draw two screens each way.
    const screen = sight.bottom - sight.top;
    if (this.drawnAround(sight.top - screen, sight.bottom + screen)) return;
    const top = sight.top - 2 * screen;
    const bottom = sight.bottom + 2 * screen;
    // Walk from where the range was to its new first block, then along it. Blocks that
    // are not shown (an empty one) have an empty box and are passed over.
    let i = Math.min(this.near, count - 1);
    while (i > 0 && (this.box(i).height === 0 || this.box(i).top > top)) i--;
    while (i < count - 1 && (this.box(i).height === 0 || this.box(i).bottom <= top)) i++;
    this.near = i;
    const wanted: number[] = [];
    for (; i < count; i++) {
      const b = this.box(i);
      if (b.height === 0) continue;
      if (b.top >= bottom) break;
      if (!this.drawing.isDrawn(i)) wanted.push(i);
    }
    if (wanted.length > 0) this.drawing.draw(wanted);
  }

  // Whether every block between `top` and `bottom` (viewport coordinates) is drawn, judged
  // by the blocks at both ends and at the last look's start.
  private drawnAround(top: number, bottom: number): boolean {
    const count = this.drawing.blockCount;
    const at = (y: number) => {
      let i = Math.min(this.near, count - 1);
      while (i > 0 && this.box(i).top > y) i--;
      while (i < count - 1 && this.box(i).bottom <= y) i++;
      return i;
    };
    const first = at(top);
    const last = at(bottom);
    for (let i = first; i <= last; i++) if (!this.drawing.isDrawn(i) && this.box(i).height > 0) return false;
    return true;
  }

  // A block's box; blocks are grouped in sections (articleDocument.ts).
  private box(index: number): DOMRect {
    return blockElement(this.view.dom, index)!.getBoundingClientRect();
  }
}

// The element whose scrolling moves the article, or null for the page's viewport.
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}
