// The span a label applies to: the editor's selection, converted to the contract's
// code-point offsets and snapped (core/wordSnap.ts). Snapping works on a window of the text
// around the selection, so marking a word in a 1 MB article does not segment all of it.

import type { EditorView } from 'prosemirror-view';
import type { Mention } from '../../common/model';
import type { OffsetMap } from '../../core/offsetMap';
import type { SnapMode } from '../../core/wordSnap';
import { snapRange } from '../../core/wordSnap';

/** A code-point span of the document's text. */
export interface Span {
  start: number;
  end: number;
}

// Words are far shorter; the window only has to reach past the word each end falls in.
const WINDOW = 256;

/// The snapped span of the selection, or null when it is empty or holds only whitespace
/// and punctuation.
export function selectedSpan(view: EditorView, map: OffsetMap, text: string, mode: SnapMode): Span | null {
  const { from, to } = shownSelection(view);
  if (from === to) return null;
  const u16From = map.toUtf16(map.posToCodePoint(from, 1));
  const u16To = map.toUtf16(map.posToCodePoint(to, -1));
  if (u16From >= u16To) return null;
  const windowStart = Math.max(0, u16From - WINDOW);
  const slice = text.slice(windowStart, Math.min(text.length, u16To + WINDOW));
  const range = snapRange(slice, u16From - windowStart, u16To - windowStart, mode);
  if (!range) return null;
  return { start: map.toCodePoint(windowStart + range.from, 1), end: map.toCodePoint(windowStart + range.to, -1) };
}

/// The selection as the analyst sees it. ProseMirror reads a new DOM selection on the
/// `selectionchange` event, which may not have run yet when a key follows a drag at once;
/// the DOM's own selection, when it lies in the article, is what is on screen.
export function shownSelection(view: EditorView): { from: number; to: number } {
  const dom = view.dom.ownerDocument.getSelection();
  if (dom && dom.rangeCount > 0 && dom.anchorNode && dom.focusNode && view.dom.contains(dom.anchorNode) && view.dom.contains(dom.focusNode)) {
    try {
      const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
      const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
      return { from: Math.min(anchor, head), to: Math.max(anchor, head) };
    } catch {
      // A DOM position ProseMirror does not map (an overlay's node): use its own selection.
    }
  }
  return { from: view.state.selection.from, to: view.state.selection.to };
}

/// The text of a span (code points) of the document's text.
export function spanText(text: string, map: OffsetMap, span: Span): string {
  return text.slice(map.toUtf16(span.start), map.toUtf16(span.end));
}

/// The mention that covers exactly `span`, if there is one.
export function mentionOnSpan(mentions: readonly Mention[], span: Span): Mention | undefined {
  return mentions.find((m) => m.start === span.start && m.end === span.end);
}
