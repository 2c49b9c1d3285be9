import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

test('spacy-jsonl writes tokens with code-point offsets and spans with inclusive token ends', () => {
  const text = '🚩 Zoë Kraus met Farouk\nin Paris.';
  const { data, issues } = writeWith('spacy-jsonl', [portable('d1', text, [['Zoë Kraus', 'PER'], ['Kraus', 'PER'], ['Pari', 'GPE']])]);
  const line = JSON.parse(data) as { text: string; meta: unknown; tokens: unknown[]; spans: unknown[] };
  assert.equal(line.text, text);
  assert.deepEqual(line.meta, { id: 'd1', title: 'd1' });
  assert.deepEqual(line.tokens.slice(0, 3), [
    { text: '🚩', start: 0, end: 1, id: 0, ws: true },
    { text: 'Zoë', start: 2, end: 5, id: 1, ws: true },
    { text: 'Kraus', start: 6, end: 11, id: 2, ws: true },
  ]);
  assert.deepEqual(line.tokens.at(-1), { text: '.', start: 31, end: 32, id: 7, ws: false });
  // Overlapping spans are kept: the format holds them.
  assert.deepEqual(line.spans, [
    { start: 2, end: 11, token_start: 1, token_end: 2, label: 'PER' },
    { start: 6, end: 11, token_start: 2, token_end: 2, label: 'PER' },
  ]);
  assert.deepEqual(issues.map((i) => i.item), ['T3']);
});
