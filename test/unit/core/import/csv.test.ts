// CSV and TSV: one document per row, streamed; chosen columns, the rest metadata.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsv } from '../../../../core/import/csv';
import type { ReadOptions, ReadResult } from '../../../../core/import/readResult';

async function read(text: string | Uint8Array, options: ReadOptions = {}, chunk = 5): Promise<ReadResult> {
  const all = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const chunks = (async function* () {
    for (let i = 0; i < all.length; i += chunk) yield all.subarray(i, i + chunk);
  })();
  const result: ReadResult = { documents: [], errors: [], warnings: [] };
  for await (const part of readCsv(chunks, 'in.csv', options)) {
    result.documents.push(...part.documents);
    result.errors.push(...part.errors);
  }
  return result;
}

test('rows become documents; quoted commas and line breaks stay in the text', async () => {
  const { documents, errors } = await read('id,title,text,desk\r\n1,Rockets,"Three rockets, late\nTuesday.",world\r\n2,Talks,Talks resumed.,politics\r\n');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    documents.map((d) => [d.id, d.title, d.text, d.metadata]),
    [
      ['1', 'Rockets', 'Three rockets, late\nTuesday.', { id: '1', desk: 'world' }],
      ['2', 'Talks', 'Talks resumed.', { id: '2', desk: 'politics' }],
    ],
  );
});

test('a TSV is recognised by its tabs, and the columns can be chosen', async () => {
  const { documents } = await read('Headline\tBody\nH1\tThe body.\n', { textField: 'body', titleField: 'headline' });
  assert.deepEqual(documents.map((d) => [d.title, d.text]), [['H1', 'The body.']]);
});

test('a row with the wrong number of fields is reported by its line; the others are read', async () => {
  const { documents, errors } = await read('text,desk\none,a\ntwo\nthree,c\n');
  assert.deepEqual(documents.map((d) => d.text), ['one', 'three']);
  assert.deepEqual(errors, [{ file: 'in.csv', line: 3, record: 2, reason: 'the row has 1 fields where the header has 2' }]);
});

test('a missing text column stops the file with the list of columns', async () => {
  const { documents, errors } = await read('a,b\n1,2\n');
  assert.deepEqual(documents, []);
  assert.match(errors[0]!.reason, /no "text" column \(columns: a, b\)/);
});

test('an invalid byte stops the file after what was read before it', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('text\nfine\nbad '), 0xff, 0x0a]);
  const { documents, errors } = await read(bytes);
  assert.deepEqual(documents.map((d) => d.text), ['fine']);
  assert.match(errors[0]!.reason, /^invalid UTF-8 at byte 14/);
});

// Found by the fuzz tests (test/unit/reliability/readerFuzz.test.ts).
test('what is read before a bad byte does not depend on how the file is cut', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('text\nfine\nbad '), 0xff, 0x0a]);
  for (const chunk of [1, 5, bytes.length]) {
    const { documents, errors } = await read(bytes, {}, chunk);
    assert.deepEqual(documents.map((d) => d.text), ['fine'], `chunks of ${chunk}`);
    assert.match(errors[0]!.reason, /^invalid UTF-8 at byte 14/);
  }
});

test('a header of 60,000 columns of one name is read, each named apart', { timeout: 30_000 }, async () => {
  // Naming duplicates apart compared each name with all before it: minutes, for this one.
  const header = `text${',x'.repeat(60_000)}`;
  const { documents, errors } = await read(`${header}\nThe article.${','.repeat(60_000)}\n`, {}, 1 << 20);
  assert.deepEqual(errors, []);
  const metadata = Object.keys(documents[0]!.metadata);
  assert.deepEqual([metadata.length, metadata[0], metadata[1], metadata.at(-1)], [60_000, 'x', 'x (2)', 'x (60000)']);
});

test('a column named __proto__ is kept as metadata; a header without rows is reported', async () => {
  const [document] = (await read('text,__proto__\nThe article.,kept\n')).documents;
  assert.equal(JSON.stringify(document!.metadata), '{"__proto__":"kept"}');
  assert.match((await read('title,text\n')).errors[0]!.reason, /^empty: there are no rows under the header/);
  assert.match((await read('\n\n')).errors[0]!.reason, /^empty/);
});

test('the reason for a missing text column quotes long column names short', async () => {
  const { errors } = await read(`${'a'.repeat(100_000)},b\n1,2\n`, {}, 1 << 20);
  assert.ok(errors[0]!.reason.length < 300, `${errors[0]!.reason.length} characters`);
});

test('the rows before a quote never closed are read, however fast the file comes in', async () => {
  // Found by test/unit/reliability/importFuzz.test.ts: when the whole file came in one
  // chunk, the parse error destroyed the parser's stream with the rows still buffered in it.
  const text = 'title,text\nA,First row article.\nB,"never closed\n';
  for (const chunk of [1, 7, text.length]) {
    const { documents, errors } = await read(text, {}, chunk);
    assert.deepEqual(documents.map((d) => d.text), ['First row article.'], `chunks of ${chunk}`);
    assert.match(errors[0]!.reason, /^unreadable CSV: Quote Not Closed.*; the rest of the file was not read$/);
  }
});
