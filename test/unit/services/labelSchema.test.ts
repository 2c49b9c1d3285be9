import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpanlabError } from '../../../common/errors';
import { addText, dumpDatabase, labelIds, newProject, spanOf } from '../../support/projectFixture';

const refused = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof SpanlabError && error.code === code && pattern.test(error.message);

const TEXT = 'Militants fired rockets at the US embassy in Baghdad.';
const at = (phrase: string) => spanOf(TEXT, phrase);
const BLACK = '#000000';

// A project with TEXT as document `doc`.
async function withText() {
  const { project } = await newProject({ sample: false });
  return { project, doc: addText(project, TEXT), ids: labelIds(project) };
}

describe('the label schema', () => {
  test('renaming and recolouring a type keeps its annotations', async () => {
    const { project, doc, ids } = await withText();
    const per = ids.entity('PER');
    const mention = project.mentions.create({ documentId: doc, start: 0, end: 9, typeId: per });
    const renamed = project.schema.saveEntityType({ id: per, name: 'PERSON', color: '#123456', hotkey: '1' });
    assert.deepEqual(
      { ...renamed, description: '' },
      { id: per, name: 'PERSON', color: '#123456', hotkey: '1', description: '' },
    );
    assert.equal(project.mentions.get(mention.id).typeId, per);
    assert.equal(project.stats().perLabel.PERSON, 1);
    assert.equal(project.history.undo(null)?.label, 'Rename entity type PER to PERSON');
    assert.equal(project.schema.get().entityTypes.find((t) => t.id === per)?.name, 'PER');
    project.close();
  });

  test('duplicate names and hotkeys are conflicts that name the holder', async () => {
    const { project } = await withText();
    const entityType = (name: string, hotkey: string | null) => () =>
      project.schema.saveEntityType({ name, color: BLACK, hotkey });
    assert.throws(entityType('per', null), refused('conflict', /already an entity type named "PER"/));
    assert.throws(entityType('NORP', '3'), refused('conflict', /key 3 is already used by the entity type GPE/));
    // Hotkeys are unique across entity, event and relation types: one key, one label.
    assert.throws(
      () => project.schema.saveRelationType({ name: 'EMPLOYS', color: BLACK, hotkey: 'a' }),
      refused('conflict', /event type Conflict.Attack/),
    );
    const added = project.schema.saveEntityType({ name: 'NORP', color: BLACK, hotkey: null, description: 'Groups' });
    assert.equal(added.hotkey, null);
    assert.equal(project.schema.get().entityTypes.at(-1)?.name, 'NORP');
    project.close();
  });

  test('deleting a type in use asks first, then with force removes its annotations (undoable)', async () => {
    const { project, doc, ids } = await withText();
    const fac = ids.entity('FAC');
    const embassy = project.mentions.create({ documentId: doc, ...at('the US embassy in Baghdad'), typeId: fac });
    project.mentions.create({ documentId: doc, ...at('US embassy'), typeId: fac });
    const attack = ids.event('Conflict.Attack');
    const { event } = project.events.create({ documentId: doc, typeId: attack, trigger: at('fired') });
    project.arguments.create({
      eventId: event.id,
      roleId: ids.role('Conflict.Attack', 'Target'),
      target: { mentionId: embassy.id },
    });
    const before = dumpDatabase(project.db);
    const remove = (force: boolean) => project.schema.delete({ kind: 'entityType', id: fac, force });

    assert.deepEqual(remove(false), { deleted: false, affected: 2 });
    assert.deepEqual(dumpDatabase(project.db), before);

    assert.deepEqual(remove(true), { deleted: true, affected: 2 });
    assert.equal(project.schema.get().entityTypes.some((t) => t.id === fac), false);
    assert.equal(project.mentions.inDocument(doc).length, 1); // the trigger
    assert.equal(project.arguments.inDocument(doc).length, 0);

    project.history.undo(null);
    const restored = dumpDatabase(project.db);
    for (const table of ['entity_types', 'event_role_accepts', 'mentions', 'events', 'event_arguments']) {
      assert.deepEqual(restored[table], before[table], table);
    }
    project.close();
  });

  test('deleting an event type in use takes its events, arguments and triggers along', async () => {
    const { project, doc, ids } = await withText();
    const attack = ids.event('Conflict.Attack');
    const { event } = project.events.create({ documentId: doc, typeId: attack, trigger: at('fired') });
    project.arguments.create({
      eventId: event.id,
      roleId: ids.role('Conflict.Attack', 'Place'),
      target: { ...at('Baghdad'), typeId: ids.entity('GPE') },
    });
    const remove = (force: boolean) => project.schema.delete({ kind: 'eventType', id: attack, force });
    assert.deepEqual(remove(false), { deleted: false, affected: 1 });
    assert.deepEqual(remove(true), { deleted: true, affected: 1 });
    assert.deepEqual(
      project.mentions.inDocument(doc).map((m) => m.typeId),
      [ids.entity('GPE')],
    );
    assert.equal(project.db.prepare('SELECT count(*) FROM event_roles WHERE event_type_id = ?').pluck().get(attack), 0);
    project.history.undo(null);
    assert.equal(project.events.inDocument(doc).length, 1);
    assert.equal(project.arguments.inDocument(doc).length, 1);
    project.close();
  });

  test('an event type is saved with its whole role list', async () => {
    const { project, ids } = await withText();
    const [per, gpe, time] = [ids.entity('PER'), ids.entity('GPE'), ids.entity('TIME')];
    const elect = { name: 'Personnel.Elect', color: '#AABBCC', hotkey: 'e' };
    const created = project.schema.saveEventType({
      ...elect,
      roles: [
        { name: 'Person', accepts: [per], repeatable: false },
        { name: 'Place', accepts: [gpe], repeatable: false },
      ],
    });
    assert.deepEqual(
      created.roles.map((r) => [r.name, r.accepts, r.repeatable]),
      [
        ['Person', [per], false],
        ['Place', [gpe], false],
      ],
    );
    const [person, place] = created.roles;
    // Swap the two names, make one repeatable, change what it accepts, add a third role.
    const edited = project.schema.saveEventType({
      id: created.id,
      ...elect,
      roles: [
        { id: person!.id, name: 'Place', accepts: [gpe, per], repeatable: true },
        { id: place!.id, name: 'Person', accepts: [], repeatable: false },
        { name: 'Time', accepts: [time], repeatable: false },
      ],
    });
    assert.deepEqual(
      edited.roles.map((r) => [r.id, r.name, [...r.accepts].sort(), r.repeatable]),
      [
        [person!.id, 'Place', [per, gpe].sort(), true],
        [place!.id, 'Person', [], false],
        [edited.roles[2]!.id, 'Time', [time], false],
      ],
    );
    const twins = [
      { name: 'X', accepts: [], repeatable: false },
      { name: 'x', accepts: [], repeatable: false },
    ];
    assert.throws(
      () => project.schema.saveEventType({ id: created.id, ...elect, roles: twins }),
      refused('conflict', /Two roles are named/),
    );
    project.history.undo(null);
    assert.deepEqual(
      project.schema.get().eventTypes.find((t) => t.id === created.id),
      created,
    );
    project.close();
  });

  test('a role in use cannot be removed from its event type', async () => {
    const { project, doc, ids } = await withText();
    const attack = project.schema.get().eventTypes.find((t) => t.name === 'Conflict.Attack')!;
    const { event } = project.events.create({ documentId: doc, typeId: attack.id, trigger: at('fired') });
    project.arguments.create({
      eventId: event.id,
      roleId: ids.role('Conflict.Attack', 'Place'),
      target: { ...at('Baghdad'), typeId: null },
    });
    const roles = attack.roles
      .filter((r) => r.name !== 'Place')
      .map(({ id, name, accepts, repeatable }) => ({ id, name, accepts, repeatable }));
    const { name, color, hotkey } = attack;
    assert.throws(
      () => project.schema.saveEventType({ id: attack.id, name, color, hotkey, roles }),
      refused('conflict', /"Place" fills 1 argument/),
    );
    project.close();
  });

  test('renaming or deleting an attribute rewrites the annotations that carry it', async () => {
    const { project, doc, ids } = await withText();
    const attack = ids.event('Conflict.Attack');
    const { event } = project.events.create({ documentId: doc, typeId: attack, trigger: at('fired') });
    const realis = project.schema.get().attributes.find((a) => a.name === 'realis')!;
    const renamed = project.schema.saveAttribute({ ...realis, name: 'modality' });
    assert.equal(renamed.name, 'modality');
    const keys = () => Object.keys(project.events.get(event.id).attributes);
    assert.deepEqual(keys(), ['modality', 'polarity', 'tense', 'genericity']);

    const remove = (force: boolean) => project.schema.delete({ kind: 'attribute', id: realis.id, force });
    assert.deepEqual(remove(false), { deleted: false, affected: 1 });
    assert.deepEqual(remove(true), { deleted: true, affected: 1 });
    assert.deepEqual(keys(), ['polarity', 'tense', 'genericity']);
    project.history.undo(null);
    project.history.undo(null);
    assert.equal(project.events.get(event.id).attributes.realis, 'actual');

    assert.throws(
      () => project.schema.saveAttribute({ target: 'event', name: 'Polarity', values: [], defaultValue: null }),
      refused('conflict', /already an event attribute named "polarity"/),
    );
    assert.throws(
      () => project.schema.saveAttribute({ target: 'mention', name: 'negated', values: [], defaultValue: 'yes' }),
      refused('invalid_input', /true, false/),
    );
    project.close();
  });
});
