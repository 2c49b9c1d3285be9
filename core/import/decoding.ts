// Turning a file's bytes into the text Spanlab stores. The rule is "exactly as decoded":
// UTF-8 (a byte-order mark removed) or UTF-16 when a byte-order mark says so; anything
// else is refused with the position of the first byte that is not UTF-8, never guessed
// at and never patched with U+FFFD, because a mangled character would shift no offset
// but silently change the text an annotation quotes.
//
// Line endings are not touched either: a CRLF file keeps its "\r\n". brat, doccano and
// Spanlab's own exports count the "\r" as a character, so normalising it away would move
// every offset after the first line break.

/** A decoded text, or why the bytes are not one. */
export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The bytes sniffEncoding reads: a reader that gets a file in pieces waits for this many. */
export const SNIFF_BYTES = 512;

/// Decodes a whole file. The reason of a failure names the byte, e.g.
/// "invalid UTF-8 at byte 1,234".
export function decodeBytes(bytes: Uint8Array): Decoded {
  const { encoding, bomLength } = sniffEncoding(bytes);
  if (encoding === null) return { ok: false, reason: unsupportedReason(bytes) };
  const body = bytes.subarray(bomLength);
  try {
    // ignoreBOM: the mark was already skipped; a second one is text and stays.
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, encoding };
  } catch {
    if (encoding !== 'utf-8') {
      return { ok: false, reason: `invalid ${encoding.toUpperCase()}: an unpaired surrogate or an odd number of bytes` };
    }
    const at = firstInvalidUtf8(body) + bomLength;
    return { ok: false, reason: invalidUtf8Reason(at, bytes[at]) };
  }
}

