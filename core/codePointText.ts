// A document's text addressed in code points, the unit of every offset Spanlab writes.
// core/codePoints.ts walks the string from its start on each call, which is right for one
// lookup and quadratic for the hundreds an export makes per document; this indexes the
// text once. Most news text has no astral characters at all, and then a code-point offset
// is a UTF-16 index and nothing needs to be built.

export class CodePointText {
  /// The number of code points (Python's `len(text)`).
  readonly length: number;
  /** UTF-16 index of each code point, plus one past the end; null when they are equal. */
  private readonly index: Uint32Array | null;

  constructor(readonly text: string) {
    // No `u` flag: with it, the class would not match the halves of a well-formed pair.
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.index = null;
      this.length = text.length;
      return;
    }
    const index = new Uint32Array(text.length + 1);
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      index[count++] = i;
      const unit = text.charCodeAt(i);
      // A high surrogate followed by a low one is a single code point.
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
    index[count] = text.length;
    this.index = index.subarray(0, count + 1);
    this.length = count;
  }

  /// The UTF-16 index of code point `offset` (0 ≤ offset ≤ length).
  utf16(offset: number): number {
    return this.index === null ? offset : this.index[offset]!;
  }

  /// `text[start:end]` in code points; the caller keeps 0 ≤ start ≤ end ≤ length.
  slice(start: number, end: number): string {
    return this.text.slice(this.utf16(start), this.utf16(end));
  }

  /// Whether `start`/`end` is a span of this text.
  contains(start: number, end: number): boolean {
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= this.length;
  }
}
