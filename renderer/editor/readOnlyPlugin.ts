// Keeps the article's text immutable while leaving it a normal, focusable text surface.
//
// Why `editable: true` plus a filter, not `editable: false`: a non-editable view has no
// keyboard caret (Chromium draws one only in caret-browsing mode), so Shift+Arrow could
// not select text, and keyboard selection is how an analyst marks a span precisely. An
// editable view keeps the native caret, selection and copy; this plugin makes sure no
// change to the text ever lands:
//   1. filterTransaction refuses every transaction that changes the document, whatever
//      its origin (typing, paste, drop, cut, a DOM change ProseMirror read back, a bug).
//      Selection changes and metadata (e.g. the mention set) pass.
//   2. beforeinput, paste and drop are cancelled so the browser does not edit the DOM in
//      the first place (no flicker of a typed letter). IME composition cannot be
//      cancelled; ProseMirror reads it back, (1) refuses it and the view redraws the text.

import { Plugin } from 'prosemirror-state';

export function readOnlyPlugin(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      attributes: {
        'aria-readonly': 'true',
        'aria-multiline': 'true',
        role: 'textbox',
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        translate: 'no',
      },
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handlePaste: () => true,
      handleDrop: () => true,
    },
  });
}
