import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpanlabError } from '../../../common/errors';
import { addText, dumpDatabase, labelIds, newProject, spanOf } from '../../support/projectFixture';

const refused = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof SpanlabError && error.code === code && pattern.test(error.message);

const TEXT = 'Militants fired rockets at the US embassy in Baghdad late on Tuesday.';
const at = (phrase: string) => spanOf(TEXT, phrase);

// A project with TEXT as document `doc` and an Attack event on "fired".
async function attackOnFired() {
  const { project } = await newProject({ sample: false });
  const doc = addText(project, TEXT);
  const ids = labelIds(project);
  const { event, trigger } = project.events.create({
    documentId: doc,
    typeId: ids.event('Conflict.Attack'),
    trigger: at('fired'),
  });
  return { project, doc, ids, event, trigger };
}

describe('events and arguments', () => {
  test('an event on a new span creates its trigger in the same action, with default attributes', async () => {
    const { project, doc, event, trigger } = await attackOnFired();
    assert.equal(trigger.typeId, null);
    assert.equal(event.triggerMentionId, trigger.id);
    assert.deepEqual(event.attributes, {
      realis: 'actual',
      polarity: 'positive',
      tense: 'unspecified',
      genericity: 'specific',
    });
    assert.equal(project.db.prepare("SELECT count(*) FROM actions WHERE kind = 'edit'").pluck().get(), 1);
    project.history.undo(doc);
    const after = dumpDatabase(project.db);
    assert.deepEqual(after.mentions, []);
    assert.deepEqual(after.events, []);
    project.close();
  });

  test('an argument on a new span creates the mention; a role the type does not accept is allowed', async () => {
    const { project, doc, ids, event } = await attackOnFired();
    // Instrument accepts WEA and VEH; a PER filler is a warning in the UI, not an error.
    const result = project.arguments.create({
      eventId: event.id,
      roleId: ids.role('Conflict.Attack', 'Instrument'),
      target: { ...at('Militants'), typeId: ids.entity('PER') },
    });
    assert.ok(result.mention);
    assert.equal(result.argument.mentionId, result.mention.id);
    assert.equal(project.history.undo(doc)?.label, 'Add Instrument argument');
    assert.equal(project.mentions.inDocument(doc).length, 1); // only the trigger is left
    project.close();
  });

  test('a role that is not repeatable takes one filler', async () => {
    const { project, doc, ids, event } = await attackOnFired();
    const place = ids.role('Conflict.Attack', 'Place');
    const gpe = ids.entity('GPE');
    const fillPlace = (phrase: string) => () =>
      project.arguments.create({ eventId: event.id, roleId: place, target: { ...at(phrase), typeId: gpe } });
    fillPlace('Baghdad')();
    const before = dumpDatabase(project.db);
    assert.throws(fillPlace('the US embassy'), refused('conflict', /"Place" of this event is already filled/));
    assert.deepEqual(dumpDatabase(project.db), before);

    // A repeatable role takes more, but not the same filler twice.
    const target = ids.role('Conflict.Attack', 'Target');
    const embassy = project.mentions.create({
      documentId: doc,
      ...at('the US embassy in Baghdad'),
      typeId: ids.entity('FAC'),
    });
    const fill = () =>
      project.arguments.create({ eventId: event.id, roleId: target, target: { mentionId: embassy.id } });
    fill();
    assert.throws(fill, refused('conflict', /already fills/));
    project.close();
  });

  test("arguments and triggers must be in the event's document; roles must be of its type", async () => {
    const { project, ids, doc, event } = await attackOnFired();
    const other = addText(project, 'Police arrested a man in Basra.');
    const elsewhere = project.mentions.create({ documentId: other, start: 0, end: 6, typeId: ids.entity('ORG') });
    const arrest = project.events.create({
      documentId: other,
      typeId: ids.event('Justice.Arrest-Jail'),
      trigger: { start: 7, end: 15 },
    });
    const before = dumpDatabase(project.db);
    const attacker = ids.role('Conflict.Attack', 'Attacker');
    const fill = (target: Parameters<typeof project.arguments.create>[0]['target'], roleId = attacker) => () =>
      project.arguments.create({ eventId: event.id, roleId, target });

    assert.throws(fill({ mentionId: elsewhere.id }), refused('not_found', /not in this event's document/));
    assert.throws(fill({ eventId: arrest.event.id }), refused('not_found', /not in this event's document/));
    assert.throws(
      () => project.events.create({ documentId: doc, typeId: event.typeId, trigger: { mentionId: elsewhere.id } }),
      refused('not_found', /not in document/),
    );
    assert.throws(
      fill({ mentionId: event.triggerMentionId }, ids.role('Justice.Arrest-Jail', 'Person')),
      refused('invalid_input', /another event type/),
    );
    assert.throws(fill({ start: 60, end: 90, typeId: null }), refused('invalid_input', /characters long/));
    assert.throws(fill({ eventId: event.id }), refused('invalid_input', /argument of itself/));
    assert.deepEqual(dumpDatabase(project.db), before);
    project.close();
  });

  test("changing an event's type keeps arguments whose role name the new type has", async () => {
    const { project, doc, ids, event } = await attackOnFired();
    const gpe = ids.entity('GPE');
    const fill = (role: string, phrase: string) =>
      project.arguments.create({
        eventId: event.id,
        roleId: ids.role('Conflict.Attack', role),
        target: { ...at(phrase), typeId: gpe },
      });
    fill('Place', 'Baghdad');
    fill('Attacker', 'Militants');
    const updated = project.events.update({ id: event.id, typeId: ids.event('Conflict.Demonstrate') });
    assert.equal(updated.typeId, ids.event('Conflict.Demonstrate'));
    const args = project.arguments.inDocument(doc);
    assert.deepEqual(
      args.map((a) => a.roleId),
      [ids.role('Conflict.Demonstrate', 'Place')],
    );
    project.history.undo(doc);
    assert.equal(project.arguments.inDocument(doc).length, 2);
    project.close();
  });

  test('deleting an event removes its arguments and its unused untyped trigger', async () => {
    const { project, doc, ids, event } = await attackOnFired();
    project.arguments.create({
      eventId: event.id,
      roleId: ids.role('Conflict.Attack', 'Time'),
      target: { ...at('late on Tuesday'), typeId: ids.entity('TIME') },
    });
    const before = dumpDatabase(project.db);
    assert.deepEqual(project.events.delete(event.id), { events: 1, arguments: 1 });
    assert.deepEqual(
      project.mentions.inDocument(doc).map((m) => m.typeId),
      [ids.entity('TIME')],
    );
    project.history.undo(doc);
    const after = dumpDatabase(project.db);
    assert.deepEqual(after.mentions, before.mentions);
    assert.deepEqual(after.event_arguments, before.event_arguments);
    project.close();
  });

  test('relations link two mentions of one document', async () => {
    const { project } = await newProject({ sample: false });
    const ids = labelIds(project);
    const doc = addText(project, TEXT);
    const other = addText(project, 'Police arrested a man in Basra.');
    const a = project.mentions.create({
      documentId: doc,
      ...at('the US embassy in Baghdad'),
      typeId: ids.entity('FAC'),
    });
    const b = project.mentions.create({ documentId: doc, ...at('Baghdad'), typeId: ids.entity('GPE') });
    const c = project.mentions.create({ documentId: other, start: 25, end: 30, typeId: ids.entity('GPE') });
    const partWhole = ids.relation('PART-WHOLE');
    const link = (from: number, to: number) => () =>
      project.relations.create({ typeId: partWhole, fromMentionId: from, toMentionId: to });
    const relation = link(a.id, b.id)();
    assert.equal(relation.documentId, doc);
    assert.throws(link(a.id, c.id), refused('invalid_input', /same document/));
    assert.throws(link(a.id, b.id), refused('conflict', /already linked/));
    assert.throws(link(a.id, a.id), refused('invalid_input', /two different mentions/));
    assert.deepEqual(project.relations.delete(relation.id), { relations: 1 });
    project.close();
  });
});
