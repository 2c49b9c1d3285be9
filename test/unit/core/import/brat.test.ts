// brat standoff: every line kind represented, every T checked against the .txt.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBrat } from '../../../../core/import/brat';

const TEXT = 'Farouk Ali, a guard, fired rockets at the embassy in Baghdad.\r\nHe and his brother fled.\n';
// Farouk Ali 0–10, guard 14–19, fired 21–26, rockets 27–34, the embassy 38–49,
// Baghdad 53–60, then "\r\n": He 63–65, brother 74–81, fled 82–86.

const read = (ann: string, text = TEXT) => readBrat({ text, ann, textFile: 'doc.txt', annFile: 'doc.ann' });

test('T, E (nested), R, A, M, N, # and * lines all come through', () => {
  const ann = [
    'T1\tPER 0 10\tFarouk Ali',
    'T2\tFAC 38 49\tthe embassy',
    'T3\tGPE 53 60\tBaghdad',
    'T4\tConflict_Attack 21 26\tfired',
    'T5\tPER 14 19\tguard',
    'T6\tWEA 27 34\trockets',
    'T7\tMovement 82 86\tfled',
    'E1\tConflict_Attack:T4 Attacker:T1 Target:T2 Place:T3 Instrument:T6',
    'E2\tMovement:T7 Theme:E1 Theme2:T1',
    'R1\tPHYS Arg1:T2 Arg2:T3',
    'A1\tNegation E1',
    'M1\tConfidence T1 High',
    'N1\tReference T1 Wikidata:Q42\tFarouk Ali',
    '#1\tAnnotatorNotes T2\tThe US embassy.',
    '*\tEquiv T1 T5',
  ].join('\n');
  const { documents, errors, warnings } = read(ann);
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings, []);
  const [document] = documents;
  assert.equal(document!.text, TEXT);
  const mention = (id: string) => document!.mentions.find((m) => m.id === id)!;
  assert.equal(document!.mentions.length, 7);
  assert.equal(mention('T4').label, null, 'a trigger is an untyped mention');
  assert.equal(mention('T1').attributes.Confidence, 'High');
  assert.equal(mention('T2').note, 'The US embassy.');

  const [attack, movement] = document!.events;
  assert.equal(attack!.type, 'Conflict_Attack');
  assert.equal(attack!.trigger, 'T4');
  assert.deepEqual(attack!.attributes, { Negation: true });
  assert.deepEqual(attack!.arguments.map((a) => a.role), ['Attacker', 'Target', 'Place', 'Instrument']);
  assert.deepEqual(movement!.arguments, [
    { role: 'Theme', event: 'E1' },
    { role: 'Theme', mention: 'T1' },
  ]);
  assert.deepEqual(document!.relations.map((r) => [r.type, r.from, r.to]), [['PHYS', 'T2', 'T3']]);

  // The equivalence and the normalisation: one entity for T1 and T5, with T1's external id.
  assert.equal(document!.entities.length, 1);
  const [entity] = document!.entities;
  assert.equal(entity!.externalId, 'Wikidata:Q42');
  assert.equal(mention('T1').entity, entity!.id);
  assert.equal(mention('T5').entity, entity!.id);
});

test('a discontinuous T becomes one mention per fragment, linked to one entity, and is counted', () => {
  const { documents, warnings, errors } = read('T1\tPER 63 65;74 81\tHe brother');
  assert.deepEqual(errors, []);
  const [document] = documents;
  assert.deepEqual(
    document!.mentions.map((m) => [m.id, m.text, m.label]),
    [
      ['T1', 'He', 'PER'],
      ['T1#2', 'brother', 'PER'],
    ],
  );
  assert.equal(document!.mentions[0]!.entity, document!.mentions[1]!.entity);
  assert.equal(document!.entities[0]!.name, 'He brother');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!.reason, /T1 is discontinuous: imported as 2 mentions/);
});

test('offsets count the \\r of a CRLF, as brat does: the text is not normalised', () => {
  // "He" starts after "Baghdad.\r\n" at 63; with the \r dropped it would be at 62.
  const [document] = read('T1\tPER 63 65\tHe').documents;
  assert.equal(document!.mentions[0]!.text, 'He');
});

test('a span beyond the text and a span whose text differs are refused with their lines', () => {
  const { documents, errors } = read('T1\tPER 0 10\tFarouk Ali\nT2\tGPE 340 352\tsomewhere\nT3\tGPE 53 60\tBagdad');
  assert.deepEqual(documents, []);
  assert.deepEqual(errors, [
    { file: 'doc.ann', line: 2, reason: `T2: .ann span 340–352 is beyond the text's ${[...TEXT].length} characters` },
    { file: 'doc.ann', line: 3, reason: 'T3: span text "Bagdad" does not match text "Baghdad"' },
  ]);
});

test('references to missing annotations and unknown lines are refused', () => {
  const { errors } = read('E1\tAttack:T9 Target:T1\nR1\tPHYS Arg1:T1 Arg2:T2\nX1\twhat');
  assert.deepEqual(
    errors.map((e) => e.line),
    [3, 1, 1, 2, 2],
  );
});

// Found by the fuzz tests (test/unit/reliability/readerFuzz.test.ts). A T line whose long
// id was followed by something not an offset made the line's pattern backtrack
// quadratically (the timeout turns a return of that into a failure); and a reason quoted
// the whole of a long span text or id, putting megabytes of the .ann into the report.
test('a broken line with a huge id fails at once, and no reason quotes more than a few words', { timeout: 30_000 }, () => {
  const huge = '1'.repeat(200_000);
  const stated = `Farouk Ali${' stretched'.repeat(10_000)}`;
  const { documents, errors } = read([`T${huge}\tPER 0 x`, `T2\tPER 0 10\t${stated}`, `X${huge}`].join('\n'));
  assert.deepEqual(documents, []);
  assert.deepEqual(errors.map((e) => e.line), [1, 2, 3]);
  assert.match(errors[0]!.reason, /an id, type or offset longer than 200 characters/);
  assert.match(errors[1]!.reason, /^T2: span text "Farouk Ali stretched.*…" does not match text "Farouk Ali"$/);
  for (const error of errors) assert.ok(error.reason.length < 300, `${error.reason.length} characters`);
});
