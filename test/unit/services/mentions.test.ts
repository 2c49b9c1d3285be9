import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpanlabError } from '../../../common/errors';
import { addText, dumpDatabase, labelIds, newProject, spanOf } from '../../support/projectFixture';

const refused = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof SpanlabError && error.code === code && pattern.test(error.message);

const ANNOTATION_TABLES = ['mentions', 'events', 'event_arguments', 'relations'];

describe('mentions', () => {
  test('offsets count code points: after an emoji, "US embassy" is 2..12', async () => {
    const { project } = await newProject({ sample: false });
    const text = '👍 US embassy';
    assert.equal(text.length, 13); // UTF-16 units: the emoji is two
    const doc = addText(project, text);
    const fac = labelIds(project).entity('FAC');
    assert.deepEqual(spanOf(text, 'US embassy'), { start: 2, end: 12 });
    const mention = project.mentions.create({ documentId: doc, start: 2, end: 12, typeId: fac });
    const stored = project.db
      .prepare(
        `SELECT substr(d.text, m.start + 1, m."end" - m.start)
         FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.id = ?`,
      )
      .pluck()
      .get(mention.id);
    assert.equal(stored, 'US embassy');

    // 12 is the end of the text in code points, 13 would only be in UTF-16 units.
    assert.throws(
      () => project.mentions.create({ documentId: doc, start: 3, end: 13, typeId: fac }),
      refused('invalid_input', /12 characters long/),
    );
    assert.throws(
      () => project.mentions.update({ id: mention.id, end: 13 }),
      refused('invalid_input', /12 characters long/),
    );
    project.close();
  });

  test('a mention is refused for a missing document or type, and a reversed resize', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const create = (documentId: number, typeId: number | null) => () =>
      project.mentions.create({ documentId, start: 0, end: 3, typeId });
    assert.throws(create(99, null), refused('not_found', /document 99/));
    assert.throws(create(doc, 999), refused('not_found', /entity type 999/));
    const mention = project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null });
    assert.throws(
      () => project.mentions.update({ id: mention.id, start: 7 }),
      refused('invalid_input', /before its end/),
    );
    project.close();
  });

  test('attributes are checked against the definitions', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const create = (attributes: Record<string, string | boolean>) => () =>
      project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null, attributes });
    assert.deepEqual(create({ level: 'NOM' })().attributes, { level: 'NOM' });
    assert.throws(create({ level: 'XYZ' }), (e) => e instanceof SpanlabError && e.path === 'attributes.level');
    assert.throws(create({ mood: 'tense' }), refused('invalid_input', /no mention attribute "mood"/));
    project.close();
  });

  test('updating links an entity and changes the type, as one undoable action', async () => {
    const { project } = await newProject({ sample: false });
    const ids = labelIds(project);
    const doc = addText(project, 'Rockets hit Baghdad.');
    const mention = project.mentions.create({ documentId: doc, start: 12, end: 19, typeId: ids.entity('LOC') });
    const entity = project.entities.create({ name: 'Baghdad', typeId: ids.entity('GPE') });
    const linked = project.mentions.update({ id: mention.id, entityId: entity.id, typeId: ids.entity('GPE') });
    assert.equal(linked.entityId, entity.id);
    assert.equal(project.entities.get(entity.id).mentionCount, 1);
    assert.equal(project.history.undo(doc)?.label, 'Edit mention');
    assert.deepEqual(project.mentions.get(mention.id), mention);
    project.close();
  });

  test('deleting a mention removes what depends on it, and one undo restores all of it exactly', async () => {
    const { project } = await newProject({ sample: false });
    const ids = labelIds(project);
    const text = 'Militants fired rockets at the US embassy in Baghdad, and the militia also shelled it.';
    const doc = addText(project, text);
    const mention = (phrase: string, type: string) =>
      project.mentions.create({ documentId: doc, ...spanOf(text, phrase), typeId: ids.entity(type) });
    const embassy = mention('the US embassy in Baghdad', 'FAC');
    const baghdad = mention('Baghdad', 'GPE');
    const militants = mention('Militants', 'ORG');
    // Two events triggered by "fired"… one of them nested as an argument of a third event.
    const attack = ids.event('Conflict.Attack');
    const fired = project.events.create({ documentId: doc, typeId: attack, trigger: spanOf(text, 'fired') });
    project.events.create({ documentId: doc, typeId: attack, trigger: { mentionId: fired.trigger.id } });
    const shelled = project.events.create({ documentId: doc, typeId: attack, trigger: spanOf(text, 'shelled') });
    const fill = (eventId: number, role: string, target: { mentionId: number } | { eventId: number }) =>
      project.arguments.create({ eventId, roleId: ids.role('Conflict.Attack', role), target });
    fill(fired.event.id, 'Target', { mentionId: embassy.id });
    fill(fired.event.id, 'Attacker', { mentionId: militants.id });
    fill(shelled.event.id, 'Target', { eventId: fired.event.id });
    const link = (type: string, from: number, to: number) =>
      project.relations.create({ typeId: ids.relation(type), fromMentionId: from, toMentionId: to });
    link('PART-WHOLE', embassy.id, baghdad.id);
    link('PHYS', militants.id, baghdad.id);
    const before = dumpDatabase(project.db);

    // The trigger: both events it anchors go, with their arguments and the nesting argument.
    assert.deepEqual(project.mentions.delete(fired.trigger.id), { mentions: 1, events: 2, arguments: 3, relations: 0 });
    assert.equal(project.events.inDocument(doc).length, 1);
    project.history.undo(doc);
    const restored = dumpDatabase(project.db);
    for (const table of ANNOTATION_TABLES) assert.deepEqual(restored[table], before[table], table);

    // A mention in two relations and an argument.
    assert.deepEqual(project.mentions.delete(embassy.id), { mentions: 1, events: 0, arguments: 1, relations: 1 });
    assert.equal(project.relations.inDocument(doc).length, 1);
    project.history.undo(doc);
    const again = dumpDatabase(project.db);
    for (const table of ANNOTATION_TABLES) assert.deepEqual(again[table], before[table], table);
    project.close();
  });

  test("a duplicate span is allowed (nested and repeated annotation is the analyst's call)", async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const per = labelIds(project).entity('PER');
    project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: per });
    project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: per });
    assert.equal(project.mentions.inDocument(doc).length, 2);
    project.close();
  });
});
