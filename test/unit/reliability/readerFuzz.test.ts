// Every importer fuzzed with fast-check: valid files broken in every way a file can break
// (random bytes, truncation, huge lines, deep JSON, wrong types, offsets out of range,
// overlapping and empty spans, odd Unicode), and pure noise. Whatever comes in, a reader
// returns — it never throws and never takes more than the hang limit — with the documents
// it could read, each sound (its text well-formed, every span inside it and quoting it),
// and one report line for each file or record it could not. The streaming readers give
// the same answer however the file is cut into chunks. importFuzz.test.ts writes what the
// readers read into real projects.

import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ImportIssue } from '../../../common/importReport';
import { codePointLength, sliceCodePoints } from '../../../core/codePoints';
import { readBrat } from '../../../core/import/brat';
import { readConll } from '../../../core/import/conll';
import { readCsv } from '../../../core/import/csv';
import { ChunkDecoder, decodeBytes, DecodeError } from '../../../core/import/decoding';
import { checkDocument } from '../../../core/import/documentCheck';
import { readHtml } from '../../../core/import/html';
import { readJson } from '../../../core/import/json';
import { JsonlReader } from '../../../core/import/jsonl';
import { readPlainText } from '../../../core/import/plainText';
import type { ReadResult } from '../../../core/import/readResult';
import {
  deepJson,
  fileBytes,
  fuzzParameters,
  hugeRun,
  mutatedText,
  oddPiece,
  withinHangLimit,
  withinHangLimitAsync,
} from '../../support/fuzzInputs';
import { jsonRecord } from '../../support/fuzzRecords';
import * as samples from '../../support/readerSamples';
import { reportFigure, scaled } from '../../support/tortureScale';

