import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SCHEMA } from '../../../../core/defaultSchema';
import {
  readSpanlabJsonl,
  readSpanlabJsonlLine,
  writeSpanlabJsonlDocument,
  writeSpanlabJsonlHeader,
} from '../../../../core/formats/spanlabJsonl';
import { portable } from '../../../support/exportWriting';

const document = {
  ...portable('doc-1', 'Zoë 🚀 met Farouk in Baghdad.', [['Farouk', 'PER', { entity: 'N1' }], ['Baghdad', 'GPE'], ['met', null]], [
    ['Contact.Meet', 'T3', [['Entity', 'T1']]],
  ]),
  metadata: { zeta: 1, alpha: { b: 2, a: true } },
};

test('a document is written as one line with its keys in a fixed order and objects sorted', () => {
  const line = writeSpanlabJsonlDocument(document);
  assert.ok(line.endsWith('\n'));
  assert.equal(line.indexOf('\n'), line.length - 1);
  const keys = Object.keys(JSON.parse(line) as object);
  assert.deepEqual(keys, ['id', 'title', 'text', 'source', 'metadata', 'status', 'note', 'mentions', 'entities', 'events', 'relations']);
  assert.match(line, /"metadata":\{"alpha":\{"a":true,"b":2\},"zeta":1\}/);
  assert.match(line, /"mentions":\[\{"id":"T1","start":10,"end":16,"label":"PER","text":"Farouk"/);
});

test('what is written reads back as the same document', () => {
  const read = readSpanlabJsonlLine(writeSpanlabJsonlDocument(document), 2);
  assert.equal(read.kind, 'document');
  assert.deepEqual(read.kind === 'document' && read.document, { ...document, metadata: { alpha: { a: true, b: 2 }, zeta: 1 } });
});

test('the header carries the schema and reads back', () => {
  const header = writeSpanlabJsonlHeader(DEFAULT_SCHEMA);
  const read = readSpanlabJsonlLine(header, 1);
  assert.equal(read.kind, 'header');
  assert.deepEqual(read.kind === 'header' && read.header.schema, DEFAULT_SCHEMA);
});

test('a hand-written line needs only its text; the rest gets defaults', () => {
  const read = readSpanlabJsonlLine('{"text":"Hi Zoë","mentions":[{"id":"a","start":3,"end":6,"label":"PER"}]}', 7);
  assert.equal(read.kind, 'document');
  if (read.kind !== 'document') return;
  assert.equal(read.document.id, 'line-7');
  assert.equal(read.document.status, 'todo');
  assert.equal(read.document.mentions[0]!.text, 'Zoë');
});

test('offsets are code points: a mention after an emoji is checked against its text', () => {
  const line = JSON.stringify({ text: '🚀 Zoë', mentions: [{ id: 'T1', start: 2, end: 5, label: 'PER', text: 'Zoë' }] });
  assert.equal(readSpanlabJsonlLine(line, 1).kind, 'document');
  const wrong = JSON.stringify({ text: '🚀 Zoë', mentions: [{ id: 'T1', start: 3, end: 6, label: 'PER', text: 'Zoë' }] });
  const read = readSpanlabJsonlLine(wrong, 4);
  assert.equal(read.kind, 'invalid');
  assert.ok(read.kind === 'invalid' && read.errors.some((e) => e.line === 4 && e.path === 'mentions.0'));
});

test('errors name the line and the path of what is wrong', () => {
  const read = readSpanlabJsonlLine(
    JSON.stringify({
      text: 'A met B.',
      mentions: [{ id: 'T1', start: 0, end: 1, label: 'PER', entity: 'N9' }],
      events: [{ id: 'E1', type: 'Contact.Meet', trigger: 'T7', arguments: [{ role: 'Entity' }] }],
      relations: [{ id: 'R1', type: 'PHYS', from: 'T1', to: 'T2' }],
    }),
    3,
  );
  assert.equal(read.kind, 'invalid');
  const paths = read.kind === 'invalid' ? read.errors.map((e) => `${e.line}:${e.path}`) : [];
  assert.deepEqual(paths.sort(), ['3:events.0.arguments.0', '3:events.0.trigger', '3:mentions.0.entity', '3:relations.0.to']);
  const bad = readSpanlabJsonlLine('{"text": 1, "colour": "red"}', 5);
  assert.ok(bad.kind === 'invalid' && bad.errors.every((e) => e.line === 5) && bad.errors.length === 2);
  assert.equal(readSpanlabJsonlLine('{not json', 9).kind, 'invalid');
  assert.equal(readSpanlabJsonlLine('   ', 10).kind, 'blank');
});

test('a file from a newer Spanlab is refused by its header', () => {
  const read = readSpanlabJsonlLine('{"format":"spanlab-jsonl","version":2,"schema":{}}', 1);
  assert.ok(read.kind === 'invalid' && /update Spanlab/.test(read.errors[0]!.message));
});

test('a whole file reads into its header, documents and the errors of bad lines', () => {
  const text = writeSpanlabJsonlHeader(DEFAULT_SCHEMA) + writeSpanlabJsonlDocument(document) + '{"text":""}\n\n';
  const { header, documents, errors } = readSpanlabJsonl(text);
  assert.ok(header);
  assert.equal(documents.length, 1);
  assert.deepEqual(errors.map((e) => e.line), [3]);
});

// Found by the fuzz tests (test/unit/reliability/readerFuzz.test.ts and
// schemaReaderFuzz.test.ts): a line nested thousands of levels deep overflowed the stack of
// the schema check; a header of thousands of types took minutes to merge; and errors quoted
// unknown keys and ids whole.
test('a line nested thousands of levels deep is invalid, not thrown over', () => {
  const deep = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
  const read = readSpanlabJsonlLine(`{"text": "Deep", "metadata": {"a": ${deep}}}`, 3);
  assert.deepEqual(read, { kind: 'invalid', errors: [{ line: 3, path: '', message: 'nested more than 100 levels deep' }] });
});

test('a header of more than 1,000 types is refused', () => {
  const many = Array.from({ length: 1_001 }, (_, i) => ({ ...DEFAULT_SCHEMA.entityTypes[0]!, name: `T${i}`, hotkey: null }));
  const read = readSpanlabJsonlLine(writeSpanlabJsonlHeader({ ...DEFAULT_SCHEMA, entityTypes: many }), 1);
  assert.ok(read.kind === 'invalid' && read.errors[0]!.path === 'schema.entityTypes');
});

test('errors quote long keys and ids short', () => {
  const long = 'k'.repeat(100_000);
  const read = readSpanlabJsonlLine(`{"text": "Farouk", "${long}": 1, "relations": [{"id": "R1", "type": "X", "from": "${long}", "to": "T1"}]}`, 1);
  assert.ok(read.kind === 'invalid');
  for (const error of read.errors) assert.ok(error.message.length + error.path.length < 400, error.message.slice(0, 80));
});
