import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

const documents = [
  portable('d1', 'Militants hit Baghdad.\nThe U.S. embassy said so.', [['Baghdad', 'GPE'], ['U.S. embassy', 'FAC'], ['U.S.', 'GPE']], [
    ['Conflict.Attack', 'T1', []],
  ]),
  portable('d2', 'Zoë Kraus left.', [['Zoë Kraus', 'PER']]),
];

test('conll writes a token and its IOB2 tag per line, -DOCSTART- before each document, a blank line after each sentence', () => {
  const { data, issues, notes, counts } = writeWith('conll', documents);
  assert.equal(
    data,
    [
      '-DOCSTART- O',
      '',
      'Militants O',
      'hit O',
      'Baghdad B-GPE',
      '. O',
      '',
      'The O',
      'U.S. B-FAC',
      'embassy I-FAC',
      'said O',
      'so O',
      '. O',
      '',
      '-DOCSTART- O',
      '',
      'Zoë B-PER',
      'Kraus I-PER',
      'left O',
      '. O',
      '',
      '',
    ].join('\n'),
  );
  assert.deepEqual(issues.map((i) => [i.document, i.item]), [['d1', 'T3']]);
  assert.deepEqual(counts, { GPE: 1, FAC: 1, PER: 1 });
  assert.deepEqual(notes, ['conll holds entity mentions only: 1 event is not part of it.']);
});

test('conll leaves -DOCSTART- out when asked', () => {
  const { data } = writeWith('conll', documents, { docstart: false });
  assert.ok(!data.includes('-DOCSTART-'));
  assert.ok(data.startsWith('Militants O\n'));
});
