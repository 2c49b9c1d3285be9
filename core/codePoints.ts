// Code points are the one offset unit Spanlab stores (see db/schema.ts). JavaScript strings
// index UTF-16 code units, so anything that turns a stored offset into a JS index, or
// measures a text the way SQLite's length() does, goes through here.

/// The number of Unicode code points in `text`: what SQLite's `length()` and Python's
/// `len()` return for the same string. A lone surrogate counts as one, as it does when
/// iterating a JS string (and it is stored as one U+FFFD).
export function codePointLength(text: string): number {
  if (!hasSurrogates(text)) return text.length;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point: skip the low half.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/// Whether `text` holds any UTF-16 surrogate, paired or not. Most texts hold none, and then
/// a code point is a UTF-16 unit; the regex engine finds that out far faster than a loop
/// over the text (an import measures 50 MB of it).
export function hasSurrogates(text: string): boolean {
  return SURROGATE.test(text);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/// `text[start:end]` in code points, like Python slicing and SQLite's
/// `substr(text, start + 1, end - start)`. Offsets beyond the text are clamped.
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = utf16Index(text, start);
  const to = utf16Index(text, end);
  return text.slice(from, Math.max(from, to));
}

/// The UTF-16 index of code point `offset` in `text` (the text's length when past the end).
export function utf16Index(text: string, offset: number): number {
  let index = 0;
  for (let seen = 0; seen < offset && index < text.length; seen++) {
    const unit = text.charCodeAt(index);
    const pair =
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      index + 1 < text.length &&
      text.charCodeAt(index + 1) >= 0xdc00 &&
      text.charCodeAt(index + 1) <= 0xdfff;
    index += pair ? 2 : 1;
  }
  return index;
}
