import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Piece } from '../../../../core/export/tokenizer';
import { isWhitespace, refinePieces, tokenize } from '../../../../core/export/tokenizer';
import { EXPORT_TEXTS } from '../../../support/exportFixture';

// The tokenizer segments chunk by chunk (between whitespace) for speed; this is what it
// must equal: Intl.Segmenter over the whole text, whitespace dropped, then the same two
// refinements within each run of text between whitespace.
function reference(text: string): Piece[] {
  const words = new Intl.Segmenter('und', { granularity: 'word' });
  const raw: Piece[] = [];
  let offset = 0;
  for (const { segment } of words.segment(text)) {
    const length = Array.from(segment).length;
    for (const part of segment.matchAll(/\S+/gu)) {
      const start = offset + Array.from(segment.slice(0, part.index)).length;
      raw.push({ text: part[0], start, end: start + Array.from(part[0]).length });
    }
    offset += length;
  }
  const points = Array.from(text);
  const chunks: Piece[][] = [];
  for (const piece of raw) {
    const last = chunks.at(-1)?.at(-1);
    const joined = last !== undefined && last.end === piece.start && !/\s/u.test(points[piece.start - 1] ?? ' ');
    if (joined) chunks.at(-1)!.push(piece);
    else chunks.push([piece]);
  }
  return chunks.flatMap((chunk) => refinePieces(chunk));
}

const SAMPLES = [
  ...Object.values(EXPORT_TEXTS),
  "Don't stop: it's 3.5 p.m. in the U.S. and N.Y.C.'s mayor (D-N.Y.) said \"no\"…",
  'a \u0301b  \u0301 c\u200d d \u200ee\u200f — 東京都に住んでいます。ภาษาไทยง่ายนิดเดียว',
  '🇫🇷🇩🇪 🏳️‍🌈x 1,000.50 $20m e-mail http://example.org/a?b=c #tag @user',
  '\r\n\t lead and trail \u00a0nbsp\u2003em ',
  // Plain words with one mark after them take a shortcut past the segmenter; these are
  // the shapes around it.
  'Reuters: F16s hit 3 sites, 2024. Why? Now! A. I. x; 7: e.g. 5.0. a.b. ab, ab,, ab.. ab,c ab. c naïve, café. Co.',
];

test('tokens are Intl.Segmenter words over the whole text, with the two refinements', () => {
  for (const text of SAMPLES) {
    const tokens = tokenize(text).tokens.map((t) => ({ text: t.text, start: t.start, end: t.end }));
    assert.deepEqual(tokens, reference(text), JSON.stringify(text));
  }
});

test('every token is exactly its code-point slice of the text and holds no whitespace', () => {
  for (const text of SAMPLES) {
    const points = Array.from(text);
    for (const token of tokenize(text).tokens) {
      assert.equal(points.slice(token.start, token.end).join(''), token.text);
      assert.doesNotMatch(token.text, /\s/u);
    }
  }
});

test('sentences cover every token once, in order, and a line break ends a sentence', () => {
  for (const text of SAMPLES) {
    const { tokens, sentences } = tokenize(text);
    let next = 0;
    for (const s of sentences) {
      assert.equal(s.tokenStart, next);
      assert.ok(s.tokenEnd > s.tokenStart);
      assert.equal(s.start, tokens[s.tokenStart]!.start);
      assert.equal(s.end, tokens[s.tokenEnd - 1]!.end);
      next = s.tokenEnd;
    }
    assert.equal(next, tokens.length);
  }
  const headline = tokenize('Storm closes port\r\n\r\nA storm closed it.');
  assert.equal(headline.sentences.length, 2);
});

test('English clitics are split off and initialisms keep their period', () => {
  const texts = tokenize("Baghdad's U.S. embassy didn't say; they’re in the U.S.").tokens.map((t) => t.text);
  assert.deepEqual(texts, ['Baghdad', "'s", 'U.S.', 'embassy', 'did', "n't", 'say', ';', 'they', '’re', 'in', 'the', 'U.S.']);
});

test('an emoji sequence and a letter with its combining marks stay one token', () => {
  const texts = tokenize('police 👮🏽‍♀️ met Jose\u0301 in 🇫🇷').tokens.map((t) => t.text);
  assert.deepEqual(texts, ['police', '👮🏽‍♀️', 'met', 'Jose\u0301', 'in', '🇫🇷']);
});

test('whitespace is what JavaScript\'s \\s matches, unit for unit', () => {
  for (let unit = 0; unit <= 0xffff; unit++) {
    assert.equal(isWhitespace(unit), /\s/.test(String.fromCharCode(unit)), unit.toString(16));
  }
});
