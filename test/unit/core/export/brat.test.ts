import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAnnotationConf } from '../../../../core/brat/annotationConf';
import { portable, writeWith } from '../../../support/exportWriting';

test('brat writes the text as is, T/E/R/A/#/* lines, and the schema\'s annotation.conf', () => {
  const text = 'Rockets hit the Green\r\nZone; Zoë Kraus saw Zoë.';
  const document = portable(
    'doc/1',
    text,
    [
      ['Rockets', 'WEA'],
      ['hit', null],
      ['Green\r\nZone', 'FAC'],
      ['Zoë Kraus', 'PER', { entity: 'N1' }],
      ['Zoë', 'PER', { entity: 'N1', from: 35 }],
      ['saw', null],
    ],
    [
      ['Conflict.Attack', 'T2', [['Instrument', 'T1'], ['Target', 'T3'], ['Target', 'T6']]],
      ['Life.Injure', 'T2', [['Victim', 'E1']]],
    ],
    [['PHYS', 'T4', 'T3']],
  );
  document.events[0]!.attributes = { realis: 'actual', negated: false, hypothetical: true };
  document.mentions[2]!.note = 'two\nlines';
  document.note = 'a document note';
  const { files, issues, notes, counts } = writeWith('brat', [document]);
  assert.equal(files.get('doc_1.txt'), text);
  assert.equal(
    files.get('doc_1.ann'),
    [
      'T1\tWEA 0 7\tRockets',
      'T3\tFAC 16 21;23 27\tGreen Zone',
      'T4\tPER 29 38\tZoë Kraus',
      'T5\tPER 43 46\tZoë',
      'T2\tConflict_Attack 8 11\thit',
      'T7\tLife_Injure 8 11\thit',
      'E1\tConflict_Attack:T2 Instrument:T1 Target:T3',
      'E2\tLife_Injure:T7 Victim:E1',
      'R1\tPHYS Arg1:T4 Arg2:T3',
      '*\tEquiv T4 T5',
      'A1\thypothetical E1',
      'A2\trealis E1 actual',
      '#1\tAnnotatorNotes T3\ttwo lines',
      '',
    ].join('\n'),
  );
  assert.deepEqual(issues.map((i) => [i.item, i.reason.split(';')[0]]), [
    ['T6', '"saw" (39–42): an untyped span that triggers no event'],
    ['E1', 'Conflict.Attack event: its Target argument "saw" (39–42) is an untyped span'],
    ['T3', 'its note has line breaks or tabs, which brat notes cannot hold'],
    [null, "the document's note is left out"],
  ]);
  assert.deepEqual(counts, { WEA: 1, FAC: 1, PER: 2, 'Conflict.Attack': 1, 'Life.Injure': 1, PHYS: 1 });
  assert.deepEqual(notes, []);

  // The schema's annotation.conf as the Schema view exports it, with the original names
  // as alternatives, plus what these annotations need: Equiv, and <EVENT> for a nested event.
  const conf = parseAnnotationConf(files.get('annotation.conf')!);
  assert.deepEqual(conf.errors, []);
  assert.ok(conf.conf.entities.some((t) => t.name === 'FAC'));
  assert.deepEqual(conf.conf.events[0]!.aliases, ['Conflict.Attack']);
  assert.match(files.get('annotation.conf')!, /^# The label schema of the Spanlab project "test"\./);
  const injure = conf.conf.events.find((t) => t.name === 'Life_Injure')!;
  assert.deepEqual(injure.roles.find((r) => r.name === 'Victim')!.targets, ['PER', '<EVENT>']);
  assert.ok(conf.conf.relations.some((r) => r.name === 'Equiv'));
  assert.deepEqual(conf.conf.attributes.find((a) => a.name === 'realis')!.values, ['actual', 'generic', 'other']);
});

test('brat: whitespace at the ends of a mention across a line break is left out and reported', () => {
  // A span that ends in a line break has no brat fragment for it.
  const text = 'Acme Shipping\nsaid so.';
  const { files, issues } = writeWith('brat', [portable('d', text, [['Acme Shipping\n', 'ORG']], [], [])]);
  assert.equal(files.get('d.ann'), 'T1\tORG 0 13\tAcme Shipping\n');
  assert.deepEqual(issues.map((i) => [i.item, i.reason.split(':')[0]]), [['T1', '"Acme Shipping\\n" (0–14)']]);
});
