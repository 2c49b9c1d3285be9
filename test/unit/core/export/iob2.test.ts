import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

test('iob2 writes token, tab, tag; documents simply follow one another', () => {
  const { data } = writeWith('iob2', [
    portable('d1', 'Bank of America Tower', [['Bank of America Tower', 'FAC'], ['America', 'GPE']]),
    portable('d2', 'Paris', [['Paris', 'GPE']]),
  ]);
  assert.equal(data, 'Bank\tB-FAC\nof\tI-FAC\nAmerica\tI-FAC\nTower\tI-FAC\n\nParis\tB-GPE\n\n');
});

test('iob2 keeps the innermost of nested mentions when asked, and reports the other', () => {
  const { data, issues } = writeWith('iob2', [portable('d1', 'Bank of America Tower', [['Bank of America Tower', 'FAC'], ['America', 'GPE']])], {
    keep: 'innermost',
  });
  assert.equal(data, 'Bank\tO\nof\tO\nAmerica\tB-GPE\nTower\tO\n\n');
  assert.equal(issues.length, 1);
  assert.match(issues[0]!.reason, /^"Bank of America Tower" \(FAC, 0–21\) overlaps T2 "America" \(GPE, 8–15\); iob2 keeps the innermost mention$/);
});
