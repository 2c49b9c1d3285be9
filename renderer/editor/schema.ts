// The article schema: a document is one or more headings and paragraphs of plain text.
// No marks: annotations are not part of the text, they are decorations drawn over it
// (see mentionDecorations.ts), so the text stays byte-for-byte what was imported.

import { Schema } from 'prosemirror-model';

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    heading: {
      content: 'text*',
      group: 'block',
      defining: true,
      // dir="auto" lets a right-to-left (Arabic, Hebrew) block lay out by its own script.
      toDOM: () => ['h1', { class: 'article-heading', dir: 'auto' }, 0],
      parseDOM: [{ tag: 'h1' }],
    },
    paragraph: {
      content: 'text*',
      group: 'block',
      toDOM: () => ['p', { class: 'article-paragraph', dir: 'auto' }, 0],
      parseDOM: [{ tag: 'p' }],
    },
    text: {},
  },
  marks: {},
});
