// A .json file: an array of records, an object holding one such array (`{"data": […]}`), or
// one record. doccano exports JSON Lines under a .json name too, so a file that is not one
// JSON value but whose first line is one is read as JSON Lines.

import { jsonError, JsonlReader } from './jsonl';
import { readRecord } from './jsonRecord';
import type { ReadOptions, ReadResult } from './readResult';
import { emptyResult } from './readResult';

/// Reads a whole .json file (already decoded).
export function readJson(text: string, file: string, options: ReadOptions): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (firstLineIsJson(text)) return asJsonLines(text, file, options);
    const result = emptyResult();
    result.errors.push({ file, ...lineOf(text, error), reason: `malformed JSON: ${jsonError(error)}` });
    return result;
  }
  const result = emptyResult();
  const records = recordsOf(value, options.textField ?? 'text');
  if (records === null) {
    readRecord(value, { file }, options, result);
  } else if (records.length === 0) {
    result.errors.push({ file, reason: 'empty: the array holds no records' });
  } else {
    records.forEach((record, i) => readRecord(record, { file, record: i + 1 }, options, result));
  }
  return result;
}

// The records of a file that holds several: the array itself, or the one array of objects
// an object without a text field holds. null for a single record.
function recordsOf(value: unknown, textField: string): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const arrays = Object.values(value).filter(
    (v): v is unknown[] => Array.isArray(v) && v.length > 0 && v.every((r) => typeof r === 'object' && r !== null),
  );
  return arrays.length === 1 && !(textField in value) ? arrays[0]! : null;
}

function firstLineIsJson(text: string): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function asJsonLines(text: string, file: string, options: ReadOptions): ReadResult {
  const reader = new JsonlReader(file, options);
  const first = reader.push(new TextEncoder().encode(text));
  const last = reader.end();
  const schema = first.schema ?? last.schema;
  return {
    documents: [...first.documents, ...last.documents],
    errors: [...first.errors, ...last.errors],
    warnings: [...first.warnings, ...last.warnings],
    ...(schema ? { schema } : {}),
  };
}

// V8 says where JSON.parse stopped as "(line N column M)" or "position N" (a UTF-16
// index), when it says it at all; the report gives a line.
function lineOf(text: string, error: unknown): { line?: number } {
  const message = error instanceof Error ? error.message : '';
  const stated = /\(line (\d+) column \d+\)/.exec(message)?.[1];
  if (stated !== undefined) return { line: Number(stated) };
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return {};
  let line = 1;
  const end = Math.min(Number(position), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return { line };
}
