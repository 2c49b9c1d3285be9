// Converts between the three units a document's offsets come in:
//   - code points: what the contract, the database and every export use (Python's text[i]);
//   - UTF-16 code units: what JavaScript strings index by;
//   - ProseMirror positions: what the editor's selection and decorations use.
//
// The ProseMirror document built from a text and its blocks has one textblock node per
// block, holding exactly that block's slice of the text; text between blocks (blank lines,
// separators) is not part of the document. A textblock at position p opens with one token,
// so its content starts at p + 1 and spans as many positions as the slice has UTF-16 units;
// closing takes one more token, so the next block opens at p + len16 + 2. The editor may
// also wrap each run of `sectionSize` blocks in a section node (a browser lays out a
// change in a long article far faster when its thousands of paragraphs are grouped):
// each section's opening and closing tokens take one more position each.
//
// Setup is one pass over the text (O(n)); every lookup is a binary search (O(log n)). The
// only per-character memory is one entry per astral character (emoji, rare CJK, …), since
// those are the only characters whose UTF-16 length differs from their code-point length.

import type { Block } from '../common/model';
import { hasSurrogates } from './codePoints';
import { firstIndex } from './firstIndex';

/**
 * Which way an offset that falls between two units resolves: -1 toward the earlier one
 * (the end of a range), 1 toward the later one (the start of a range).
 */
export type Side = -1 | 1;

export class OffsetMap {
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly utf16Length: number;
  /** Size of the ProseMirror document's content (`doc.content.size`). */
  readonly docSize: number;

  // Code-point index of each astral character, ascending. The k-th astral character sits
  // at UTF-16 index astralCp[k] + k, because each earlier one took one extra unit.
  private readonly astralCp: Int32Array;
  // For block i: the position before its opening token, its content start in UTF-16
  // units, and its content length in UTF-16 units (= ProseMirror positions).
  private readonly blockPos: Float64Array;
  private readonly blockU16: Float64Array;
  private readonly blockLen: Float64Array;

  /// Builds the map for `text` split into `blocks` (code points, ascending, not overlapping),
  /// grouped `sectionSize` to a section (0: not grouped). Throws a RangeError for blocks
  /// that are out of order, overlap or lie outside the text: the doc and every decoration
  /// would silently be wrong otherwise.
  constructor(
    text: string,
    readonly blocks: readonly Block[],
    readonly sectionSize = 0,
  ) {
    this.utf16Length = text.length;
    this.astralCp = scanAstral(text);
    this.codePointLength = text.length - this.astralCp.length;

    const n = blocks.length;
    this.blockPos = new Float64Array(n);
    this.blockU16 = new Float64Array(n);
    this.blockLen = new Float64Array(n);
    let pos = 0;
    let previousEnd = 0;
    for (let i = 0; i < n; i++) {
      const block = blocks[i]!;
      if (block.start < previousEnd || block.end < block.start || block.end > this.codePointLength) {
        throw new RangeError(
          `Block ${i} (${block.start}–${block.end}) is out of order, overlaps or lies outside ` +
            `a text of ${this.codePointLength} code points.`,
        );
      }
      const u16Start = this.toUtf16(block.start);
      const u16Len = this.toUtf16(block.end) - u16Start;
      if (sectionSize > 0 && i % sectionSize === 0) pos += 1; // the section opens
      this.blockPos[i] = pos;
      this.blockU16[i] = u16Start;
      this.blockLen[i] = u16Len;
      pos += u16Len + 2;
      if (sectionSize > 0 && (i % sectionSize === sectionSize - 1 || i === n - 1)) pos += 1; // and closes
      previousEnd = block.end;
    }
    this.docSize = pos;
  }

  /// The UTF-16 index of code-point offset `cp` (0 ≤ cp ≤ codePointLength).
  toUtf16(cp: number): number {
    checkRange(cp, this.codePointLength, 'code-point offset');
    const astral = this.astralCp;
    return cp + firstIndex(astral.length, (k) => astral[k]! >= cp);
  }

