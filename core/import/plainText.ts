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


/// Reads one article. `markdown` also makes `#` heading lines heading blocks and takes the
/// title without its `#`.
export function readPlainText(text: string, file: string, options: { markdown: boolean }): ReadResult {
  const result = emptyResult();
  const blocks = options.markdown ? markdownBlocks(text) : blocksFromText(text);
  const first = blocks[0];
  let title = '';
  if (first?.kind === 'heading') {
    const line = sliceCodePoints(text, first.start, first.end);
    title = options.markdown ? (atxHeading(line) ?? line) : line;
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
    if (!/[\r\n]/.test(content) && atxHeading(content) !== null) block.kind = 'heading';
  }
  return blocks;
}

/// The text of an ATX heading line (`## Title ##`): one to six `#` after at most three
/// spaces, then a space or tab; closing `#`s with a space or tab before them are not part
/// of it. null for any other line. Trimmed by hand: the regular expression that did it in
/// one go backtracked quadratically over a long run of spaces inside the line.
export function atxHeading(line: string): string | null {
  const opening = /^ {0,3}#{1,6}[ \t]/.exec(line);
  if (!opening || /[\n\r\u2028\u2029]/.test(line)) return null;
  let start = opening[0].length;
  while (isBlank(line[start])) start++;
  let end = trimmedEnd(line, start, line.length);
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  // `# Title ##` closes; `# C#` does not, and neither does `# ##`, whose text is "##".
  if (hashes < end && hashes > start && isBlank(line[hashes - 1])) end = trimmedEnd(line, start, hashes);
  return line.slice(start, end);
}

// `end` moved back over the spaces and tabs before it, never before `start`.
function trimmedEnd(line: string, start: number, end: number): number {
  while (end > start && isBlank(line[end - 1])) end--;
  return end;
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}
