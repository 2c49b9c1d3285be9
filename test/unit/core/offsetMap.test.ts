import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Schema, type Node as PMNode } from 'prosemirror-model';
import { OffsetMap } from '../../../core/offsetMap';
import type { Block } from '../../../common/model';

// The same document shape the renderer builds: one textblock per block, holding its slice.
// Built here from prosemirror-model itself, so positions are checked against the real thing.
// With `sectionSize`, runs of that many blocks are wrapped in a section node, as the editor does.
const schema = new Schema({
  nodes: {
    doc: { content: '(block | section)+' },
    section: { content: 'block+' },
    heading: { content: 'text*', group: 'block' },
    paragraph: { content: 'text*', group: 'block' },
    text: {},
  },
});

function buildDoc(text: string, blocks: Block[], sectionSize = 0): PMNode {
  const cps = Array.from(text);
  const nodes = blocks.map((b) => {
    const slice = cps.slice(b.start, b.end).join('');
    return schema.node(b.kind, null, slice ? [schema.text(slice)] : []);
  });
  if (sectionSize === 0) return schema.node('doc', null, nodes);
  const sections: PMNode[] = [];
  for (let i = 0; i < nodes.length; i += sectionSize) sections.push(schema.node('section', null, nodes.slice(i, i + sectionSize)));
  return schema.node('doc', null, sections);
}

/** Python's text[start:end]: the reference every conversion must agree with. */
function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Blocks for the lines of `text` that are not blank, split on \n or \r\n. */
function lineBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const cps = Array.from(text);
  let start = 0;
  for (let i = 0; i <= cps.length; i++) {
    if (i === cps.length || cps[i] === '\n' || cps[i] === '\r') {
      if (i > start) blocks.push({ kind: blocks.length === 0 ? 'heading' : 'paragraph', start, end: i });
      start = i + 1;
    }
  }
  return blocks;
}

/** Checks every code-point offset of every block against the real ProseMirror document. */
function assertAgreesWithDoc(text: string, blocks: Block[], sectionSize = 0): void {
  const map = new OffsetMap(text, blocks, sectionSize);
  const doc = buildDoc(text, blocks, sectionSize);
  assert.equal(map.docSize, doc.content.size);
  for (const b of blocks) {
    for (let s = b.start; s <= b.end; s++) {
      for (let e = s; e <= b.end; e++) {
        const from = map.toPos(s, 1)!;
        const to = map.toPos(e, -1)!;
        assert.equal(doc.textBetween(from, to), cpSlice(text, s, e), `[${s}, ${e}) of ${JSON.stringify(text)}`);
      }
    }
  }
}

test('plain ASCII: code points, UTF-16 units and offsets agree', () => {
  const text = 'Hello world';
  const map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: 11 }]);
  assert.equal(map.codePointLength, 11);
  assert.equal(map.utf16Length, 11);
  for (let i = 0; i <= 11; i++) {
    assert.equal(map.toUtf16(i), i);
    assert.equal(map.toCodePoint(i), i);
    assert.equal(map.toPos(i), i + 1);
  }
});

test('emoji: each astral character is one code point and two UTF-16 units', () => {
  const text = 'Rally 🇫🇷 in Paris 😀, family 👩‍👩‍👧 attends';
  const cps = Array.from(text);
  const map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: cps.length }]);
  assert.equal(map.codePointLength, cps.length);
  assert.equal(map.utf16Length, text.length);
  let u16 = 0;
  for (let cp = 0; cp <= cps.length; cp++) {
    assert.equal(map.toUtf16(cp), u16, `toUtf16(${cp})`);
    assert.equal(map.toCodePoint(u16), cp, `toCodePoint(${u16})`);
    u16 += cps[cp]?.length ?? 0;
  }
  assertAgreesWithDoc(text, [{ kind: 'paragraph', start: 0, end: cps.length }]);
});

test('a UTF-16 index inside a surrogate pair resolves to either side of the character', () => {
  const text = 'a😀b';
  const map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: 3 }]);
  assert.equal(map.toCodePoint(2, -1), 1);
  assert.equal(map.toCodePoint(2, 1), 2);
  // Position 3 is inside the pair in the editor too (content starts at 1).
  assert.equal(map.posToCodePoint(3, -1), 1);
  assert.equal(map.posToCodePoint(3, 1), 2);
});

