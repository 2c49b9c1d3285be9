// JSON Lines (.jsonl, .ndjson): one record per line, read as the file streams in, so that a
// 1 GB file is never held whole. UTF-8 lines are cut at the newline byte and decoded one
// by one, which lets a line with a bad byte fail alone ("invalid UTF-8 at byte 1,234")
// while its neighbours are imported. A UTF-16 file (rare, but a BOM says so) is decoded as
// a stream and cut into lines afterwards.

import type { ImportIssue } from '../../common/importReport';
import { ChunkDecoder, concatBytes, DecodeError, firstInvalidUtf8, invalidUtf8Reason, sniffEncoding } from './decoding';
import { readRecord } from './jsonRecord';
import type { ReadOptions, ReadResult } from './readResult';
import { emptyResult } from './readResult';

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class JsonlReader {
  private line = 0;
  /** File offset of the first byte of `pending`. */
  private offset = 0;
  private pending: Uint8Array = new Uint8Array(0);
  private pendingText = '';
  private mode: 'unknown' | 'utf-8' | 'utf-16' = 'unknown';
  private decoder: ChunkDecoder | null = null;
  /** Set when the file cannot be read on (an encoding error in UTF-16). */
  private stopped = false;

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
      if (bytes.length < 4) {
        this.pending = bytes;
        return result;
      }
      this.pending = new Uint8Array(0);
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
      return result;
    }
    if (this.mode === 'utf-8') this.pushUtf8(chunk, result);
    else this.pushText(() => this.decoder!.push(chunk), result);
    return result;
  }

  /// The last line, which has no newline after it.
  end(): ReadResult {
    const result = emptyResult();
    if (this.stopped) return result;
    if (this.mode === 'unknown' && this.pending.length > 0) {
      this.mode = 'utf-8';
      const { bomLength } = sniffEncoding(this.pending);
      this.offset = bomLength;
      this.pending = this.pending.subarray(bomLength);
    }
    if (this.mode === 'utf-8') {
      if (this.pending.length > 0) this.readLineBytes(this.pending, result);
      this.pending = new Uint8Array(0);
    } else if (this.mode === 'utf-16') {
      this.pushText(() => this.decoder!.end(), result);
      if (this.pendingText.length > 0) this.readLine(this.pendingText, result);
      this.pendingText = '';
    }
    return result;
  }

  private pushUtf8(chunk: Uint8Array, result: ReadResult): void {
    let bytes = concatBytes(this.pending, chunk);
    let from = 0;
    for (let nl = bytes.indexOf(NEWLINE); nl !== -1; nl = bytes.indexOf(NEWLINE, from)) {
      this.readLineBytes(bytes.subarray(from, nl), result);
      this.offset += nl + 1 - from;
      from = nl + 1;
    }
    bytes = bytes.subarray(from);
    // A copy, so that the caller's chunk buffer can be reused.
    this.pending = bytes.slice();
  }

  private readLineBytes(bytes: Uint8Array, result: ReadResult): void {
    this.line++;
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      const index = firstInvalidUtf8(bytes);
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

/// V8's JSON.parse message, without the parts that repeat the input.
export function jsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, (?:\.\.\.)?"[^]*"(?:\.\.\.)? is not valid JSON$/, '').replace(/ \(line \d+ column \d+\)$/, '');
}
