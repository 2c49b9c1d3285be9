// JSON Lines and JSON: plain records with chosen fields, doccano and Prodigy annotations,
// Spanlab's own export, and every broken line reported on its own.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { writeSpanlabJsonlDocument, writeSpanlabJsonlHeader } from '../../../../core/formats/spanlabJsonl';
import type { PortableDocument } from '../../../../core/formats/portableDocument';
import { DEFAULT_SCHEMA } from '../../../../core/defaultSchema';
import { readJson } from '../../../../core/import/json';
import { JsonlReader } from '../../../../core/import/jsonl';
import type { ReadOptions, ReadResult } from '../../../../core/import/readResult';

const bytes = (text: string) => new TextEncoder().encode(text);

/// Reads `text` as a JSONL file cut into chunks of `chunk` bytes.
function readJsonl(text: string | Uint8Array, options: ReadOptions = {}, chunk = 7): ReadResult {
  const all = typeof text === 'string' ? bytes(text) : text;
  const reader = new JsonlReader('in.jsonl', options);
  const results: ReadResult[] = [];
  for (let i = 0; i < all.length; i += chunk) results.push(reader.push(all.subarray(i, i + chunk)));
  results.push(reader.end());
  return {
    documents: results.flatMap((r) => r.documents),
    errors: results.flatMap((r) => r.errors),
    warnings: results.flatMap((r) => r.warnings),
    ...(results.find((r) => r.schema) ? { schema: results.find((r) => r.schema)!.schema! } : {}),
  };
}

describe('plain records', () => {
  test('text and title fields are taken, the other fields kept as metadata', () => {
    const { documents, errors } = readJsonl('{"id": 7, "title": "Rockets", "text": "Rockets hit Baghdad.", "url": "https://x", "tags": ["a"]}\n');
    assert.deepEqual(errors, []);
    assert.equal(documents[0]!.id, '7');
    assert.equal(documents[0]!.title, 'Rockets');
    assert.equal(documents[0]!.text, 'Rockets hit Baghdad.');
    assert.deepEqual(documents[0]!.metadata, { id: 7, url: 'https://x', tags: ['a'] });
  });

  test('the text and title fields can be chosen', () => {
    const { documents } = readJsonl('{"headline_en": "H", "body_en": "B text"}\n', { textField: 'body_en', titleField: 'headline_en' });
    assert.equal(documents[0]!.text, 'B text');
    assert.equal(documents[0]!.title, 'H');
  });

  test('a missing text field says which fields there are', () => {
    const { errors } = readJsonl('{"body_en": "B"}\n', { textField: 'content' });
    assert.match(errors[0]!.reason, /no a "content" field|no "content"|"content" field/);
    assert.match(errors[0]!.reason, /body_en/);
    assert.equal(errors[0]!.line, 1);
  });
});

