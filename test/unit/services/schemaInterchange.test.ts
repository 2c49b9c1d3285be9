import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { LabelSchema } from '../../../common/model';
import { parseAnnotationConf } from '../../../core/brat/annotationConf';
import type { Project } from '../../../main/services/project';
import { exportBratConf, importBratConf } from '../../../main/services/schemaInterchange';
import { newProject } from '../../support/projectFixture';
import { missingShared, sharedFixture } from '../../support/sharedFixtures';

const EPI = 'fixtures/brat/bionlp-epi/annotation.conf';

// The schema by names only, ids resolved, for comparing two projects' schemas.
function byName(schema: LabelSchema) {
  const entity = new Map(schema.entityTypes.map((t) => [t.id, t.name]));
  return {
    entityTypes: schema.entityTypes.map((t) => t.name),
    eventTypes: schema.eventTypes.map((t) => ({
      name: t.name,
      roles: t.roles.map((r) => ({
        name: r.name,
        accepts: r.accepts.map((id) => entity.get(id)),
        repeatable: r.repeatable,
      })),
    })),
    relationTypes: schema.relationTypes.map((t) => t.name),
    attributes: schema.attributes.map((a) => ({ target: a.target, name: a.name, values: a.values })),
  };
}

// Deletes every type and attribute, leaving an empty schema to import into.
function emptySchema(project: Project): void {
  const schema = project.schema.get();
  for (const t of schema.eventTypes) project.schema.delete({ kind: 'eventType', id: t.id, force: true });
  for (const t of schema.relationTypes) project.schema.delete({ kind: 'relationType', id: t.id, force: true });
  for (const t of schema.entityTypes) project.schema.delete({ kind: 'entityType', id: t.id, force: true });
  for (const a of schema.attributes) project.schema.delete({ kind: 'attribute', id: a.id, force: true });
}

