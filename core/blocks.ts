// Splits a plain-text article into the headings and paragraphs the editor shows. The
// blocks are stored with the document (documents.blocks) so that every view of it agrees,
// and they are code-point ranges like every other offset (see db/schema.ts).

import type { Block } from '../common/model';
import { hasSurrogates } from './codePoints';
import { firstIndex } from './firstIndex';

/// A first block at least this short (in code points) may be a headline.
export const MAX_HEADING_LENGTH = 150;

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/// The blocks of `text`: paragraphs are separated by one or more blank lines (a blank line
/// may hold spaces; `\n`, `\r\n` and `\r` all end a line). Each block is trimmed, so a
/// stretch of whitespace belongs to no block. The first block is a `heading` when there is
/// more than one block and it is one short line that does not end with a full stop — the
/// usual shape of a headline at the top of a pasted article.
export function blocksFromText(text: string): Block[] {
  // An import splits 50 MB of text into blocks, so the text is walked a line at a time:
  // indexOf finds each line's end, and only the white space between lines and at their
  // ends is looked at character by character. Indices are UTF-16 units until stored.
  const codePoint = codePointCounter(text);
  const blocks: Block[] = [];
  let start = -1; // the current block's first character
  let end = -1; // just after its last
  let lines = 0;
  let headline = false; // whether the first block is one line that does not end with "."
  const close = () => {
    if (blocks.length === 0) headline = lines === 1 && text.charCodeAt(end - 1) !== 0x2e;
    blocks.push({ kind: 'paragraph', start: codePoint(start), end: codePoint(end) });
  };

  let nextReturn = -1; // the next "\r" at or after `position`, kept: most texts have none
  let position = 0;
  while (position < text.length) {
    // White space up to the next line's text; two line breaks in it mean a blank line.
    let breaks = 0;
    let first = position;
    for (; first < text.length; first++) {
      const unit = text.charCodeAt(first);
      if (unit === 0x0d || (unit === 0x0a && text.charCodeAt(first - 1) !== 0x0d)) breaks++;
      else if (unit !== 0x0a && !isSpace(unit)) break;
    }
    if (first === text.length) break;
    if (start >= 0 && breaks >= 2) close();
    if (start < 0 || breaks >= 2) {
      start = first;
      lines = 0;
    }
    lines++;

    // The line runs to its line break; its trailing white space is no part of the block.
    if (nextReturn !== Infinity && nextReturn < first) {
      const found = text.indexOf('\r', first);
      nextReturn = found < 0 ? Infinity : found;
    }
    const newline = text.indexOf('\n', first);
    position = Math.min(newline < 0 ? text.length : newline, nextReturn);
    end = position;
    while (isSpace(text.charCodeAt(end - 1))) end--;
  }
  if (start >= 0) close();

  const head = blocks[0];
  if (head && blocks.length > 1 && headline && head.end - head.start < MAX_HEADING_LENGTH) head.kind = 'heading';
  return blocks;
}

// A UTF-16 index → code-point offset converter. A surrogate pair is one code point; a lone
// surrogate counts as one too, as iterating a string does.
function codePointCounter(text: string): (index: number) => number {
  if (!hasSurrogates(text)) return (index) => index;
  const pairs: number[] = [];
  SURROGATE_PAIR.lastIndex = 0;
  for (let m = SURROGATE_PAIR.exec(text); m !== null; m = SURROGATE_PAIR.exec(text)) pairs.push(m.index);
  // Less one for every pair that starts before `index` (a block boundary is never inside one).
  return (index) => index - firstIndex(pairs.length, (k) => pairs[k]! >= index);
}

// White space as /\s/ has it, line breaks included.
function isSpace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return /\s/.test(String.fromCharCode(unit));
}
