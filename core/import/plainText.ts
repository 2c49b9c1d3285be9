// Plain-text articles (.txt) and Markdown (.md). The text is stored exactly as read, markup
// included: offsets into it must mean the same thing to every tool that reads the file.
// Paragraphs are separated by blank lines (core/blocks.ts). The title is the first line when
// it looks like a headline, else the file's name.

import type { Block } from '../../common/model';
import { blocksFromText } from '../blocks';
import { sliceCodePoints } from '../codePoints';
import { draftDocument } from './draftDocument';
import type { ReadResult } from './readResult';
import { accept, emptyResult } from './readResult';

const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;

/// Reads one article. `markdown` also makes `#` heading lines heading blocks and takes the
/// title without its `#`.
export function readPlainText(text: string, file: string, options: { markdown: boolean }): ReadResult {
  const result = emptyResult();
  const blocks = options.markdown ? markdownBlocks(text) : blocksFromText(text);
  const first = blocks[0];
  let title = '';
  if (first?.kind === 'heading') {
    const line = sliceCodePoints(text, first.start, first.end);
    title = options.markdown ? (ATX_HEADING.exec(line)?.[2] ?? line) : line;
  }
  const document = draftDocument({ id: fileStem(file), text, title: title || fileStem(file), source: file, blocks });
  accept(result, document, { file });
  return result;
}

/// The file's name without folders and extension: a document's id and fallback title.
export function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, '') || name;
}

// Paragraph blocks as for plain text (whose headline rule may make the first one a
// heading); any other one-line block that is an ATX heading (`# …`) becomes a heading too.
function markdownBlocks(text: string): Block[] {
  const blocks = blocksFromText(text);
  for (const block of blocks) {
    const content = sliceCodePoints(text, block.start, block.end);
    if (!/[\r\n]/.test(content) && ATX_HEADING.test(content)) block.kind = 'heading';
  }
  return blocks;
}