describe('annotated records', () => {
  test('doccano label triples become mentions', () => {
    const { documents } = readJsonl('{"text": "EU rejects German call", "label": [[0, 2, "ORG"], [11, 17, "MISC"]]}\n');
    assert.deepEqual(
      documents[0]!.mentions.map((m) => [m.start, m.end, m.label, m.text]),
      [
        [0, 2, 'ORG', 'EU'],
        [11, 17, 'MISC', 'German'],
      ],
    );
  });

  test('doccano entities and relations become mentions and relations', () => {
    const line = JSON.stringify({
      text: 'Google was founded by Larry Page.',
      entities: [
        { id: 10, start_offset: 0, end_offset: 6, label: 'ORG' },
        { id: 11, start_offset: 22, end_offset: 32, label: 'PERSON' },
      ],
      relations: [{ id: 1, from_id: 10, to_id: 11, type: 'foundedBy' }],
    });
    const [document] = readJsonl(`${line}\n`).documents;
    assert.deepEqual(document!.mentions.map((m) => m.text), ['Google', 'Larry Page']);
    assert.deepEqual(document!.relations.map((r) => [r.type, r.from, r.to]), [['foundedBy', 'T10', 'T11']]);
  });

  test('Prodigy spans and relations come along, offsets in code points', () => {
    const line = JSON.stringify({
      text: '🚀 Farouk met Ali',
      spans: [
        { start: 2, end: 8, label: 'PER' },
        { start: 13, end: 16, label: 'PER' },
      ],
      relations: [{ head: 0, child: 2, label: 'MET', head_span: { start: 2, end: 8 }, child_span: { start: 13, end: 16 } }],
      tokens: [{ text: '🚀' }],
      _input_hash: 1,
    });
    const [document] = readJsonl(`${line}\n`).documents;
    assert.deepEqual(document!.mentions.map((m) => m.text), ['Farouk', 'Ali']);
    assert.equal(document!.relations[0]!.type, 'MET');
    assert.deepEqual(document!.metadata, { _input_hash: 1 });
  });

  test('a span outside the text refuses its record with the reason', () => {
    const { documents, errors } = readJsonl('{"text": "short", "label": [[0, 40, "ORG"]]}\n');
    assert.deepEqual(documents, []);
    assert.match(errors[0]!.reason, /span 0–40 is beyond the text's 5 characters/);
  });

  test('a stated span text that differs from the text is refused', () => {
    const { errors } = readJsonl('{"text": "in Baghdad", "spans": [{"start": 3, "end": 10, "label": "GPE", "text": "Bagdad"}]}\n');
    assert.match(errors[0]!.reason, /span text "Bagdad" does not match text "Baghdad"/);
  });
});

describe('Spanlab records', () => {
  test('an export reads back as it was written, with the schema of its header', () => {
    const original: PortableDocument = {
      id: 'doc-1',
      title: 'Rockets',
      text: 'Farouk fired rockets.',
      source: 'wire',
      metadata: { desk: 'world' },
      status: 'done',
      note: 'checked',
      blocks: [{ kind: 'paragraph', start: 0, end: 21 }],
      mentions: [
        { id: 'M1', start: 0, end: 6, label: 'PER', text: 'Farouk', attributes: { level: 'NAM' }, note: '', entity: 'E1' },
        { id: 'M2', start: 7, end: 12, label: null, text: 'fired', attributes: {}, note: '', entity: null },
      ],
      entities: [{ id: 'E1', name: 'Farouk', label: 'PER', aliases: [], externalId: 'Q1' }],
      events: [{ id: 'V1', type: 'Conflict.Attack', trigger: 'M2', arguments: [{ role: 'Attacker', mention: 'M1' }], attributes: {}, note: '' }],
      relations: [],
    };
    const file = writeSpanlabJsonlHeader(DEFAULT_SCHEMA) + writeSpanlabJsonlDocument(original);
    const result = readJsonl(file, {}, 1000);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.documents, [original]);
    assert.equal(result.schema?.entityTypes.length, DEFAULT_SCHEMA.entityTypes.length);
  });
});

describe('broken lines', () => {
  test('malformed JSON, a bad byte and a cut-off last line each fail alone', () => {
    const good = '{"text": "one"}\n';
    const all = new Uint8Array([
      ...bytes(good),
      ...bytes('{"text": "tw\n'),
      ...bytes('{"text": "thr'),
      0xff,
      ...bytes('ee"}\n'),
      ...bytes(good.replace('one', 'four')),
      ...bytes('{"text": "fi'),
    ]);
    const { documents, errors } = readJsonl(all);
    assert.deepEqual(documents.map((d) => d.text), ['one', 'four']);
    assert.deepEqual(errors.map((e) => e.line), [2, 3, 5]);
    assert.match(errors[0]!.reason, /^malformed JSON/);
    assert.match(errors[1]!.reason, /^invalid UTF-8 at byte 42 /);
    assert.match(errors[2]!.reason, /^malformed JSON/);
  });

  test('a line that is not an object is reported', () => {
    assert.match(readJsonl('[1, 2]\n').errors[0]!.reason, /not a JSON object but an array/);
  });
});