test('a mention over an emoji covers exactly its two UTF-16 units', () => {
  const text = 'Crowds 🎉 cheered';
  const map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: Array.from(text).length }]);
  const range = map.rangeToPos(7, 8)!;
  assert.equal(buildDoc(text, map.blocks.slice()).textBetween(range.from, range.to), '🎉');
});

test('Arabic headline and paragraph agree with ProseMirror positions', () => {
  const text = 'قمة القاهرة\n\nاجتمع الوزراء في القاهرة يوم الأحد لبحث الأزمة.';
  assertAgreesWithDoc(text, lineBlocks(text));
});

test('combining marks count as their own code points', () => {
  // "é" written as e + U+0301, and a Vietnamese word with stacked marks.
  const text = 'Cafe\u0301 Vie\u0323\u0302t';
  const cps = Array.from(text);
  assert.equal(cps.length, 12);
  const map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: cps.length }]);
  assert.equal(map.codePointLength, 12);
  assert.equal(map.toUtf16(5), 5); // BMP only: units and code points coincide
  assertAgreesWithDoc(text, [{ kind: 'paragraph', start: 0, end: cps.length }]);
});

test('CRLF text: line breaks between blocks are not in the document', () => {
  const text = 'Floods hit 🌊 coast\r\n\r\nResidents fled on Monday.\r\nMore rain is due.\r\n';
  const blocks = lineBlocks(text);
  assert.equal(blocks.length, 3);
  assertAgreesWithDoc(text, blocks);
  const map = new OffsetMap(text, blocks);
  const first = blocks[0]!;
  const second = blocks[1]!;
  // An offset in the gap (on the \r) goes to the end of the heading as an end, and to
  // the start of the next paragraph as a start.
  assert.equal(map.toPos(first.end + 1, -1), map.toPos(first.end, -1));
  assert.equal(map.toPos(first.end + 1, 1), map.toPos(second.start, 1));
  // A span wholly in the gap has nothing to draw.
  assert.equal(map.rangeToPos(first.end, second.start), null);
  // A span across the break keeps both ends exact.
  const doc = buildDoc(text, blocks);
  const range = map.rangeToPos(first.end - 5, second.start + 9)!;
  assert.equal(doc.textBetween(range.from, range.to, '|'), 'coast|Residents');
});

test('touching blocks: a boundary offset belongs to the block the range is in', () => {
  const text = 'HeadlineBody';
  const blocks: Block[] = [
    { kind: 'heading', start: 0, end: 8 },
    { kind: 'paragraph', start: 8, end: 12 },
  ];
  const map = new OffsetMap(text, blocks);
  assert.equal(map.toPos(8, -1), 9); // end of the heading's content
  assert.equal(map.toPos(8, 1), 11); // start of the paragraph's content
  assertAgreesWithDoc(text, blocks);
});

for (const sectionSize of [0, 1, 2]) {
  test(`every position maps to a code point and back${sectionSize ? `, blocks in sections of ${sectionSize}` : ''}`, () => {
    const text = 'Title 📰\n\nمرحبا 😀 world e\u0301\n\nEnd\nLast line';
    const blocks = lineBlocks(text);
    const map = new OffsetMap(text, blocks, sectionSize);
    const doc = buildDoc(text, blocks, sectionSize);
    assertAgreesWithDoc(text, blocks, sectionSize);
    let previous = 0;
    for (let pos = 0; pos <= map.docSize; pos++) {
      const $pos = doc.resolve(pos);
      const cp = map.posToCodePoint(pos, -1);
      // Between blocks and between sections a position resolves to the nearest content
      // edge: within the text, and never before an earlier position's.
      assert.ok(cp >= previous && cp <= map.codePointLength, `pos ${pos} → ${cp}`);
      previous = cp;
      if ($pos.parent.isTextblock && pos !== $pos.start() - 1) {
        const index = sectionSize ? $pos.index(0) * sectionSize + $pos.index(1) : $pos.index(0);
        const block = blocks[index]!;
        const before = doc.textBetween($pos.start(), pos);
        // Positions inside a surrogate pair are not character boundaries; skip them.
        if (before.length && /[\uD800-\uDBFF]$/.test(before)) continue;
        assert.equal(cp, block.start + Array.from(before).length, `pos ${pos}`);
        assert.equal(map.toPos(cp, index === 0 || cp > block.start ? -1 : 1), pos, `back from ${cp}`);
      }
    }
  });
}

