// Bytes to text: exactly as decoded, or refused with the byte that is wrong.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChunkDecoder, DecodeError, decodeBytes, firstInvalidUtf8 } from '../../../../core/import/decoding';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  test('keeps UTF-8 text exactly, CRLF included, and drops a byte-order mark', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Baghdad\r\nبغداد 🚀')]));
    assert.deepEqual(decoded, { ok: true, text: 'Baghdad\r\nبغداد 🚀', encoding: 'utf-8' });
  });

  test('reads UTF-16 little- and big-endian by their byte-order marks', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    assert.deepEqual(decodeBytes(le), { ok: true, text: 'Hi', encoding: 'utf-16le' });
    assert.deepEqual(decodeBytes(be), { ok: true, text: 'Hi', encoding: 'utf-16be' });
  });

  test('names the first byte that is not UTF-8, counted in the file', () => {
    const bytes = new Uint8Array([...utf8('x'.repeat(1234)), 0xe9, ...utf8('t\u00e9')]);
    const decoded = decodeBytes(bytes);
    assert.equal(decoded.ok, false);
    assert.match(!decoded.ok ? decoded.reason : '', /^invalid UTF-8 at byte 1,234 \(0xE9\)/);
  });

  test('counts the byte-order mark in the position of a bad byte', () => {
    const decoded = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]));
    assert.match(!decoded.ok ? decoded.reason : '', /at byte 4 /);
  });

  test('refuses UTF-16 without a byte-order mark instead of guessing', () => {
    const decoded = decodeBytes(new Uint8Array([0x48, 0, 0x65, 0, 0x6c, 0, 0x6c, 0, 0x6f, 0, 0x21, 0]));
    assert.equal(decoded.ok, false);
    assert.match(!decoded.ok ? decoded.reason : '', /UTF-16 without a byte-order mark/);
  });
});

describe('firstInvalidUtf8', () => {
  test('finds overlongs, surrogates and sequences cut short', () => {
    assert.equal(firstInvalidUtf8(utf8('ok ✓')), 6);
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80])), 1); // overlong NUL
    assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0); // a surrogate
    assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xe2, 0x82])), 2); // cut short
  });
});

describe('ChunkDecoder', () => {
  test('joins a character split between two chunks', () => {
    const bytes = utf8('a€b');
    const decoder = new ChunkDecoder();
    const text = decoder.push(bytes.subarray(0, 2)) + decoder.push(bytes.subarray(2)) + decoder.end();
    assert.equal(text, 'a€b');
  });

  test('reports a bad byte by its position in the whole stream', () => {
    const decoder = new ChunkDecoder();
    decoder.push(utf8('0123456789'));
    decoder.push(new Uint8Array([0x41, 0xff]));
    // A file smaller than SNIFF_BYTES is decided on, and refused, at its end.
    assert.throws(
      () => decoder.end(),
      (error: unknown) => error instanceof DecodeError && error.byte === 11 && error.before === '0123456789A',
    );
  });

  test('refuses a file that ends inside a character', () => {
    const decoder = new ChunkDecoder();
    decoder.push(new Uint8Array([0x41, 0x42, 0x43, 0x44, 0xe2, 0x82]));
    assert.throws(() => decoder.end(), (error: unknown) => error instanceof DecodeError && error.byte === 4);
  });
});

// Found by the fuzz tests (test/unit/reliability/readerFuzz.test.ts): how a file was cut
// into chunks changed what it decoded to.
describe('ChunkDecoder, however the file is cut', () => {
  const chunked = (bytes: Uint8Array, size: number) => {
    const decoder = new ChunkDecoder();
    let text = '';
    for (let i = 0; i < bytes.length; i += size) text += decoder.push(bytes.subarray(i, i + size));
    return text + decoder.end();
  };

  test('decides the encoding on the same bytes as decodeBytes', () => {
    // Its first four bytes alone look like UTF-16 without a mark; the first 512 do not.
    const bytes = new Uint8Array([0x61, 0, 0x62, 0, ...utf8('x'.repeat(600))]);
    const whole = decodeBytes(bytes);
    assert.ok(whole.ok);
    for (const size of [1, 4, 100, bytes.length]) assert.equal(chunked(bytes, size), whole.text, `chunks of ${size}`);
  });

  test('a bad byte in a chunk carries the text before it', () => {
    const decoder = new ChunkDecoder();
    assert.equal(decoder.push(utf8('y'.repeat(600))), 'y'.repeat(600));
    assert.throws(
      () => decoder.push(new Uint8Array([0x41, 0x42, 0xff, 0x43])),
      (error: unknown) => error instanceof DecodeError && error.byte === 602 && error.before === 'AB',
    );
  });
});
