import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

const document = portable('d1', 'Google 🔎 was founded by Larry Page.', [['Google', 'ORG'], ['founded', null], ['Larry Page', 'PER']], [], [
  ['ORG-AFF', 'T3', 'T1'],
  ['PHYS', 'T2', 'T1'],
]);

test('doccano writes label triples with code-point offsets by default', () => {
  const { data, notes } = writeWith('doccano', [document]);
  assert.equal(data, '{"id":"d1","text":"Google 🔎 was founded by Larry Page.","label":[[0,6,"ORG"],[24,34,"PER"]]}\n');
  assert.deepEqual(notes, ['doccano holds entity mentions only: 2 relations are not part of it.']);
});

test('doccano writes entities and relations in their form, reporting a relation to an untyped span', () => {
  const { data, issues } = writeWith('doccano', [document], { doccanoForm: 'entities' });
  assert.deepEqual(JSON.parse(data), {
    id: 'd1',
    text: document.text,
    entities: [
      { id: 0, label: 'ORG', start_offset: 0, end_offset: 6 },
      { id: 1, label: 'PER', start_offset: 24, end_offset: 34 },
    ],
    relations: [{ id: 0, from_id: 1, to_id: 0, type: 'ORG-AFF' }],
  });
  assert.deepEqual(issues.map((i) => i.item), ['R2']);
});
