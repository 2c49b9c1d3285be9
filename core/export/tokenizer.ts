// The default tokenizer of every token-based export: words and sentences as Unicode's
// text-segmentation rules (UAX #29) find them, through the runtime's Intl.Segmenter (ICU),
// in the root locale so that the result does not depend on the machine's language. It
// handles scripts without spaces (Thai, Chinese, Japanese: ICU uses dictionaries), keeps
// an emoji sequence or a letter with its combining marks in one token, and keeps
// "don't" and "3.5" whole.
//
// A token is a run of text between whitespace that UAX #29 does not split further:
// whitespace is never part of a token (a combining mark that follows a space becomes a
// token of its own), so tokens can be written one per line or joined with spaces. Two
// refinements make news English line up with what analysts mark, as the Penn Treebank and
// spaCy tokenize it: an English clitic is split off its word ("Baghdad's" → "Baghdad" +
// "'s", "don't" → "do" + "n't"), and an initialism keeps its final period ("U.S." rather
// than "U.S" + "."). Every offset is a code point, end exclusive. Sentences are UAX #29
// sentences; a line break ends one, so a headline is a sentence of its own.

/** A token: its text and code-point offsets into the document. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A sentence: code-point offsets and the range of its tokens (`tokenEnd` exclusive). */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface TokenizedText {
  tokens: Token[];
  /** In order, covering every token exactly once; a sentence has at least one token. */
  sentences: Sentence[];
}

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const SENTENCES = new Intl.Segmenter('und', { granularity: 'sentence' });

/// The tokenizer's name as reports print it, with the ICU version whose rules it ran.
export const TOKENIZER_NAME = `Intl.Segmenter (UAX #29 words and sentences, root locale, ICU ${
  globalThis.process?.versions?.icu ?? 'of this runtime'
}; English clitics split, initialisms keep their period)`;

/// Splits `text` into tokens and sentences.
export function tokenize(text: string): TokenizedText {
  const tokens = tokensOf(text);
  return { tokens, sentences: sentencesOf(text, tokens) };
}

/// The tokens of `text` alone: sentences cost a second pass that not every format needs.
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  // Without surrogates a UTF-16 index is a code-point offset; with them, code points
  // before `counted` are counted as the chunks go by (always forward).
  const astral = /[\uD800-\uDFFF]/.test(text);
  let counted = 0;
  let offset = 0;
  const length = text.length;
  // A hand-written scan for the runs between whitespace: this loop runs once per
  // character of every exported document, and a regex iterator allocates per match.
  for (let i = 0; i < length; ) {
    while (i < length && isWhitespace(text.charCodeAt(i))) i++;
    if (i === length) break;
    // The chunk's end, and where its run of ASCII letters and digits from the start ends.
    let word = i;
    while (word < length && isAsciiAlphanumeric(text.charCodeAt(word))) word++;
    let end = word;
    while (end < length && !isWhitespace(text.charCodeAt(end))) end++;
    if (astral) {
      offset += codePoints(text, counted, i);
      counted = i;
    } else {
      offset = i;
    }
    // Most chunks of news text are a plain word, perhaps with a comma or full stop after it:
    // UAX #29 never splits a run of ASCII letters and digits (WB5, WB8–WB10), nor joins it
    // to one trailing mark, and neither refinement applies (no apostrophe, no inner period).
    const tail = end - word;
    if (word > i && (tail === 0 || (tail === 1 && isClosingMark(text.charCodeAt(word))))) {
      tokens.push({ text: text.slice(i, word), start: offset, end: offset + word - i });
      if (tail === 1) tokens.push({ text: text[word]!, start: offset + word - i, end: offset + word - i + 1 });
    } else {
      const found = pieces(text.slice(i, end), i === 0 ? undefined : text[i - 1]);
      for (let p = 0; p < found.length; p++) {
        const piece = found[p]!;
        tokens.push({ text: piece.text, start: offset + piece.start, end: offset + piece.end });
      }
    }
    i = end;
  }
  return tokens;
}

/// Whether a UTF-16 unit is whitespace as JavaScript's `\s` has it (ECMAScript WhiteSpace
/// and LineTerminator: the Unicode Zs characters, tab, line and paragraph breaks, BOM).
export function isWhitespace(unit: number): boolean {
  if (unit < 0x80) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
}

function isAsciiAlphanumeric(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39);
}