/// The encoding a file's first bytes announce: a UTF-16 byte-order mark, else UTF-8 (with
/// or without its mark). null for UTF-32 marks and for text that is plainly UTF-16 without a
/// mark (NUL bytes in every other position), which Spanlab does not guess at.
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName | null; bomLength: number } {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: null, bomLength: 0 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: null, bomLength: 0 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (looksLikeUtf16WithoutMark(bytes)) return { encoding: null, bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/// The index of the first byte of `bytes` that does not belong to a well-formed UTF-8
/// sequence (the WHATWG decoder's rules: no overlongs, no surrogates, nothing past
/// U+10FFFF), or `bytes.length` when every sequence is whole. A sequence cut off by the end
/// is invalid at its first byte.
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return i;
      const next = bytes[i + k]!;
      if (next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return i;
}

/// "invalid UTF-8 at byte 1,234", with a hint when the bytes look like a one-byte legacy
/// encoding (Windows-1252, Latin-1): what to do about it is then clear.
export function invalidUtf8Reason(at: number, byte: number | undefined): string {
  const shown = byte === undefined ? '' : ` (0x${byte.toString(16).toUpperCase().padStart(2, '0')})`;
  return (
    `invalid UTF-8 at byte ${at.toLocaleString('en-US')}${shown}; ` +
    'the file may be in another encoding such as Windows-1252 or Latin-1: save it as UTF-8 and import it again'
  );
}

/// Decodes a file that arrives in chunks (a 1 GB JSONL must not be read whole), with the
/// same rules as decodeBytes, and the same text or the same refusal however the file is
/// cut. `push` returns the text of the complete characters so far; a character split
/// between two chunks waits for the next one, and the first SNIFF_BYTES wait until the
/// encoding is known. Throws DecodeError with the byte position of the first byte that is
/// not UTF-8, carrying the text decoded before it.
export class ChunkDecoder {
  private encoding: TextEncodingName | null | undefined;
  private utf16: TextDecoder | null = null;
  private carry: Uint8Array = new Uint8Array(0);
  /** Bytes of the file consumed before `carry`. */
  private consumed = 0;

  push(chunk: Uint8Array): string {
    let bytes = concatBytes(this.carry, chunk);
    if (this.encoding === undefined) {
      // Decided on the bytes decodeBytes decides on: a smaller first chunk waits.
      if (bytes.length < SNIFF_BYTES) {
        this.carry = bytes;
        return '';
      }
      bytes = this.decide(bytes);
    }
    this.carry = new Uint8Array(0);
    if (this.utf16) return this.decodeUtf16(bytes, true);
    const end = completeLength(bytes);
    const text = this.decodeUtf8(bytes.subarray(0, end));
    this.carry = bytes.slice(end);
    return text;
  }

  /// The text still held back; throws when the file ends inside a character.
  end(): string {
    let text = '';
    if (this.encoding === undefined) {
      const bytes = this.decide(this.carry);
      this.carry = new Uint8Array(0);
      if (this.utf16) return this.decodeUtf16(bytes, false);
      const end = completeLength(bytes);
      text = this.decodeUtf8(bytes.subarray(0, end));
      this.carry = bytes.slice(end);
    }
    if (this.utf16) return this.decodeUtf16(new Uint8Array(0), false);
    if (this.carry.length > 0) {
      throw new DecodeError(invalidUtf8Reason(this.consumed, this.carry[0]), this.consumed, text);
    }
    return text;
  }

  // Sets the encoding from the first bytes; returns them without the byte-order mark.
  private decide(bytes: Uint8Array): Uint8Array {
    const sniffed = sniffEncoding(bytes);
    this.encoding = sniffed.encoding;
    if (sniffed.encoding === null) throw new DecodeError(unsupportedReason(bytes), 0);
    if (sniffed.encoding !== 'utf-8') this.utf16 = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true });
    this.consumed = sniffed.bomLength;
    return bytes.subarray(sniffed.bomLength);
  }

  private decodeUtf8(bytes: Uint8Array): string {
    try {
      const text = utf8.decode(bytes);
      this.consumed += bytes.length;
      return text;
    } catch {
      const index = firstInvalidUtf8(bytes);
      const at = this.consumed + index;
      throw new DecodeError(invalidUtf8Reason(at, bytes[index]), at, utf8.decode(bytes.subarray(0, index)));
    }
  }

  private decodeUtf16(bytes: Uint8Array, stream: boolean): string {
    try {
      const text = this.utf16!.decode(bytes, { stream });
      this.consumed += bytes.length;
      return text;
    } catch {
      const reason = `invalid ${this.encoding!.toUpperCase()} near byte ${this.consumed.toLocaleString('en-US')}`;
      throw new DecodeError(reason, this.consumed);
    }
  }
}

/** Bytes that are not text in the file's encoding. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    /** The report's reason, e.g. "invalid UTF-8 at byte 1,234". */
    readonly reason: string,
    /** The file offset of the offending byte. */
    readonly byte: number,
    /** The text of the bytes before it that this call had not returned yet. */
    readonly before = '',
  ) {
    super(reason);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// The length of `bytes` without a UTF-8 sequence cut off at its end (at most 3 bytes).
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return bytes.length; // ASCII: nothing open
    if (byte >= 0xc0) {
      // Never a lead byte: let the decoder refuse it now.
      if (byte < 0xc2 || byte > 0xf4) return bytes.length;
      // A lead byte: is its sequence whole?
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/// `a` followed by `b` (`b` itself when `a` is empty).
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function unsupportedReason(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0 && bytes[1] === 0)) {
    return 'the file is UTF-32, which Spanlab does not read: save it as UTF-8';
  }
  return 'the file looks like UTF-16 without a byte-order mark: save it as UTF-8 (or UTF-16 with a BOM)';
}

// Latin-script UTF-16 has a NUL in every other byte; UTF-8 text has none at all.
function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const pairs = n / 2;
  return Math.max(evenNuls, oddNuls) > pairs * 0.4 && Math.min(evenNuls, oddNuls) < pairs * 0.05;
}
