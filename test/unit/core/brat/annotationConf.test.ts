import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { ParsedConf } from '../../../../core/brat/annotationConf';
import { parseAnnotationConf, storageForm, writeAnnotationConf } from '../../../../core/brat/annotationConf';
import { missingShared, sharedFixture } from '../../../support/sharedFixtures';

const EPI = 'fixtures/brat/bionlp-epi/annotation.conf';
const CONLL = 'fixtures/brat/conll02-esp/annotation.conf';
const read = (fixture: string) => fs.readFileSync(sharedFixture(fixture), 'utf8');

// parse → write → parse must give the same declarations.
function assertRoundTrip(parsed: ParsedConf): void {
  const again = parseAnnotationConf(writeAnnotationConf(parsed.conf, ['a comment']));
  assert.deepEqual(again.conf, parsed.conf);
  assert.deepEqual(again.errors, []);
}

describe('annotation.conf from the brat corpora', () => {
  const epi = { skip: missingShared(EPI) };
  test('the BioNLP EPI conf: entities, events with GO ids and optional roles, flags', epi, () => {
    const parsed = parseAnnotationConf(read(EPI));
    const { conf } = parsed;
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(conf.entities, [
      { name: 'Protein', aliases: [] },
      { name: 'Entity', aliases: [] },
    ]);
    // Equiv is declared once per pair of argument types; its <REL-TYPE> is noted, not kept.
    assert.deepEqual(
      conf.relations.map((r) => [r.name, r.args.map((a) => `${a.name}:${a.targets.join('|')}`)]),
      [
        ['Equiv', ['Arg1:Protein', 'Arg2:Protein']],
        ['Equiv', ['Arg1:Entity', 'Arg2:Entity']],
      ],
    );
    assert.deepEqual(
      parsed.notes.map((n) => n.line),
      [16, 17],
    );
    assert.match(parsed.notes[0]!.message, /<REL-TYPE>:symmetric-transitive of Equiv is ignored/);

    assert.equal(conf.events.length, 15);
    const catalysis = conf.events[0]!;
    assert.deepEqual(catalysis, {
      name: 'Catalysis',
      aliases: [],
      roles: [
        { name: 'Theme', targets: ['<EVENT>'], min: 1, max: 1 },
        { name: 'Cause', targets: ['Protein'], min: 1, max: 1 },
      ],
    });
    const acetylation = conf.events.find((e) => e.name === 'Acetylation')!;
    assert.deepEqual(acetylation.aliases, ['GO:0006473']);
    assert.deepEqual(
      acetylation.roles.map((r) => [r.name, r.min, r.max]),
      [
        ['Theme', 1, 1],
        ['Site', 0, 1],
        ['Contextgene', 0, 1],
      ],
    );
    // The separator lines of dashes are not types; "GO:-------" is an alias like any other.
    assert.ok(conf.events.every((e) => !e.name.startsWith('-')));
    assert.deepEqual(conf.events.find((e) => e.name === 'Dehydroxylation')!.aliases, ['GO:-------']);

    assert.deepEqual(conf.attributes, [
      { name: 'Negation', aliases: [], targets: ['<EVENT>'], values: [] },
      { name: 'Speculation', aliases: [], targets: ['<EVENT>'], values: [] },
    ]);
    assertRoundTrip(parsed);
  });

  test('the CoNLL-2002 conf: four entity types and empty sections', { skip: missingShared(CONLL) }, () => {
    const parsed = parseAnnotationConf(read(CONLL));
    assert.deepEqual(
      parsed.conf.entities.map((e) => e.name),
      ['ORG', 'PER', 'LOC', 'MISC'],
    );
    assert.deepEqual([parsed.conf.relations, parsed.conf.events, parsed.conf.attributes], [[], [], []]);
    assert.deepEqual([parsed.errors, parsed.notes], [[], []]);
    assertRoundTrip(parsed);
  });
});

