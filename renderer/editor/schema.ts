// The article schema: a document is one or more headings and paragraphs of plain text,
// grouped in sections of a fixed number of blocks (articleDocument.ts). No marks:
// annotations are not part of the text, they are decorations drawn over it (see
// mentionDecorations.ts), so the text stays byte-for-byte what was imported.
//
// Sections are there for the browser: with thousands of paragraphs side by side, a change
// to one (a mention drawn) made Chromium lay out all of them again, 10–40 ms at 1 MB; in
// sections it lays out one section's paragraphs and steps over the other sections.

import { Schema } from 'prosemirror-model';

export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'section+' },
    section: {
      content: 'block+',
      toDOM: () => ['div', { class: 'article-section' }, 0],
      parseDOM: [{ tag: 'div.article-section' }],
    },
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
