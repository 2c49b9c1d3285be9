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

  let offset = 0;
  let previous = '';
  for (const char of text) {
    if (char === '\n' || char === '\r') {
      // "\r\n" is one line break, not an empty line between two.
      if (!(char === '\n' && previous === '\r')) {
        if (lineHasText) linesInBlock++;
        else closeBlock();
        lineHasText = false;
      }
    } else if (!/\s/u.test(char)) {
      if (blockStart < 0) blockStart = offset;
      blockEnd = offset + 1;
      lineHasText = true;
    }
    previous = char;
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

// A headline rarely ends with a full stop; a one-line opening sentence does.
function endsWithFullStop(text: string, block: Block): boolean {
  return sliceCodePoints(text, block.end - 1, block.end) === '.';
}
