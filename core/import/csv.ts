// Comma- and tab-separated files (.csv, .tsv): one document per row, the first row naming
// the columns. The text and title columns can be chosen; every other column is kept as
// metadata. Parsing is csv-parse's (RFC 4180 quoting, quoted line breaks), fed as the file
// streams in, so a large export never sits in memory whole. csv-parse is a Node stream,
// which is why this reader, unlike the others, works on an async iterable of chunks.

import { parse } from 'csv-parse';
import { finished } from 'node:stream/promises';
import type { JsonObject } from '../../common/model';
import { ChunkDecoder, DecodeError } from './decoding';
import { draftDocument } from './draftDocument';
import { fileStem } from './plainText';
import type { ReadOptions, ReadResult } from './readResult';
import { accept, emptyResult } from './readResult';
import { quoted, shortened } from '../reportText';

const TEXT_COLUMNS = ['text', 'content', 'body', 'article'];
const TITLE_COLUMNS = ['title', 'headline'];
/** Rows per yielded result: small enough to commit often, large enough to be cheap. */
const ROWS_PER_RESULT = 250;

interface ParsedRow {
  record: string[];
  info: { lines: number; records: number };
}

/// Reads the rows of a CSV (`,` or `;`) or TSV file, yielding results as they are read.
/// The separator is the one of `,` `;` and tab that the header row holds most of.
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  options: ReadOptions,
): AsyncGenerator<ReadResult> {
  const decoder = new ChunkDecoder();
  // Set by the line reader below; an object, so that the narrowing of a `let` does not
  // hide the assignment made inside the generator.
  const stopped: { by: DecodeError | null } = { by: null };
  // Whole lines only: the separator is read off the complete header line, and a bad byte
  // leaves no half row behind to be taken for a whole one.
  const lines = async function* (): AsyncGenerator<string> {
    let carry = '';
    try {
      for await (const chunk of chunks) {
        // Only the new text is searched: a long line over many chunks is not searched again
        // and again.
        const fresh = decoder.push(chunk);
        const cut = fresh.lastIndexOf('\n') + 1;
        if (cut === 0) {
          carry += fresh;
          continue;
        }
        yield carry + fresh.slice(0, cut);
        carry = fresh.slice(cut);
      }
      carry += decoder.end();
      if (carry) yield carry;
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      stopped.by = error;
      // The whole lines before the bad byte are read, however the file was cut into chunks.
      const text = carry + error.before;
      const cut = text.lastIndexOf('\n') + 1;
      if (cut > 0) yield text.slice(0, cut);
    }
  };
  const source = lines();
  const first = await source.next();
  if (first.done) {
    const result = emptyResult();
    const reason = stopped.by?.reason ?? 'empty: there is no header row and no text';
    result.errors.push({ file, reason });
    yield result;
    return;
  }
  const head = first.value;
  // Rows are taken as the parser makes them (on_record), never from its stream: a parse
  // error destroys the stream and the rows buffered in it, and which rows those were
  // depended on timing — the same file imported a row before the error, or not.
  const parsed: ParsedRow[] = [];
  const parser = parse({
    delimiter: separatorOf(head),
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // With `info`, what csv-parse hands on is the row with its info, which its typings
    // do not say.
    on_record: (row) => {
      parsed.push(row as unknown as ParsedRow);
      return null;
    },
  });
  parser.resume();
  // Parses `text` (null: the end of the file); the parse error, if there is one.
  const feed = (text: string | null) =>
    new Promise<unknown>((resolve) => {
      if (text !== null) return parser.write(text, (error) => resolve(error ?? null));
      finished(parser).then(() => resolve(null), resolve);
      parser.end();
    });

  let columns: Columns | null = null;
  let result = emptyResult();
  let rows = 0;
  try {
    for (let text: string | null = head; ; ) {
      const error = await feed(text);
      for (const row of parsed.splice(0)) {
        rows++;
        if (columns === null) columns = headerOf(row.record, options);
        else if (typeof columns !== 'string') readRow(row, columns, file, result);
      }
      if (typeof columns === 'string') {
        result.errors.push({ file, line: 1, reason: columns });
        break;
      }
      if (error) {
        const reason = `unreadable CSV: ${error instanceof Error ? error.message : String(error)}`;
        const line = (error as { lines?: number }).lines;
        result.errors.push({ file, ...(line ? { line } : {}), reason: `${reason}; the rest of the file was not read` });
        break;
      }
      if (text === null) break;
      if (result.documents.length + result.errors.length >= ROWS_PER_RESULT) {
        yield result;
        result = emptyResult();
      }
      const next = await source.next();
      text = next.done ? null : next.value;
    }
  } finally {
    // Also when the consumer stops early (Cancel): the file is not read on.
    parser.destroy();
    await source.return(undefined);
  }
  if (stopped.by) result.errors.push({ file, reason: `${stopped.by.reason}; the rest of the file was not read` });
  else if (rows <= 1 && result.errors.length === 0) {
    // Blank lines only, or a header with nothing under it: said, rather than passed over.
    const reason = rows === 0 ? 'empty: there is no header row and no text' : 'empty: there are no rows under the header';
    result.errors.push({ file, reason });
  }
  yield result;
}

