// JSON Lines (.jsonl, .ndjson): one record per line, read as the file streams in, so that a
// 1 GB file is never held whole. UTF-8 lines are cut at the newline byte and decoded one
// by one, which lets a line with a bad byte fail alone ("invalid UTF-8 at byte 1,234")
// while its neighbours are imported. A UTF-16 file (rare, but a BOM says so) is decoded as
// a stream and cut into lines afterwards.

import type { ImportIssue } from '../../common/importReport';
import {
  ChunkDecoder,
  concatBytes,
  DecodeError,
  firstInvalidUtf8,
  invalidUtf8Reason,
  SNIFF_BYTES,
  sniffEncoding,
} from './decoding';
import { readRecord } from './jsonRecord';
import type { ReadOptions, ReadResult } from './readResult';
import { emptyResult } from './readResult';

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class JsonlReader {
  private line = 0;
  /** File offset of the first byte of the line being read. */
  private offset = 0;
  /** The first bytes, while the encoding is not known yet. */
  private pending: Uint8Array = new Uint8Array(0);
  /** In UTF-8: the bytes of the line not ended yet. */
  private held: Uint8Array[] = [];
  private pendingText = '';
  private mode: 'unknown' | 'utf-8' | 'utf-16' = 'unknown';
  private decoder: ChunkDecoder | null = null;
  /** Set when the file cannot be read on (an encoding error in UTF-16). */
  private stopped = false;
  /** Lines that were not blank, read or not. */
  private records = 0;

  constructor(
    private readonly file: string,
    private readonly options: ReadOptions,
  ) {}

  /// The records completed by `chunk`.
  push(chunk: Uint8Array): ReadResult {
    const result = emptyResult();
    if (this.stopped) return result;
    if (this.mode === 'unknown') {
      const bytes = concatBytes(this.pending, chunk);
      if (bytes.length < SNIFF_BYTES) {
        this.pending = bytes;
        return result;
      }
      this.pending = new Uint8Array(0);
      this.begin(bytes, result);
      return result;
    }
    if (this.mode === 'utf-8') this.pushUtf8(chunk, result);
    else this.pushText(() => this.decoder!.push(chunk), result);
    return result;
  }

  /// The last line, which has no newline after it.
  end(): ReadResult {
    const result = emptyResult();
    if (this.mode === 'unknown') {
      const bytes = this.pending;
      this.pending = new Uint8Array(0);
      this.begin(bytes, result);
    }
    if (this.stopped) return result;
    if (this.mode === 'utf-8') {
      if (this.held.length > 0) this.readLineBytes(joined(this.held), result);
      this.held = [];
    } else if (this.mode === 'utf-16') {
      this.pushText(() => this.decoder!.end(), result);
      if (this.pendingText.length > 0) this.readLine(this.pendingText, result);
      this.pendingText = '';
    }
    // A file of nothing but blank lines would otherwise pass without a word in the report.
    if (this.records === 0 && !this.stopped) result.errors.push({ file: this.file, reason: 'empty: there are no records' });
    return result;
  }

  // The first bytes (SNIFF_BYTES of them, or the whole of a smaller file) say the encoding.
  private begin(bytes: Uint8Array, result: ReadResult): void {
    const { encoding, bomLength } = sniffEncoding(bytes);
    if (encoding === 'utf-8') {
      this.mode = 'utf-8';
      this.offset = bomLength;
      this.pushUtf8(bytes.subarray(bomLength), result);
    } else {
      this.mode = 'utf-16';
      this.decoder = new ChunkDecoder();
      this.pushText(() => this.decoder!.push(bytes), result);
    }
  }

  private pushUtf8(chunk: Uint8Array, result: ReadResult): void {
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      const line = this.held.length === 0 ? chunk.subarray(from, nl) : joined([...this.held, chunk.subarray(from, nl)]);
      this.held = [];
      this.readLineBytes(line, result);
      this.offset += line.length + 1;
      from = nl + 1;
    }
    // A copy, so that the caller's chunk buffer can be reused; held in a list, so that a
    // long line arriving in many chunks is joined once rather than once per chunk.
    if (from < chunk.length) this.held.push(chunk.slice(from));
  }

  private readLineBytes(bytes: Uint8Array, result: ReadResult): void {
    this.line++;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      const index = firstInvalidUtf8(bytes);
      this.records++;
      result.errors.push(this.issue(invalidUtf8Reason(this.offset + index, bytes[index])));
      return;
    }
    this.parse(text, result);
  }

  private pushText(decode: () => string, result: ReadResult): void {
    let text: string;
    try {
      text = this.pendingText + decode();
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      this.stopped = true;
      result.errors.push({ file: this.file, reason: `${error.reason}; the rest of the file was not read` });
      return;
    }
    const lines = text.split('\n');
    this.pendingText = lines.pop() ?? '';
    for (const line of lines) this.readLine(line, result);
  }

  private readLine(text: string, result: ReadResult): void {
    this.line++;
    this.parse(text, result);
  }

  private parse(text: string, result: ReadResult): void {
    if (text.trim() === '') return;
    this.records++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      result.errors.push(this.issue(`malformed JSON: ${jsonError(error)}`));
      return;
    }
    readRecord(value, { file: this.file, line: this.line }, this.options, result, text);
  }

  private issue(reason: string): ImportIssue {
    return { file: this.file, line: this.line, reason };
  }
}

function joined(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/// V8's JSON.parse message, without the parts that repeat the input.
export function jsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, (?:\.\.\.)?"[^]*"(?:\.\.\.)? is not valid JSON$/, '').replace(/ \(line \d+ column \d+\)$/, '');
}
