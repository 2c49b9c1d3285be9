import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Block } from '../../../common/model';
import { blocksFromText, MAX_HEADING_LENGTH } from '../../../core/blocks';
import { codePointLength, sliceCodePoints, utf16Index } from '../../../core/codePoints';

describe('blocks', () => {
  test('paragraphs are separated by blank lines; a short first line is the headline', () => {
    const text = 'Rockets hit Baghdad\n\nThree rockets struck.\nNo one was hurt.\n\n\nOfficials said more.';
    assert.deepEqual(
      blocksFromText(text).map((b) => [b.kind, sliceCodePoints(text, b.start, b.end)]),
      [
        ['heading', 'Rockets hit Baghdad'],
        ['paragraph', 'Three rockets struck.\nNo one was hurt.'],
        ['paragraph', 'Officials said more.'],
      ],
    );
  });

  test('CRLF and lines of spaces separate paragraphs too; whitespace belongs to no block', () => {
    const text = '  Headline here  \r\n \t \r\n  First paragraph.  \r\n\r\nSecond.\n';
    const blocks = blocksFromText(text);
    assert.deepEqual(
      blocks.map((b) => sliceCodePoints(text, b.start, b.end)),
      ['Headline here', 'First paragraph.', 'Second.'],
    );
    assert.equal(blocks[0]!.kind, 'heading');
  });

  test('a first block that ends with a full stop, spans lines, is long or is alone is a paragraph', () => {
    assert.equal(blocksFromText('It happened.\n\nMore.')[0]!.kind, 'paragraph');
    assert.equal(blocksFromText('Two\nlines\n\nMore.')[0]!.kind, 'paragraph');
    assert.equal(blocksFromText(`${'long '.repeat(40)}\n\nMore.`)[0]!.kind, 'paragraph');
    assert.deepEqual(blocksFromText('Only a headline'), [{ kind: 'paragraph', start: 0, end: 15 }]);
    assert.deepEqual(blocksFromText(' \n\n '), []);
  });

  test('offsets are code points', () => {
    const text = '👍 Héadline 🚀\n\n👍👍 body';
    const blocks = blocksFromText(text);
    assert.deepEqual(blocks, [
      { kind: 'heading', start: 0, end: 12 },
      { kind: 'paragraph', start: 14, end: 21 },
    ]);
    assert.equal(sliceCodePoints(text, 14, 21), '👍👍 body');
  });

  test('any text gets the blocks a line-by-line reading of its code points gives', () => {
    // Pieces that stress the fast path: every kind of line break and white space, astral
    // characters and lone surrogates, full stops (the headline rule).
    const piece = fc.constantFrom('a', 'Word', '.', ' ', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', '\n', '\r', '\r\n', '👍', '\uD800', '\uDC00', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(blocksFromText(text), blocksByLines(text));
      }),
      { numRuns: 2_000 },
    );
  });
});

// The rule of blocksFromText said as plainly as possible: split the code points into
// lines, trim each, and group consecutive lines with text.
function blocksByLines(text: string): Block[] {
  const points = Array.from(text);
  const space = (i: number) => /\s/u.test(points[i]!);
  const blocks: Block[] = [];
  const lineCounts: number[] = [];
  let lineStart = 0;
  let open: { block: Block; lines: number } | null = null;
  for (let i = 0; i <= points.length; i++) {
    const atBreak = i === points.length || points[i] === '\n' || points[i] === '\r';
    if (!atBreak) continue;
    let first = lineStart;
    let last = i;
    while (first < last && space(first)) first++;
    while (last > first && space(last - 1)) last--;
    if (first < last) {
      if (open) {
        open.block.end = last;
        open.lines++;
      } else {
        open = { block: { kind: 'paragraph', start: first, end: last }, lines: 1 };
        blocks.push(open.block);
      }
    } else if (open) {
      lineCounts.push(open.lines);
      open = null;
    }
    if (points[i] === '\r' && points[i + 1] === '\n') i++;
    lineStart = i + 1;
  }
  if (open) lineCounts.push(open.lines);
  const head = blocks[0];
  if (head && blocks.length > 1 && lineCounts[0] === 1 && head.end - head.start < MAX_HEADING_LENGTH && points[head.end - 1] !== '.') {
    head.kind = 'heading';
  }
  return blocks;
}

describe('code points', () => {
  test('length, slice and UTF-16 index agree with Python-style code points', () => {
    const text = 'a👍b\u0301c';
    assert.equal(codePointLength(text), 5);
    assert.equal(codePointLength(''), 0);
    assert.equal(sliceCodePoints(text, 1, 2), '👍');
    assert.equal(utf16Index(text, 2), 3);
    assert.equal(utf16Index(text, 99), text.length);
    // A lone surrogate counts as one code point, as iteration does.
    assert.equal(codePointLength('x\uD800y'), 3);
    assert.equal(codePointLength('👍 US embassy'), 12);
  });
});
