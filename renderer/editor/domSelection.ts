// Redraws that do not come from the analyst's own input (an answer from the services, a
// block scrolled into view) can arrive between a change of the DOM selection (a drag, a
// double-click, Shift+Arrow) and the selectionchange event through which ProseMirror reads
// it. ProseMirror would then put the selection it last read back into the DOM as it
// redraws, undoing what the analyst just selected; such a transaction carries the DOM's
// selection along instead.

import type { Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/// `tr`, with the DOM's selection when it lies in the view and differs from ProseMirror's
/// (and `tr` does not set a selection of its own).
export function withDOMSelection(view: EditorView, tr: Transaction): Transaction {
  if (tr.selectionSet || !view.hasFocus()) return tr;
  const selection = document.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return tr;
  try {
    const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(focusNode, selection.focusOffset);
    if (anchor !== tr.selection.anchor || head !== tr.selection.head) tr.setSelection(TextSelection.create(tr.doc, anchor, head));
  } catch {
    // A DOM point ProseMirror cannot place: leave the selection it has.
  }
  return tr;
}
