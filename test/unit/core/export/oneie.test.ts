import assert from 'node:assert/strict';
import { test } from 'node:test';
import { portable, writeWith } from '../../../support/exportWriting';

test('oneie writes a window per sentence with window-relative, end-exclusive token spans', () => {
  const text = 'Intro line.\nMilitants fired rockets at the Green Zone.';
  const document = portable(
    'd1',
    text,
    [['Militants', 'PER'], ['fired rockets', null], ['Green Zone', 'FAC'], ['Intro', 'ORG']],
    [['Conflict.Attack', 'T2', [['Attacker', 'T1'], ['Target', 'T3'], ['Target', 'T4']]]],
    [['PHYS', 'T1', 'T3']],
  );
  const { data, issues } = writeWith('oneie', [document]);
  const windows = data.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(windows.length, 2);
  assert.deepEqual(windows[1], {
    doc_id: 'd1',
    wnd_id: 'd1-1',
    text: 'Militants fired rockets at the Green Zone.',
    tokens: ['Militants', 'fired', 'rockets', 'at', 'the', 'Green', 'Zone', '.'],
    entity_mentions: [
      { id: 'd1-T1', entity_type: 'PER', text: 'Militants', start: 0, end: 1 },
      { id: 'd1-T3', entity_type: 'FAC', text: 'Green Zone', start: 5, end: 7 },
    ],
    relation_mentions: [
      {
        id: 'd1-R1',
        relation_type: 'PHYS',
        arguments: [
          { entity_id: 'd1-T1', role: 'Arg-1', text: 'Militants' },
          { entity_id: 'd1-T3', role: 'Arg-2', text: 'Green Zone' },
        ],
      },
    ],
    event_mentions: [
      {
        id: 'd1-E1',
        event_type: 'Conflict.Attack',
        trigger: { text: 'fired rockets', start: 1, end: 3 },
        arguments: [
          { entity_id: 'd1-T1', role: 'Attacker', text: 'Militants', start: 0, end: 1 },
          { entity_id: 'd1-T3', role: 'Target', text: 'Green Zone', start: 5, end: 7 },
        ],
      },
    ],
  });
  assert.deepEqual(issues.map((i) => i.item), ['E1']);
  assert.match(issues[0]!.reason, /Target argument "Intro" .* in another sentence/);
});