// `,` `.` `;` `:` `!` `?`: after a word at the end of a chunk, always a token of their own.
function isClosingMark(unit: number): boolean {
  return unit === 0x2c || unit === 0x2e || unit === 0x3b || unit === 0x3a || unit === 0x21 || unit === 0x3f;
}

/** A token of a chunk, offsets in code points from the chunk's start. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

// UAX #29 always breaks between whitespace and a letter, digit, punctuation or symbol, and
// no word rule looks across whitespace, so a chunk between whitespace splits into the same
// tokens wherever it stands. Segmenting chunk by chunk, with the splits of common chunks
// ("the", "said,") remembered, is an order of magnitude faster than Intl.Segmenter over the
// whole text and gives exactly its tokens (test/unit/core/export/tokenizer.test.ts checks
// the two against each other). A chunk that starts with a mark or a format character
// depends on the whitespace before it (WB4 attaches it there), so it is segmented with
// that character in front and never remembered.
const remembered = new Map<string, readonly Piece[]>();
const REMEMBER_AT_MOST = 100_000;
const STARTS_PLAIN = /^[\p{L}\p{N}\p{P}\p{S}]/u;

function pieces(chunk: string, before: string | undefined): readonly Piece[] {
  // Only chunks that start plain are remembered, so one found is right anywhere.
  const known = remembered.get(chunk);
  if (known) return known;
  const plain = STARTS_PLAIN.test(chunk);
  const prefix = plain || before === undefined ? '' : before;
  const found: Piece[] = [];
  let offset = -codePoints(prefix, 0, prefix.length);
  for (const { segment } of WORDS.segment(prefix + chunk)) {
    const length = codePoints(segment, 0, segment.length);
    if (!WHITESPACE.test(segment)) {
      found.push({ text: segment, start: offset, end: offset + length });
    } else {
      // A segment with whitespace inside (a mark attached to the space before it): its
      // non-space part is a token of its own.
      for (const part of segment.matchAll(/\S+/gu)) {
        const start = offset + codePoints(segment, 0, part.index);
        found.push({ text: part[0], start, end: start + codePoints(part[0], 0, part[0].length) });
      }
    }
    offset += length;
  }
  const refined = refinePieces(found);
  if (plain) {
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    remembered.set(chunk, refined);
  }
  return refined;
}

const CLITIC = /^(\p{L}.*?)((?:['’](?:s|re|ve|ll|d|m))|(?:n['’]t))$/iu;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;

/// The two refinements over the UAX #29 tokens of one chunk (text between whitespace).
/// @internal Exported for the test that checks chunked segmentation against whole-text.
export function refinePieces(pieces: readonly Piece[]): Piece[] {
  const refined: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    if (next?.text === '.' && next.start === piece.end && INITIALISM.test(piece.text)) {
      refined.push({ text: `${piece.text}.`, start: piece.start, end: next.end });
      i++;
      continue;
    }
    const clitic = CLITIC.exec(piece.text);
    if (clitic) {
      const stem = clitic[1]!;
      const split = piece.start + codePoints(stem, 0, stem.length);
      refined.push({ text: stem, start: piece.start, end: split }, { text: clitic[2]!, start: split, end: piece.end });
      continue;
    }
    refined.push(piece);
  }
  return refined;
}

const WHITESPACE = /\s/u;

/// The sentences of `text`, whose tokens (tokensOf) are `tokens`. Each token goes to the
/// sentence it starts in; a sentence without tokens (blank lines) is left out.
export function sentencesOf(text: string, tokens: readonly Token[]): Sentence[] {
  const astral = /[\uD800-\uDFFF]/.test(text);
  const sentences: Sentence[] = [];
  let offset = 0;
  let next = 0;
  for (const { segment, index } of SENTENCES.segment(text)) {
    // Without surrogates the UTF-16 index is the code-point offset: no need to count.
    const end = astral ? offset + codePoints(segment, 0, segment.length) : index + segment.length;
    const tokenStart = next;
    while (next < tokens.length && tokens[next]!.start < end) next++;
    if (next > tokenStart) {
      sentences.push({ start: tokens[tokenStart]!.start, end: tokens[next - 1]!.end, tokenStart, tokenEnd: next });
    }
    offset = end;
  }
  return sentences;
}

// Code points in text[from:to] (UTF-16 indices): its length unless it holds surrogate pairs.
function codePoints(text: string, from: number, to: number): number {
  let count = to - from;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