describe('importing annotation.conf', () => {
  test('the BioNLP EPI conf is merged as one undoable action', { skip: missingShared(EPI) }, async () => {
    const { project } = await newProject({ sample: false });
    const before = project.schema.get();
    const report = importBratConf(project, fs.readFileSync(sharedFixture(EPI), 'utf8'));
    assert.deepEqual(report.added, { entityTypes: 2, eventTypes: 15, relationTypes: 1, attributes: 2 });
    assert.deepEqual(report.errors, []);
    assert.ok(report.skipped.some((s) => /Line 16: <REL-TYPE>:symmetric-transitive of Equiv/.test(s)));
    assert.ok(report.skipped.some((s) => /Argument types of relations/.test(s)));

    const schema = project.schema.get();
    const protein = schema.entityTypes.find((t) => t.name === 'Protein')!;
    assert.equal(protein.hotkey, null);
    assert.match(protein.color, /^#[0-9A-F]{6}$/i);
    const catalysis = schema.eventTypes.find((t) => t.name === 'Catalysis')!;
    // Theme:<EVENT> takes events, which any role may; Cause takes proteins.
    assert.deepEqual(
      catalysis.roles.map((r) => [r.name, r.accepts, r.repeatable]),
      [
        ['Theme', [], false],
        ['Cause', [protein.id], false],
      ],
    );
    const methylation = schema.eventTypes.find((t) => t.name === 'DNA_methylation')!;
    assert.equal(methylation.description, 'Also named GO:0006306 in annotation.conf.');
    assert.deepEqual(
      schema.attributes.filter((a) => a.target === 'event').map((a) => [a.name, a.values, a.defaultValue]),
      [
        ['realis', ['actual', 'generic', 'other'], 'actual'],
        ['polarity', ['positive', 'negative'], 'positive'],
        ['tense', ['past', 'present', 'future', 'unspecified'], 'unspecified'],
        ['genericity', ['specific', 'generic'], 'specific'],
        ['Negation', [], null],
        ['Speculation', [], null],
      ],
    );
    // New event types take the event palette's colours, not the entity one's.
    assert.notEqual(catalysis.color, protein.color);

    // A second import finds everything there and adds nothing.
    const again = importBratConf(project, fs.readFileSync(sharedFixture(EPI), 'utf8'));
    assert.deepEqual(again.added, { entityTypes: 0, eventTypes: 0, relationTypes: 0, attributes: 0 });
    assert.ok(again.skipped.includes('Event type Catalysis: already in the schema'));

    assert.equal(project.history.undo(null)?.label, 'Import annotation.conf');
    assert.deepEqual(project.schema.get(), before);
    project.history.redo(null);
    assert.deepEqual(project.schema.get(), schema);
    project.close();
  });

  test('what the schema has is kept as it is, matched by name in any case', async () => {
    const { project } = await newProject({ sample: false });
    const before = project.schema.get();
    const conf = [
      '[entities]',
      'per',
      'NORP',
      '[events]',
      'Conflict_Attack|Conflict.Attack  Who:NORP',
      '[relations]',
      'PHYS  Arg1:PER, Arg2:GPE',
    ];
    const report = importBratConf(project, conf.join('\n'));
    assert.deepEqual(report.added, { entityTypes: 1, eventTypes: 0, relationTypes: 0, attributes: 0 });
    assert.deepEqual(report.skipped, [
      'Entity type per: already in the schema',
      'Relation type PHYS: already in the schema',
      'Event type Conflict.Attack: already in the schema',
    ]);
    const after = project.schema.get();
    assert.deepEqual(after.entityTypes.slice(0, -1), before.entityTypes);
    assert.deepEqual(after.eventTypes, before.eventTypes);
    assert.equal(after.entityTypes.at(-1)!.name, 'NORP');
    project.close();
  });

  test('roles accept the named types of the file and of the project; unknown ones are reported', async () => {
    const { project } = await newProject({ sample: false });
    const report = importBratConf(
      project,
      [
        '[entities]',
        'Crowd',
        '[events]',
        'Protest  Organizer+:ORG|Crowd, Place?:GPE|LOC, Cause*:<EVENT>|Protest, Who:<ENTITY>, Whom:Alien, Whom2:PER',
        '[attributes]',
        'Violent  Arg:Protest',
        'Certainty  Arg:<ENTITY>|<EVENT>, Value:low|high|low',
        'realis  Arg:<EVENT>, Value:yes|no',
        'Ghost  Arg:Nothing',
      ].join('\n'),
    );
    const schema = project.schema.get();
    const id = (name: string) => schema.entityTypes.find((t) => t.name === name)!.id;
    const protest = schema.eventTypes.find((t) => t.name === 'Protest')!;
    assert.deepEqual(
      protest.roles.map((r) => [r.name, r.accepts, r.repeatable]),
      [
        ['Organizer', [id('ORG'), id('Crowd')], true],
        ['Place', [id('GPE'), id('LOC')], false],
        ['Cause', [], true],
        ['Who', [], false],
        ['Whom', [], false],
        ['Whom2', [id('PER')], false],
      ],
    );
    assert.deepEqual(
      schema.attributes
        .filter((a) => ['Violent', 'Certainty'].includes(a.name))
        .map((a) => [a.target, a.name, a.values]),
      [
        ['event', 'Violent', []],
        ['event', 'Certainty', ['low', 'high']],
        ['mention', 'Certainty', ['low', 'high']],
      ],
    );
    assert.deepEqual(report.added, { entityTypes: 1, eventTypes: 1, relationTypes: 0, attributes: 3 });
    assert.deepEqual(report.skipped, [
      'Role Whom of Protest: Alien is no type of the schema',
      'Attribute Violent: applies to every event, not only to Protest',
      'Event attribute realis: already in the schema',
      'Attribute Ghost: applies to Nothing, which is no type of the schema',
    ]);
    project.close();
  });

  test('a broken file adds what it can and reports the rest by line, never throwing', async () => {
    const { project } = await newProject({ sample: false });
    const report = importBratConf(project, 'PER\n[entities]\nGood\n[events]\nBad  Role:, Fine?:Good\n\u0000\uFFFF');
    assert.deepEqual(
      report.errors.map((e) => e.line),
      [1, 5, 6],
    );
    assert.deepEqual(report.added, { entityTypes: 1, eventTypes: 1, relationTypes: 0, attributes: 0 });
    const bad = project.schema.get().eventTypes.find((t) => t.name === 'Bad')!;
    assert.deepEqual(
      bad.roles.map((r) => r.name),
      ['Fine'],
    );
    project.close();
  });

  // Found by the fuzz tests (test/unit/reliability/schemaReaderFuzz.test.ts): each type
  // saved re-read the whole schema, so 8,000 event types took minutes on the UI's
  // connection. A file adds at most 1,000 declarations of a kind, as one undoable action.
  test('a file of thousands of types adds the first thousand and says so', { timeout: 60_000 }, async () => {
    const { project } = await newProject({ sample: false });
    const events = Array.from({ length: 3_000 }, (_, i) => `Event${i}\tTheme:<ENTITY>`);
    const report = importBratConf(project, ['[events]', ...events].join('\n'));
    assert.equal(report.added.eventTypes, 1_000);
    assert.ok(report.skipped.includes("Event types after the first 1,000 of the file's 3,000: not imported"));
    const schema = project.schema.get();
    assert.equal(schema.eventTypes.filter((t) => /^Event\d+$/.test(t.name)).length, 1_000);
    assert.deepEqual(schema.eventTypes.find((t) => t.name === 'Event999')!.roles.map((r) => r.name), ['Theme']);
    project.history.undo(null);
    assert.equal(project.schema.get().eventTypes.filter((t) => /^Event\d+$/.test(t.name)).length, 0);
  });

  test('an import that adds nothing leaves no action to undo', async () => {
    const { project } = await newProject({ sample: false });
    const report = importBratConf(project, '[entities]\nPER\n');
    assert.deepEqual(report.added, { entityTypes: 0, eventTypes: 0, relationTypes: 0, attributes: 0 });
    assert.equal(project.history.undo(null), null);
    project.close();
  });
});

describe('exporting annotation.conf', () => {
  test('the default schema is written in brat storage names, roles optional or repeatable', async () => {
    const { project } = await newProject({ sample: false });
    const text = exportBratConf(project.schema.get(), 'News');
    const parsed = parseAnnotationConf(text);
    assert.deepEqual(parsed.errors, []);
    assert.match(text, /^# The label schema of the Spanlab project "News"\./);
    const attack = /^Conflict_Attack\|Conflict\.Attack\tAttacker\*:PER\|ORG\|GPE, Target\*:.*, Place\?:GPE\|LOC\|FAC/m;
    assert.match(text, attack);
    assert.match(text, /^PHYS\tArg1:<ENTITY>, Arg2:<ENTITY>$/m);
    assert.match(text, /^level\tArg:<ENTITY>, Value:NAM\|NOM\|PRO$/m);
    assert.match(text, /^# Defaults \(brat has none\): realis=actual, polarity=positive/m);
    assert.equal(parsed.conf.entities.length, 9);
    assert.equal(parsed.conf.events.length, 8);
    project.close();
  });

  test('odd names still give a file brat reads: storage forms, unique, the original beside', async () => {
    const { project } = await newProject({ sample: false });
    project.schema.saveEntityType({ name: 'Armed group', color: '#000000', hotkey: null });
    project.schema.saveEntityType({ name: 'Armed_group', color: '#000001', hotkey: null });
    project.schema.saveEntityType({ name: 'Ubicación\n|x, y', color: '#000002', hotkey: null });
    const values = ['very high', 'low'];
    project.schema.saveAttribute({ target: 'mention', name: 'certainty', values, defaultValue: null });
    const text = exportBratConf(project.schema.get(), 'Line\nbreak');
    const parsed = parseAnnotationConf(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.conf.entities.slice(-3), [
      { name: 'Armed_group', aliases: [] },
      { name: 'Armed_group_2', aliases: ['Armed_group'] },
      { name: 'Ubicaci_n__x__y', aliases: ['Ubicación__x__y'] },
    ]);
    assert.deepEqual(parsed.conf.attributes.find((a) => a.name === 'certainty')?.values, ['very_high', 'low']);
    project.close();
  });

  test('export then import into an empty schema gives the same schema back', async () => {
    const { project: from } = await newProject({ sample: false });
    from.schema.saveEntityType({ name: 'Armed group', color: '#000000', hotkey: null });
    from.schema.saveAttribute({ target: 'relation', name: 'confidence', values: ['low', 'high'], defaultValue: null });
    from.schema.saveAttribute({ target: 'event', name: 'confidence', values: ['low', 'high'], defaultValue: null });
    const text = exportBratConf(from.schema.get(), 'From');

    const { project: to } = await newProject({ sample: false });
    emptySchema(to);
    const report = importBratConf(to, text);
    assert.deepEqual(report.errors, []);
    const expected = byName(from.schema.get());
    // brat names cannot hold spaces; everything else comes back as it was.
    expected.entityTypes = expected.entityTypes.map((n) => (n === 'Armed group' ? 'Armed_group' : n));
    const actual = byName(to.schema.get());
    assert.deepEqual(actual.entityTypes, expected.entityTypes);
    assert.deepEqual(actual.eventTypes, expected.eventTypes);
    assert.deepEqual(actual.relationTypes, expected.relationTypes);
    const sorted = (list: { target: string; name: string }[]) =>
      [...list].sort((a, b) => `${a.target}${a.name}`.localeCompare(`${b.target}${b.name}`));
    assert.deepEqual(sorted(actual.attributes), sorted(expected.attributes));
    from.close();
    to.close();
  });
});
