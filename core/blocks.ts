// Splits a plain-text article into the headings and paragraphs the editor shows. The
// blocks are stored with the document (documents.blocks) so that every view of it agrees,
// and they are code-point ranges like every other offset (see db/schema.ts).

import type { Block } from '../common/model';
import { sliceCodePoints } from './codePoints';

/// A first block at least this short (in code points) may be a headline.
export const MAX_HEADING_LENGTH = 150;

/// The blocks of `text`: paragraphs are separated by one or more blank lines (a blank line
/// may hold spaces; `\n`, `\r\n` and `\r` all end a line). Each block is trimmed, so a
/// stretch of whitespace belongs to no block. The first block is a `heading` when there is
/// more than one block and it is one short line that does not end with a full stop — the
/// usual shape of a headline at the top of a pasted article.
export function blocksFromText(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1; // code-point offset of the current block's first non-space character
  let blockEnd = -1; // code-point offset just after its last non-space character
  let lineHasText = false;
  let linesInBlock = 0;
  const lineCounts: number[] = [];

  const closeBlock = () => {
    if (blockStart >= 0) {
      blocks.push({ kind: 'paragraph', start: blockStart, end: blockEnd });
      lineCounts.push(linesInBlock);
    }
    blockStart = -1;
    blockEnd = -1;
    linesInBlock = 0;
  };

  // One pass over UTF-16 units counting code points: an import splits 50 MB of text into
  // blocks, so this loop avoids allocating a string per character and a regex test per
  // ASCII one.
  let offset = 0;
  let afterCarriageReturn = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x0a || unit === 0x0d) {
      // "\r\n" is one line break, not an empty line between two.
      if (!(unit === 0x0a && afterCarriageReturn)) {
        if (lineHasText) linesInBlock++;
        else closeBlock();
        lineHasText = false;
      }
      afterCarriageReturn = unit === 0x0d;
    } else {
      afterCarriageReturn = false;
      // A surrogate pair is one code point, and no astral character is white space.
      const pair = unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
      if (pair) i++;
      else if (isSpace(unit)) {
        offset++;
        continue;
      }
      if (blockStart < 0) blockStart = offset;
      blockEnd = offset + 1;
      lineHasText = true;
    }
    offset++;
  }
  if (lineHasText) linesInBlock++;
  closeBlock();

  const first = blocks[0];
  if (
    first &&
    blocks.length > 1 &&
    lineCounts[0] === 1 &&
    first.end - first.start < MAX_HEADING_LENGTH &&
    !endsWithFullStop(text, first)
  ) {
    first.kind = 'heading';
  }
  return blocks;
}

// White space as /\s/u has it (line breaks are handled before this is asked).
function isSpace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return /\s/u.test(String.fromCharCode(unit));
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// A headline rarely ends with a full stop; a one-line opening sentence does.
function endsWithFullStop(text: string, block: Block): boolean {
  return sliceCodePoints(text, block.end - 1, block.end) === '.';
}
