import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

test('bioes tags the last token E- and a one-token mention S-', () => {
  const { data } = writeWith('bioes', [portable('d1', 'Zoë Anna Kraus met Farouk.', [['Zoë Anna Kraus', 'PER'], ['Farouk', 'PER']])]);
  assert.equal(data, 'Zoë\tB-PER\nAnna\tI-PER\nKraus\tE-PER\nmet\tO\nFarouk\tS-PER\n.\tO\n\n');
});
