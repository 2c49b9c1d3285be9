// Until a section of the article is settled, its paragraphs out of sight are neither laid
// out nor painted (`content-visibility: auto`, editor.css), each with a guessed height: a
// 1 MB article opens in a fraction of the time. Kept up, the browser's tracking of
// thousands of such paragraphs cost several milliseconds in every frame of a scroll, so
// sections are settled (laid out in full, once) in idle time, one after another, each
// costing a millisecond or two: a scroll never meets the whole article's layout at once.

import type { NodeViewConstructor } from 'prosemirror-view';

/** Past this, a section is settled at each chance even without idle time. */
const SETTLE_WITHIN = 2_000;

/// The section's element. Its class list is this module's to change (`is-settled`);
/// ProseMirror must not read that as an edit of the document.
export const sectionNodeView: NodeViewConstructor = () => {
  const dom = document.createElement('div');
  dom.className = 'article-section';
  return { dom, contentDOM: dom, ignoreMutation: (mutation) => mutation.type === 'attributes' && mutation.attributeName === 'class' };
};

/// Settles the sections of the view's element `root` in idle time; returns what stops it.
export function settleSections(root: HTMLElement): () => void {
  let next = 0;
  let handle = 0;
  const step = (deadline: IdleDeadline) => {
    const sections = root.children;
    // Without idle time (a busy machine), one at each chance the timeout gives.
    let budget = deadline.didTimeout ? 1 : Infinity;
    while (next < sections.length && budget-- > 0 && (deadline.didTimeout || deadline.timeRemaining() > 4)) {
      const section = sections[next++]!;
      section.classList.add('is-settled');
      // Laid out now, in the idle time, rather than in the next frame.
      section.getBoundingClientRect();
    }
    if (next < sections.length) handle = requestIdleCallback(step, { timeout: SETTLE_WITHIN });
  };
  handle = requestIdleCallback(step, { timeout: SETTLE_WITHIN });
  return () => cancelIdleCallback(handle);
}