describe('the readers, fuzzed', () => {
  test('decoding: whole or in chunks, the same text or the same refusal', (t) => {
    let tried = 0;
    const bytes = fc.oneof(fileBytes([...samples.TEXT_SAMPLES, ...samples.HTML_SAMPLES], 0), fc.uint8Array({ maxLength: 64 }));
    fc.assert(
      fc.property(bytes, cuts(), (input, at) => {
        tried++;
        const whole = withinHangLimit('decodeBytes', () => decodeBytes(input));
        const chunked = decodeInChunks(input, at);
        if (whole.ok) assert.equal(chunked, whole.text);
        else assert.ok(chunked instanceof DecodeError, `refused whole (${whole.reason}), read in chunks`);
      }),
      fuzzParameters(t, scaled(500)),
    );
    reportFigure(t, `decoding: ${tried} inputs`);
  });

  test('txt and Markdown', (t) => {
    let tried = 0;
    const input = fc.tuple(fileBytes([...samples.TEXT_SAMPLES, ...samples.MARKDOWN_SAMPLES], 200_000), fc.boolean());
    fc.assert(
      fc.property(input, ([bytes, markdown]) => {
        tried++;
        const text = decoded(bytes);
        if (text === null) return;
        const file = markdown ? 'a.md' : 'a.txt';
        const result = withinHangLimit('readPlainText', () => readPlainText(text, file, { markdown }));
        assertSound(result, file);
        // The text exactly as read, or a reason.
        if (result.documents.length === 1) assert.equal(result.documents[0]!.text, text);
        else assert.equal(result.errors.length, 1);
      }),
      fuzzParameters(t, scaled(500)),
    );
    reportFigure(t, `txt/md reader: ${tried} inputs`);
  });

  test('CoNLL, IOB2 and BIOES', (t) => {
    let tried = 0;
    fc.assert(
      fc.property(fileBytes(samples.CONLL_SAMPLES, 200_000), (bytes) => {
        tried++;
        const text = decoded(bytes);
        if (text === null) return;
        const result = withinHangLimit('readConll', () => readConll(text, 'a.conll'));
        assertSound(result, 'a.conll');
        assert.ok(result.documents.length + result.errors.length > 0, 'a file without documents says why');
      }),
      fuzzParameters(t, scaled(400)),
    );
    reportFigure(t, `CoNLL reader: ${tried} inputs`);
  });

  test('brat .txt + .ann', (t) => {
    reportFigure(t, `brat reader: ${fuzzBrat(t, samples.BRAT_SAMPLES, scaled(600))} inputs`);
  });

  test('JSON Lines, cut into chunks anywhere', (t) => {
    const records = fc.array(jsonRecord(), { minLength: 1, maxLength: 6 }).map((rs) => rs.join('\n'));
    const text = fc.oneof(fc.constantFrom(...samples.JSONL_SAMPLES).chain((s) => mutatedText(s, 100_000)), records);
    reportFigure(t, `JSONL reader: ${fuzzJsonl(t, text, scaled(400))} inputs`);
  });

  test('the brat and doccano corpora of ../shared, broken', { skip: samples.sharedSamplesMissing() }, (t) => {
    const corpora = samples.sharedSamples();
    const brat = fuzzBrat(t, corpora.brat, scaled(150));
    const jsonl = fuzzJsonl(t, fc.constantFrom(...corpora.jsonl).chain((s) => mutatedText(s, 100_000)), scaled(100));
    reportFigure(t, `shared corpora: ${brat} brat and ${jsonl} doccano inputs`);
  });

  test('JSON: arrays, wrapped arrays, one record, JSON Lines under .json', (t) => {
    let tried = 0;
    const records = fc.array(jsonRecord(), { maxLength: 5 });
    const text = fc.oneof(
      fc.constantFrom(...samples.JSON_SAMPLES).chain((s) => mutatedText(s, 100_000)),
      records.map((rs) => `[${rs.join(',')}]`),
      records.map((rs) => `{"data":[${rs.join(',')}]}`),
      jsonRecord(),
      deepJson(20_000),
    );
    fc.assert(
      fc.property(mutatedBytesOf(text), (bytes) => {
        tried++;
        const decodedText = decoded(bytes);
        if (decodedText === null) return;
        const result = withinHangLimit('readJson', () => readJson(decodedText, 'a.json', {}));
        assertSound(result, 'a.json');
        assert.ok(result.documents.length + result.errors.length > 0 || result.schema, 'a file without documents says why');
      }),
      fuzzParameters(t, scaled(400)),
    );
    reportFigure(t, `JSON reader: ${tried} inputs`);
  });

  test('CSV and TSV, cut into chunks anywhere', async (t) => {
    let tried = 0;
    const text = fc.constantFrom(...samples.CSV_SAMPLES).chain((s) => mutatedText(s, 100_000));
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: mutatedBytesOf(text) }, fc.uint8Array({ maxLength: 500 })), cuts(), async (bytes, at) => {
        tried++;
        const whole = await withinHangLimitAsync('readCsv', () => readCsvBytes(bytes, []));
        assertSound(whole, 'a.csv');
        assert.ok(whole.documents.length + whole.errors.length > 0, 'a file without documents says why');
        assert.deepEqual(await readCsvBytes(bytes, at), whole, 'the same rows, however the file is cut');
      }),
      fuzzParameters(t, scaled(250)),
    );
    reportFigure(t, `CSV reader: ${tried} inputs`);
  });

  test('HTML', (t) => {
    let tried = 0;
    const nested = fc
      .tuple(fc.constantFrom('<div>', '<b>', '<section><p>', '<table><tr><td>', '<ul><li>'), fc.integer({ min: 10, max: 5_000 }))
      .map(([open, depth]) => `<html><body>${open.repeat(depth)}Deep text.</body></html>`);
    const page = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...samples.HTML_SAMPLES).chain((s) => mutatedText(s, 50_000)) },
      { weight: 1, arbitrary: nested },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    );
    fc.assert(
      fc.property(page, (html) => {
        tried++;
        const result = withinHangLimit('readHtml', () => readHtml(html, 'a.html'));
        assertSound(result, 'a.html');
        assert.equal(result.documents.length + result.errors.length, 1, 'one document or one reason');
      }),
      fuzzParameters(t, scaled(100)),
    );
    reportFigure(t, `HTML reader: ${tried} inputs`);
  });
});

