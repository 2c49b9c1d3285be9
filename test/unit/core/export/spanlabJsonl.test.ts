import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExportViolation } from '../../../../core/export/exportViolation';
import { readSpanlabJsonl } from '../../../../core/formats/spanlabJsonl';
import { portable, writeWith } from '../../../support/exportWriting';

const document = portable('d1', 'Militants fired rockets at the 🏛 embassy.', [['Militants', 'PER'], ['fired', null], ['embassy', 'FAC']], [
  ['Conflict.Attack', 'T2', [['Attacker', 'T1'], ['Target', 'T3']]],
]);

test('spanlab-jsonl writes the schema header, then one line per document, and reads back whole', () => {
  const { data, counts } = writeWith('spanlab-jsonl', [document, { ...document, id: 'd2' }]);
  const lines = data.trimEnd().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^\{"format":"spanlab-jsonl","version":1,"schema":\{"entityTypes":\[/);
  const read = readSpanlabJsonl(data);
  assert.deepEqual(read.errors, []);
  assert.deepEqual(read.documents, [document, { ...document, id: 'd2' }]);
  assert.deepEqual(counts, { PER: 2, FAC: 2, 'Conflict.Attack': 2 });
});

test('spanlab-jsonl stops rather than write a mention whose text is not at its offsets', () => {
  const wrong = { ...document, mentions: document.mentions.map((m) => (m.id === 'T3' ? { ...m, start: m.start + 1, end: m.end + 1 } : m)) };
  assert.throws(() => writeWith('spanlab-jsonl', [wrong]), (error: unknown) => error instanceof ExportViolation && /mentions\.2\.text/.test(error.message));
});