test('empty blocks take two positions and hold nothing', () => {
  const text = 'AB';
  const blocks: Block[] = [
    { kind: 'heading', start: 0, end: 0 },
    { kind: 'paragraph', start: 0, end: 2 },
  ];
  const map = new OffsetMap(text, blocks);
  assert.equal(map.docSize, buildDoc(text, blocks).content.size);
  assert.equal(map.toPos(0, 1), 3);
  assert.equal(map.blockStart(1), 2);
});

test('blocks out of order, overlapping or past the text are refused', () => {
  assert.throws(() => new OffsetMap('abcdef', [{ kind: 'paragraph', start: 0, end: 7 }]), RangeError);
  assert.throws(
    () =>
      new OffsetMap('abcdef', [
        { kind: 'paragraph', start: 0, end: 4 },
        { kind: 'paragraph', start: 3, end: 6 },
      ]),
    RangeError,
  );
  assert.throws(() => new OffsetMap('abc', [{ kind: 'paragraph', start: 2, end: 1 }]), RangeError);
});

test('offsets outside the text are refused, not clamped', () => {
  const map = new OffsetMap('a😀', [{ kind: 'paragraph', start: 0, end: 2 }]);
  assert.throws(() => map.toUtf16(3), RangeError);
  assert.throws(() => map.toUtf16(-1), RangeError);
  assert.throws(() => map.toCodePoint(4), RangeError);
  assert.throws(() => map.toPos(1.5), RangeError);
  assert.throws(() => map.posToCodePoint(6), RangeError);
});

test('a document without blocks has no positions', () => {
  const map = new OffsetMap('text', []);
  assert.equal(map.docSize, 0);
  assert.equal(map.toPos(2), null);
  assert.equal(map.rangeToPos(0, 4), null);
});

test('a lone surrogate counts as one code point, as Array.from does', () => {
  const text = 'a\uD800b';
  const map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: 3 }]);
  assert.equal(map.codePointLength, Array.from(text).length);
  assert.equal(map.toUtf16(2), 2);
});

test('a 1 MB article with emoji: setup is linear and lookups are logarithmic', () => {
  const line = 'Markets rallied 📈 after the central bank held rates; analysts said ';
  const paragraphs: string[] = [];
  let length = 0;
  while (length < 1_000_000) {
    paragraphs.push(line.repeat(8));
    length += paragraphs.at(-1)!.length + 2;
  }
  const text = paragraphs.join('\n\n');
  const blocks = lineBlocks(text);

  const setupStart = performance.now();
  const map = new OffsetMap(text, blocks);
  const setupMs = performance.now() - setupStart;

  const lookups = 200_000;
  const lookupStart = performance.now();
  let check = 0;
  for (let i = 0; i < lookups; i++) {
    const cp = (i * 7919) % map.codePointLength;
    check += map.toUtf16(cp) + (map.toPos(cp, 1) ?? 0);
  }
  const lookupMs = performance.now() - lookupStart;
  assert.ok(check > 0);
  // Generous bounds so a slow CI machine passes; a quadratic version takes seconds.
  assert.ok(setupMs < 500, `setup took ${setupMs.toFixed(1)} ms`);
  assert.ok(lookupMs < 1_500, `${lookups} lookups took ${lookupMs.toFixed(1)} ms`);

  // Spot-check exactness far into the text.
  const last = blocks.at(-1)!;
  const doc = buildDoc(text, blocks);
  const range = map.rangeToPos(last.start + 16, last.start + 17)!;
  assert.equal(doc.textBetween(range.from, range.to), '📈');
});
