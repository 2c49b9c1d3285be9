import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

const document = portable('d1', 'Zoë Kraus left.\nShe went to Paris.', [['Zoë Kraus', 'PER'], ['Paris', 'GPE']]);

test('hf writes a row per sentence with integer tags, and labels.json for the schema', () => {
  const { data, files } = writeWith('hf', [document]);
  const labels = JSON.parse(files.get('labels.json')!) as { id2label: Record<string, string>; label2id: Record<string, number> };
  assert.equal(labels.id2label['0'], 'O');
  assert.equal(labels.id2label['1'], 'B-PER');
  assert.equal(labels.id2label['2'], 'I-PER');
  const rows = data.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; tokens: string[]; ner_tags: number[] });
  assert.deepEqual(rows[0], { id: 'd1-0', document: 'd1', tokens: ['Zoë', 'Kraus', 'left', '.'], ner_tags: [1, 2, 0, 0] });
  assert.deepEqual(rows[1]!.ner_tags, [0, 0, 0, labels.label2id['B-GPE'], 0]);
});

test('hf writes a row per document at document level, and only the chosen labels', () => {
  // The project reader leaves only the chosen labels in a document.
  const chosen = { ...document, mentions: document.mentions.filter((m) => m.label === 'GPE') };
  const { data, files } = writeWith('hf', [chosen], { level: 'document', labels: ['GPE'] });
  assert.deepEqual(JSON.parse(files.get('labels.json')!).id2label, { '0': 'O', '1': 'B-GPE', '2': 'I-GPE' });
  const rows = data.trimEnd().split('\n');
  assert.equal(rows.length, 1);
  assert.equal((JSON.parse(rows[0]!) as { tokens: string[] }).tokens.length, 9);
});
