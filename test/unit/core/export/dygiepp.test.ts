import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

test('dygiepp writes document-level, end-inclusive token spans per sentence, clusters and events', () => {
  const text = 'Militants fired rockets at the Green Zone. Zoë saw the Zone burn.';
  const document = portable(
    'd1',
    text,
    [
      ['Militants', 'PER'],
      ['fired', null],
      ['rockets', 'WEA'],
      ['Green Zone', 'FAC', { entity: 'N1' }],
      ['Zoë', 'PER'],
      ['Zone', 'FAC', { entity: 'N1', from: 43 }],
      ['fired rockets', null],
      ['saw', null],
    ],
    [
      ['Conflict.Attack', 'T2', [['Attacker', 'T1'], ['Instrument', 'T3'], ['Target', 'T4'], ['Target', 'T6']]],
      ['Conflict.Attack', 'T7', []],
      ['Contact.Meet', 'T8', [['Entity', 'E1']]],
    ],
    [['PHYS', 'T1', 'T4'], ['PHYS', 'T5', 'T4']],
  );
  const { data, issues, counts } = writeWith('dygiepp', [document]);
  const line = JSON.parse(data) as Record<string, unknown>;
  assert.deepEqual(line.sentences, [
    ['Militants', 'fired', 'rockets', 'at', 'the', 'Green', 'Zone', '.'],
    ['Zoë', 'saw', 'the', 'Zone', 'burn', '.'],
  ]);
  assert.deepEqual(line.ner, [[[0, 0, 'PER'], [2, 2, 'WEA'], [5, 6, 'FAC']], [[8, 8, 'PER'], [11, 11, 'FAC']]]);
  assert.deepEqual(line.relations, [[[0, 0, 5, 6, 'PHYS']], []]);
  assert.deepEqual(line.clusters, [[[5, 6], [11, 11]]]);
  assert.deepEqual(line.events, [[[[1, 'Conflict.Attack'], [0, 0, 'Attacker'], [2, 2, 'Instrument'], [5, 6, 'Target']]], [[[9, 'Contact.Meet']]]]);
  const reasons = issues.map((i) => `${i.item}: ${i.reason}`);
  assert.equal(reasons.length, 4);
  assert.match(reasons[0]!, /^E1: .*Target argument "Zone" .* is in another sentence than the trigger; left out$/);
  assert.match(reasons[1]!, /^E2: .*trigger "fired rockets" .* is 2 tokens; dygiepp triggers are one token; left out$/);
  assert.match(reasons[2]!, /^E3: .*Entity argument is the event E1; dygiepp has no nested events; left out$/);
  assert.match(reasons[3]!, /^R2: PHYS relation: its ends are in different sentences; left out$/);
  assert.equal(counts['Conflict.Attack'], 1);
});