type Columns = { names: string[]; text: number; title: number | null; id: number | null } | string;

function headerOf(header: string[], options: ReadOptions): Columns {
  const names: string[] = [];
  // A set, and the next number to try per name: a header of 50,000 equal names must not
  // take 50,000² comparisons.
  const taken = new Set<string>();
  const next = new Map<string, number>();
  for (const [i, raw] of header.entries()) {
    const base = raw.trim() || `column ${i + 1}`;
    let name = base;
    for (let n = next.get(base) ?? 2; taken.has(name); n++) {
      name = `${base} (${n})`;
      next.set(base, n + 1);
    }
    taken.add(name);
    names.push(name);
  }
  const find = (wanted: readonly string[]) => {
    for (const w of wanted) {
      const i = names.findIndex((n) => n.toLowerCase() === w.toLowerCase());
      if (i !== -1) return i;
    }
    return -1;
  };
  const text = find(options.textField ? [options.textField] : TEXT_COLUMNS);
  if (text === -1) {
    const wanted = quoted(options.textField ?? 'text');
    return `no ${wanted} column (columns: ${names.slice(0, 12).map((n) => shortened(n, 40)).join(', ')}); choose the text column`;
  }
  const title = find(options.titleField ? [options.titleField] : TITLE_COLUMNS);
  const id = find(['id']);
  return { names, text, title: title === -1 ? null : title, id: id === -1 ? null : id };
}

function readRow(row: ParsedRow, columns: Exclude<Columns, string>, file: string, result: ReadResult): void {
  const { record, info } = row;
  // info.lines is the line the record ends on; the report counts data rows after the header.
  const place = { file, line: info.lines, record: info.records - 1 };
  if (record.length !== columns.names.length) {
    const reason = `the row has ${record.length} fields where the header has ${columns.names.length}`;
    result.errors.push({ ...place, reason });
    return;
  }
  // fromEntries keeps a `__proto__` column as a field; an assignment would drop it.
  const metadata: JsonObject = Object.fromEntries(
    record.flatMap((value, i) => (i !== columns.text && i !== columns.title ? [[columns.names[i]!, value]] : [])),
  );
  const id = columns.id !== null && record[columns.id] ? record[columns.id]! : `${fileStem(file)}:${place.record}`;
  const document = draftDocument({
    id,
    text: record[columns.text]!,
    title: columns.title === null ? '' : record[columns.title]!.trim(),
    source: file,
    metadata,
  });
  accept(result, document, place);
}

// The separator the header row uses most: a TSV has tabs, a European CSV semicolons.
function separatorOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}