describe('JSON files', () => {
  test('an array of records gives one document per element, errors by record', () => {
    const { documents, errors } = readJson('[{"text": "a"}, {"txt": "b"}, {"text": "c"}]', 'x.json', {});
    assert.deepEqual(documents.map((d) => d.text), ['a', 'c']);
    assert.equal(errors[0]!.record, 2);
  });

  test('an object holding the records, and doccano JSON Lines named .json, are read too', () => {
    assert.equal(readJson('{"data": [{"text": "a"}, {"text": "b"}]}', 'x.json', {}).documents.length, 2);
    assert.equal(readJson('{"text": "a"}\n{"text": "b"}\n', 'x.json', {}).documents.length, 2);
  });

  test('malformed JSON names its line', () => {
    const { errors } = readJson('[\n{"text": "a"},\n{"text": "b\n]', 'x.json', {});
    assert.match(errors[0]!.reason, /^malformed JSON/);
    assert.equal(errors[0]!.line, 3);
  });
});

// Inputs the fuzz tests (test/unit/reliability/readerFuzz.test.ts) found, kept as they were
// shrunk: each once made a reader throw or went into the project changed.
describe('records the fuzzing found', () => {
  test('a span past the end that starts after it is refused, not thrown over', () => {
    for (const line of [
      '{"text":"قال مسؤولون إن صواريخ سقطت","label":[[27,6,"X*ze"]]}',
      '{"text":"𖫡","entities":[{"id":3,"start_offset":2,"end_offset":1,"label":"ORG"}]}',
      '{"text":"ꭺ𑂚芝","spans":[{"start":0,"end":3}],' +
        '"relations":[{"head_span":{"start":5,"end":1},"child_span":{"start":0,"end":2},"label":"R"}]}',
    ]) {
      const { documents, errors } = readJsonl(`${line}\n`);
      assert.deepEqual(documents, []);
      assert.match(errors[0]!.reason, /is not a span/);
    }
  });

  test('values nested thousands of levels deep refuse their record, and the next is read', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const lines = [
      `{"text": "Deep metadata.", "meta": ${deep}}`,
      `{"text": "Deep", "mentions": [], "entities": [], "events": [], "relations": [], "metadata": {"a": ${deep}}}`,
    ];
    for (const line of lines) {
      const { documents, errors } = readJsonl(`${line}\n{"text": "next"}\n`, {}, 1 << 20);
      assert.deepEqual(documents.map((d) => d.text), ['next']);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.reason, /nest(s|ed) more than 100 levels/);
    }
  });

  test('a lone surrogate in the text refuses the record: it would be stored as U+FFFD', () => {
    const { documents, errors } = readJsonl('{"text": "a\\ud800b"}\n{"text": "fine 😀", "title": "\\udc00"}\n');
    assert.deepEqual(documents, []);
    assert.match(errors[0]!.reason, /the text holds an unpaired surrogate \(U\+D800\) at character 1/);
    assert.match(errors[1]!.reason, /the title holds an unpaired surrogate/);
  });

  test('a field named __proto__ is kept as metadata like any other', () => {
    const [document] = readJsonl('{"text": "A record.", "__proto__": {"polluted": true}, "desk": "world"}\n').documents;
    assert.equal(JSON.stringify(document!.metadata), '{"__proto__":{"polluted":true},"desk":"world"}');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a text field of the wrong type is named as such', () => {
    const { errors } = readJsonl('{"text": 42, "title": "wrong"}\n{"body": null}\n{"txt": "x"}\n');
    assert.deepEqual(errors.map((e) => e.reason), [
      'the "text" field is a number, not a string',
      'the "body" field is null, not a string',
      'no "text" field (its fields: txt); choose the text field',
    ]);
  });

  test('a file with no records says so', () => {
    assert.match(readJsonl('\n  \n').errors[0]!.reason, /^empty: there are no records/);
    assert.match(readJson('[]', 'x.json', {}).errors[0]!.reason, /^empty: the array holds no records/);
  });

  test('a reason quotes at most a few dozen characters of the record', () => {
    const { errors } = readJsonl(`{"${'t'.repeat(100_000)}": 1}\n`);
    assert.ok(errors[0]!.reason.length < 300, `${errors[0]!.reason.length} characters`);
  });
});
