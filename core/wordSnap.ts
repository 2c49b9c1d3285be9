// Turns what an analyst selected into the span to mark. A selection made with the mouse
// rarely starts and ends exactly on a word: it catches half a word, a trailing space or the
// comma after a name. By default both ends move out to whole words (Unicode word boundaries
// from Intl.Segmenter, so Arabic, CJK and accented text snap as well as English), and
// whitespace and punctuation at either end are dropped. In character mode the ends stay
// where they are, for sub-word spans, and only the trimming applies.
//
// Everything here works on UTF-16 indices into one string: the caller passes a window of
// the document around the selection and converts to code points at its own edge.

/** A range of a string, in UTF-16 indices, end exclusive. */
export interface TextRange {
  from: number;
  to: number;
}

/** `words`: ends snap out to whole words. `characters`: ends stay (sub-word spans). */
export type SnapMode = 'words' | 'characters';

/// The span to mark for the selection from..to of `text`, or null when the selection holds
/// nothing but whitespace and punctuation.
export function snapRange(text: string, from: number, to: number, mode: SnapMode): TextRange | null {
  let start = Math.max(0, Math.min(from, to));
  let end = Math.min(text.length, Math.max(from, to));
  // Never cut a character outside the Basic Multilingual Plane (an emoji) in half.
  if (isLowSurrogate(text, start) && isHighSurrogate(text, start - 1)) start--;
  if (isLowSurrogate(text, end) && isHighSurrogate(text, end - 1)) end++;
  ({ start, end } = trim(text, start, end));
  if (start >= end) return null;
  if (mode === 'words') {
    const segments = wordSegmenter().segment(text);
    const first = segments.containing(start);
    if (first?.isWordLike) start = first.index;
    const last = segments.containing(end - 1);
    if (last?.isWordLike) {
      const wordEnd = last.index + last.segment.length;
      // "the embass|y's air defence" marks "embassy": a possessive ending is a token of its
      // own for NER (as CoNLL and OntoNotes split it), kept only when it was selected.
      const possessive = POSSESSIVE.exec(last.segment)?.[1]!.length ?? 0;
      end = possessive > 0 && end <= wordEnd - possessive ? wordEnd - possessive : wordEnd;
    }
  }
  return { from: start, to: end };
}

/// The word at `index` (the one the character at `index` belongs to, else the one just
/// before it, so a caret at a word's end still finds it); null between words.
export function wordAt(text: string, index: number): TextRange | null {
  const segments = wordSegmenter().segment(text);
  for (const at of [index, index - 1]) {
    if (at < 0 || at >= text.length) continue;
    const segment = segments.containing(at);
    if (segment?.isWordLike) return { from: segment.index, to: segment.index + segment.segment.length };
  }
  return null;
}

const POSSESSIVE = /\p{L}(['’]s?)$/u;

// Whitespace and punctuation, minus the marks that belong to what they follow or precede:
// percent and per-mille signs (20%), and the symbols of handles and tags (@name, #tag, &).
const TRIMMED = /[\s\p{P}]/u;
const KEPT = /[%‰‱#@&§]/u;
// An initialism's final stop (U.S., U.N.) is part of it, not the end of a sentence.
const INITIALISM = /(?:^|[^\p{L}])(?:\p{L}\.)+\p{L}$/u;

function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isTrimmed(text[start]!)) start++;
  while (end > start && isTrimmed(text[end - 1]!)) {
    if (text[end - 1] === '.' && INITIALISM.test(text.slice(Math.max(start, end - 12), end - 1))) break;
    end--;
  }
  return { start, end };
}

function isHighSurrogate(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function isTrimmed(char: string): boolean {
  return TRIMMED.test(char) && !KEPT.test(char);
}

// One segmenter for the process: building one loads ICU data, and the word rules do not
// depend on the locale for the scripts a news desk meets.
let segmenter: Intl.Segmenter | null = null;
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}
