import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blocksFromText } from '../../../core/blocks';
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
});

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