// --- properties run on more than one set of samples ----------------------------------

/// Fuzzes the brat reader on broken `pairs`; returns how many inputs it tried.
function fuzzBrat(t: TestContext, pairs: readonly samples.BratSample[], runs: number): number {
  let tried = 0;
  const pair = fc.constantFrom(...pairs).chain((sample) =>
    fc.record({
      text: fc.oneof({ weight: 4, arbitrary: fc.constant(sample.text) }, { weight: 1, arbitrary: mutatedText(sample.text) }),
      ann: fc.oneof(mutatedText(sample.ann, 100_000), annLines(sample.text)),
    }),
  );
  fc.assert(
    fc.property(pair, ({ text, ann }) => {
      tried++;
      const result = withinHangLimit('readBrat', () => readBrat({ text, ann, textFile: 'a.txt', annFile: 'a.ann' }));
      assertSound(result, ['a.txt', 'a.ann']);
      assert.ok(result.documents.length + result.errors.length > 0, 'a pair without a document says why');
      for (const document of result.documents) assert.equal(document.text, text, 'the .txt exactly as read');
    }),
    fuzzParameters(t, runs),
  );
  return tried;
}

/// Fuzzes the JSONL reader on `texts`, each also cut into chunks anywhere; returns how many
/// inputs it tried.
function fuzzJsonl(t: TestContext, texts: fc.Arbitrary<string>, runs: number): number {
  let tried = 0;
  fc.assert(
    fc.property(mutatedBytesOf(texts), cuts(), (bytes, at) => {
      tried++;
      const whole = withinHangLimit('JsonlReader', () => readJsonl(bytes, []));
      assertSound(whole, 'a.jsonl');
      assert.deepEqual(readJsonl(bytes, at), whole, 'the same records, however the file is cut');
    }),
    fuzzParameters(t, runs),
  );
  return tried;
}

// --- what every reader's answer must be --------------------------------------------

/// Sound documents, and issues that are report lines for the file(s) read.
function assertSound(result: ReadResult, files: string | string[]): void {
  const names = new Set([files].flat());
  for (const issue of [...result.errors, ...result.warnings]) assertIssue(issue, names);
  for (const document of result.documents) {
    assert.deepEqual(checkDocument(document), [], 'a document the reader accepted passes the import check');
    assert.ok(!/\p{Cs}/u.test(document.text), 'the text is Unicode text (no lone surrogate)');
    assert.ok(!document.text.includes('\u0000'), 'no NUL in the text');
    const length = codePointLength(document.text);
    for (const mention of document.mentions) {
      assert.ok(mention.start >= 0 && mention.start < mention.end && mention.end <= length, `${mention.id} inside the text`);
      assert.equal(mention.text, sliceCodePoints(document.text, mention.start, mention.end), `${mention.id} quotes the text`);
    }
    for (const block of document.blocks ?? []) assert.ok(block.start < block.end && block.end <= length, 'blocks inside the text');
  }
}

function assertIssue(issue: ImportIssue, names: Set<string>): void {
  assert.ok(names.has(issue.file), `the issue names the file: ${JSON.stringify(issue)}`);
  assert.equal(typeof issue.reason, 'string');
  assert.ok(issue.reason.trim().length > 0 && issue.reason.length < 10_000, `a reason of sensible length: ${issue.reason.slice(0, 100)}`);
  for (const n of [issue.line, issue.record]) if (n !== undefined) assert.ok(Number.isInteger(n) && n >= 1, `line ${n}`);
}

// --- inputs ----------------------------------------------------------------------

/// Where to cut a file into chunks: sorted positions, taken modulo its length.
function cuts(): fc.Arbitrary<number[]> {
  return fc.array(fc.nat(), { maxLength: 6 });
}

function chunksOf(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.slice(from, point));
    from = point;
  }
  return chunks;
}

function mutatedBytesOf(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc.oneof({ weight: 4, arbitrary: text.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))) }, fileBytes(['{"text": "x"}\n'], 0));
}