  /// The code-point offset of UTF-16 index `u16`. An index between the two halves of a
  /// surrogate pair is not a character boundary: it resolves to the character's start
  /// (side -1) or its end (side 1).
  toCodePoint(u16: number, side: Side = -1): number {
    checkRange(u16, this.utf16Length, 'UTF-16 offset');
    // Astral characters that start strictly before u16; the k-th starts at astralCp[k] + k,
    // which ascends with k, so a binary search finds the count.
    const astral = this.astralCp;
    const before = firstIndex(astral.length, (k) => astral[k]! + k >= u16);
    if (before > 0) {
      const lastStart = this.astralCp[before - 1]! + before - 1;
      if (lastStart + 1 === u16) {
        // Inside the pair: lastStart belongs to code point astralCp[before - 1].
        const cp = this.astralCp[before - 1]!;
        return side < 0 ? cp : cp + 1;
      }
    }
    return u16 - before;
  }

  /// The ProseMirror position of code-point offset `cp`. Inside a block that is exact. An
  /// offset on the boundary of two touching blocks, or in text between blocks (not in the
  /// document), resolves as a range edge would: side 1 (a start) to the start of the first
  /// block that ends after cp, side -1 (an end) to the end of the last block that starts
  /// before cp; with no such block it clamps to the nearest edge of the document. Returns
  /// null only when there are no blocks.
  toPos(cp: number, side: Side = 1): number | null {
    checkRange(cp, this.codePointLength, 'code-point offset');
    const n = this.blocks.length;
    if (n === 0) return null;
    const i =
      side > 0
        ? Math.min(firstIndex(n, (k) => this.blocks[k]!.end > cp), n - 1)
        : Math.max(firstIndex(n, (k) => this.blocks[k]!.start >= cp) - 1, 0);
    const block = this.blocks[i]!;
    const clamped = Math.min(Math.max(cp, block.start), block.end);
    return this.blockPos[i]! + 1 + (this.toUtf16(clamped) - this.blockU16[i]!);
  }

  /// The code-point offset of ProseMirror position `pos` (0 ≤ pos ≤ docSize). A position
  /// outside any block's content (before an opening or after a closing token) resolves to
  /// the nearest content edge in the direction of `side`; one between the halves of a
  /// surrogate pair resolves as in toCodePoint.
  posToCodePoint(pos: number, side: Side = -1): number {
    checkRange(pos, this.docSize, 'ProseMirror position');
    const n = this.blocks.length;
    if (n === 0) return 0;
    // The last block that opens at or before pos; block 0 for a position before it (its
    // section's opening token).
    let i = Math.max(0, firstIndex(n, (k) => this.blockPos[k]! > pos) - 1);
    let inner = pos - this.blockPos[i]! - 1;
    if (inner < 0) {
      // On the opening token's left: the start of this block, or the end of the previous.
      if (side < 0 && i > 0) {
        i -= 1;
        inner = this.blockLen[i]!;
      } else inner = 0;
    } else if (inner > this.blockLen[i]!) {
      // After the closing token: the end of this block, or the start of the next.
      if (side > 0 && i + 1 < n) {
        i += 1;
        inner = 0;
      } else inner = this.blockLen[i]!;
    }
    return this.toCodePoint(this.blockU16[i]! + inner, side);
  }

  /// The ProseMirror range for a code-point range, or null when nothing of it is in the
  /// document (it lies wholly between blocks, or is empty).
  rangeToPos(start: number, end: number): { from: number; to: number } | null {
    const from = this.toPos(start, 1);
    const to = this.toPos(end, -1);
    if (from === null || to === null || from >= to) return null;
    return { from, to };
  }

  /// The position before block i's opening token (inside its section, when blocks are grouped).
  blockStart(i: number): number {
    checkRange(i, this.blocks.length - 1, 'block index');
    return this.blockPos[i]!;
  }
}

// Code-point indices of astral characters. A lone surrogate (malformed UTF-16) counts as
// one code point of one unit, as Array.from and TextEncoder treat it.
function scanAstral(text: string): Int32Array {
  if (!hasSurrogates(text)) return new Int32Array(0);
  const found: number[] = [];
  let cp = 0;
  for (let u = 0; u < text.length; u++, cp++) {
    const c = text.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        found.push(cp);
        u++;
      }
    }
  }
  return Int32Array.from(found);
}


// Offsets come from the network and the database; a wrong one must fail loudly rather
// than put a highlight on the wrong words.
function checkRange(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside 0–${max}.`);
  }
}