describe('annotation.conf edge cases', () => {
  test('nesting is flattened: abstract types go, a parent type stands for all below it', () => {
    const parsed = parseAnnotationConf(
      [
        '[entities]',
        '!Organism',
        '  Human',
        '    Child',
        '  Animal',
        'Place',
        '[events]',
        '!Life',
        '\tBite\tAgent+:Organism, Victim*:Human, Where?:Place',
        '[relations]',
        '[attributes]',
      ].join('\n'),
    );
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.conf.entities.map((e) => e.name),
      ['Human', 'Child', 'Animal', 'Place'],
    );
    assert.deepEqual(parsed.conf.events, [
      {
        name: 'Bite',
        aliases: [],
        roles: [
          { name: 'Agent', targets: ['Human', 'Child', 'Animal'], min: 1, max: null },
          { name: 'Victim', targets: ['Human', 'Child'], min: 0, max: null },
          { name: 'Where', targets: ['Place'], min: 0, max: 1 },
        ],
      },
    ]);
    assertRoundTrip(parsed);
  });

  test('<DEF>= definitions replace their name below; <ENTITY> and <EVENT> stay as written', () => {
    const parsed = parseAnnotationConf(
      [
        '[entities]',
        'PER',
        'ORG',
        '[events]',
        '<AGENT>=PER|ORG',
        'Attack  Attacker{1-3}:<AGENT>, Target:<ENTITY>, Cause:<EVENT>|<AGENT>, Pair{2}:PER',
        '[attributes]',
        'Confidence  Arg:<EVENT>|<RELATION>, Value:Low|High',
      ].join('\n'),
    );
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.conf.events[0]!.roles, [
      { name: 'Attacker', targets: ['PER', 'ORG'], min: 1, max: 3 },
      { name: 'Target', targets: ['<ENTITY>'], min: 1, max: 1 },
      { name: 'Cause', targets: ['<EVENT>', 'PER', 'ORG'], min: 1, max: 1 },
      { name: 'Pair', targets: ['PER'], min: 2, max: 2 },
    ]);
    assert.deepEqual(parsed.conf.attributes, [
      { name: 'Confidence', aliases: [], targets: ['<EVENT>', '<RELATION>'], values: ['Low', 'High'] },
    ]);
    assertRoundTrip(parsed);
  });

  test('<OVERLAP> lines, ENTITY-NESTING and unknown sections are noted and skipped', () => {
    const parsed = parseAnnotationConf(
      [
        '[entities]',
        'A',
        '[relations]',
        '<OVERLAP>  Arg1:A, Arg2:A, <OVL-TYPE>:contain',
        'ENTITY-NESTING  Arg1:A, Arg2:A',
        'Near  Arg1:A, Arg2:A',
        '[drawing]',
        'A  bgColor:#ff0000',
      ].join('\r\n'),
    );
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.conf.relations.map((r) => r.name),
      ['Near'],
    );
    assert.deepEqual(
      parsed.notes.map((n) => n.line),
      [4, 5, 7],
    );
    assert.match(parsed.notes[2]!.message, /\[drawing\] is not part of annotation.conf/);
  });

  test('bad lines are errors with their line number, and the rest is still read', () => {
    const parsed = parseAnnotationConf(
      [
        'Stray line', // 1: before any section
        '[entities]',
        'PER',
        'PER', // 4: declared twice
        '<ENTITY>=PER', // 5: reserved
        '|', // 6: no name
        '[events]',
        'Attack  Attacker, Target:, Arg1+:PER, Place{3-1}:PER, Time?:PER, Time:PER', // 8
        '[attributes]',
        'Orphan  Value:A|B', // 10: no Arg
        'Level  Arg:PER, Value:NAM|NOM',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.errors.map((e) => e.line),
      [1, 4, 5, 6, 8, 8, 8, 8, 8, 10],
    );
    assert.deepEqual(
      parsed.conf.entities.map((e) => e.name),
      ['PER'],
    );
    assert.deepEqual(parsed.conf.events[0]!.roles, [{ name: 'Time', targets: ['PER'], min: 0, max: 1 }]);
    assert.deepEqual(
      parsed.conf.attributes.map((a) => a.name),
      ['Level'],
    );
    const messages = parsed.errors.map((e) => e.message).join('\n');
    assert.match(messages, /before any \[section\]/);
    assert.match(messages, /already declared on line 3/);
    assert.match(messages, /<ENTITY> has a fixed meaning/);
    assert.match(messages, /Arg1 of Attack ends in a digit and cannot repeat/);
    assert.match(messages, /no Arg:/);
  });

  test('reading never throws, whatever the bytes', () => {
    const inputs = [
      '',
      '\uFEFF[entities]\nÄrger|Ärger2',
      '[events]\n' + 'x '.repeat(10_000),
      '[attributes]\nA Arg:,,,::, Value:|',
      String.fromCharCode(...Array.from({ length: 2_000 }, (_, i) => (i * 7919) % 0xd7ff)),
      '[entities]\n\t\t  \t!\n  !!x\n<>=\n<A>=<A><A>\n<A>',
    ];
    for (const input of inputs) {
      const parsed = parseAnnotationConf(input);
      assert.ok(Array.isArray(parsed.errors));
      assertRoundTripIfClean(parsed);
    }
  });

  // Found by the fuzz tests (test/unit/reliability/schemaReaderFuzz.test.ts): definitions
  // that each name the next twice grew a line to 2^40 copies and threw "Invalid string
  // length"; and messages quoted whole lines of any length.
  test('definitions that would grow a line beyond 100,000 characters leave it out', () => {
    const definitions = Array.from({ length: 40 }, (_, i) => `<M${i}>=<M${i + 1}>|<M${i + 1}>`);
    const parsed = parseAnnotationConf(['[events]', ...definitions, '<M40>=PER', 'Attack\tTarget:<M0>', 'Meet\tWho:<M30>'].join('\n'));
    assert.deepEqual(parsed.errors, [{ line: 43, message: 'The definitions make this line longer than 100,000 characters; it is ignored.' }]);
    assert.deepEqual(parsed.conf.events.map((e) => [e.name, e.roles[0]!.targets]), [['Meet', ['PER']]]);
  });

  test('long runs of colons, braces or spaces in a line are read at once', { timeout: 30_000 }, () => {
    // The patterns that split `Role{1-2}:Type` and `<DEF>= value` backtracked quadratically:
    // the fuzz test's shrunk input, 35,000 colons, took two seconds; these, minutes.
    const run = (c: string) => c.repeat(200_000);
    const errors = (...lines: string[]) => parseAnnotationConf(['[events]', ...lines].join('\n')).errors.map((e) => e.message);
    assert.match(errors(`E\tTheme${run(':')}T1 T1`)[0]!, /^Cannot read "Theme:::.*…" of E; expected Role:Type\.$/);
    assert.match(errors(`E\tRole${run('{')}}:PER`)[0]!, /^Cannot read the count in "Role\{\{\{.*…" of E/);
    assert.deepEqual(errors(`<A>=P${run(' ')}Q `, 'E\tWho:<A>'), ['The definitions make this line longer than 100,000 characters; it is ignored.']);
  });

  test('a message quotes at most a few dozen characters of its line', () => {
    const long = 'x'.repeat(100_000);
    const parsed = parseAnnotationConf(`[events]\nE\tRole{${long}}:PER, ${long}, Other:${long}|\n[${long}]\n`);
    assert.equal(parsed.errors.length + parsed.notes.length, 4);
    for (const issue of [...parsed.errors, ...parsed.notes]) assert.ok(issue.message.length < 300, issue.message.slice(0, 80));
  });

  test('brat stores names in a restricted form', () => {
    assert.equal(storageForm('Conflict.Attack'), 'Conflict_Attack');
    assert.equal(storageForm('Border crossing'), 'Border_crossing');
    assert.equal(storageForm('Justice.Arrest-Jail'), 'Justice_Arrest-Jail');
    assert.equal(storageForm('Ubicación'), 'Ubicaci_n');
  });

  test('the writer gives every section, tab-separated arguments and brat repetition marks', () => {
    const text = writeAnnotationConf(
      {
        entities: [{ name: 'PER', aliases: ['Person'] }],
        relations: [],
        events: [
          {
            name: 'Meet',
            aliases: [],
            roles: [
              { name: 'Entity', targets: ['PER'], min: 0, max: null },
              { name: 'Place', targets: ['<ENTITY>', '<EVENT>'], min: 0, max: 1 },
            ],
          },
        ],
        attributes: [{ name: 'Negated', aliases: [], targets: ['<EVENT>'], values: [] }],
      },
      ['Written by a test'],
    );
    assert.equal(
      text,
      [
        '# Written by a test',
        '',
        '[entities]',
        '',
        'PER|Person',
        '',
        '[relations]',
        '',
        '',
        '[events]',
        '',
        'Meet\tEntity*:PER, Place?:<ENTITY>|<EVENT>',
        '',
        '[attributes]',
        '',
        'Negated\tArg:<EVENT>',
        '',
      ].join('\n'),
    );
  });
});

// Garbage may not round-trip (it has errors); whatever was read cleanly must.
function assertRoundTripIfClean(parsed: ParsedConf): void {
  if (parsed.errors.length === 0) assertRoundTrip(parsed);
}