/// .ann files written line by line against `text`: spans in and out of it, empty,
/// reversed, overlapping, discontinuous, quoting right or wrong; references to ids that
/// exist or not; the other line kinds with odd fields.
function annLines(text: string): fc.Arbitrary<string> {
  const length = codePointLength(text);
  const offset = fc.oneof(fc.integer({ min: 0, max: length }), fc.integer({ min: -2, max: length + 5 }));
  const id = (prefix: string) => fc.integer({ min: 1, max: 6 }).map((n) => `${prefix}${n}`);
  const label = fc.oneof(fc.constantFrom('PER', 'ORG', 'Conflict_Attack', '__proto__', 'constructor', 'a b'), fc.string({ maxLength: 8 }));
  const span = fc.tuple(offset, offset).map(([a, b]) => `${a} ${b}`);
  const tLine = fc
    .tuple(id('T'), label, fc.array(span, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([tid, type, spans, quote]) => {
      const parts = spans.map((s) => s.split(' ').map(Number) as [number, number]);
      const quoted = parts.map(([a, b]) => sliceCodePoints(text, a, b)).join(' ');
      return `${tid}\t${type} ${spans.join(';')}${quote ? `\t${quoted}` : ''}`;
    });
  const target = fc.oneof(id('T'), id('E'), id('R'), fc.constant('X9'));
  const eLine = fc
    .tuple(id('E'), label, id('T'), fc.array(fc.tuple(fc.constantFrom('Theme', 'Theme2', 'Agent', '1', ''), target), { maxLength: 3 }))
    .map(([eid, type, trigger, args]) => `${eid}\t${type}:${trigger}${args.map(([r, x]) => ` ${r}:${x}`).join('')}`);
  const rLine = fc.tuple(id('R'), label, target, target).map(([rid, type, a, b]) => `${rid}\t${type} Arg1:${a} Arg2:${b}`);
  const pointer = fc
    .tuple(
      fc.constantFrom('A1', 'M2', 'N3', '#4', '*'),
      fc.constantFrom('Negation', 'Reference', 'AnnotatorNotes', 'Equiv', '__proto__'),
      target,
      fc.oneof(target, oddPiece, fc.constant('')),
    )
    .map(([pid, kind, a, b]) => `${pid}\t${kind} ${a} ${b}\t${b}`);
  const line = fc.oneof({ weight: 4, arbitrary: tLine }, eLine, rLine, pointer, oddPiece, hugeRun(20_000));
  return fc.tuple(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(([lines, end]) => lines.join(end));
}

// --- running the readers ---------------------------------------------------------------

function decoded(bytes: Uint8Array): string | null {
  const result = withinHangLimit('decodeBytes', () => decodeBytes(bytes));
  return result.ok ? result.text : null;
}

function decodeInChunks(bytes: Uint8Array, at: readonly number[]): string | DecodeError {
  const decoder = new ChunkDecoder();
  try {
    let text = '';
    for (const chunk of chunksOf(bytes, at)) text += decoder.push(chunk);
    return text + decoder.end();
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
}

function readJsonl(bytes: Uint8Array, at: readonly number[]): ReadResult {
  const reader = new JsonlReader('a.jsonl', {});
  return merged([...chunksOf(bytes, at).map((chunk) => reader.push(chunk)), reader.end()]);
}

async function readCsvBytes(bytes: Uint8Array, at: readonly number[]): Promise<ReadResult> {
  const chunks = chunksOf(bytes, at);
  const source = (async function* () {
    yield* chunks;
  })();
  const results: ReadResult[] = [];
  for await (const result of readCsv(source, 'a.csv', {})) results.push(result);
  return merged(results);
}

function merged(results: ReadResult[]): ReadResult {
  const schema = results.find((r) => r.schema)?.schema;
  return {
    documents: results.flatMap((r) => r.documents),
    errors: results.flatMap((r) => r.errors),
    warnings: results.flatMap((r) => r.warnings),
    ...(schema ? { schema } : {}),
  };
}
