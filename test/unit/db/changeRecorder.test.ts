import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Project } from '../../../main/services/project';
import { addText, dumpDatabase, newProject, typeId } from '../../support/projectFixture';

describe('the change recorder', () => {
  test('an action that fails halfway leaves nothing: no rows, no action, no change log', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const before = dumpDatabase(project.db);
    assert.throws(
      () =>
        project.recorder.action('Two mentions', doc, () => {
          project.recorder.insert(
            'mentions',
            { document_id: doc, start: 0, end: 7, type_id: typeId(project, 'entity', 'WEA') },
          );
          // The second insert breaks a CHECK constraint ("end" > start) in the middle of the action.
          project.recorder.insert('mentions', { document_id: doc, start: 5, end: 5, type_id: null });
        }),
      /CHECK constraint failed/,
    );
    assert.deepEqual(dumpDatabase(project.db), before);
    project.close();
  });

  test('an action that changes nothing leaves no action behind', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const mention = project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null });
    const actions = () => project.db.prepare('SELECT count(*) FROM actions').pluck().get();
    const count = actions();
    project.recorder.action('Nothing', doc, () => project.recorder.update('mentions', mention.id, { start: 0 }));
    assert.equal(actions(), count);
    project.close();
  });

  test('before and after images hold every column', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const gpe = typeId(project, 'entity', 'GPE');
    const mention = project.mentions.create({ documentId: doc, start: 12, end: 19, typeId: gpe, note: 'capital' });
    project.mentions.update({ id: mention.id, note: 'the capital' });
    const changes = project.db
      .prepare("SELECT before, after FROM changes WHERE table_name = 'mentions' ORDER BY id")
      .all() as { before: string | null; after: string | null }[];
    assert.equal(changes.length, 2);
    const created = JSON.parse(changes[0]!.after!);
    assert.deepEqual(
      Object.keys(created),
      ['id', 'document_id', 'start', 'end', 'type_id', 'entity_id', 'attributes', 'note'],
    );
    assert.equal(changes[0]!.before, null);
    assert.equal(JSON.parse(changes[1]!.before!).note, 'capital');
    assert.equal(JSON.parse(changes[1]!.after!).note, 'the capital');
    project.close();
  });

  test('a deleted row id is never handed out again, even across reopening', async () => {
    const { project, file } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    const first = project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null });
    project.mentions.delete(first.id);
    const second = project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null });
    assert.ok(second.id > first.id);
    project.mentions.delete(second.id);
    project.close();

    const reopened = await Project.open(file);
    const third = reopened.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null });
    assert.ok(third.id > second.id);
    reopened.close();
  });

  test('rows SQLite would cascade to are deleted through the log, so undo restores them', async () => {
    const { project } = await newProject({ sample: false });
    const weapon = typeId(project, 'entity', 'WEA');
    const acceptsOf = () =>
      project.db.prepare('SELECT count(*) FROM event_role_accepts WHERE entity_type_id = ?').pluck().get(weapon);
    assert.ok((acceptsOf() as number) > 0);
    const entity = project.entities.create({ name: 'Katyusha', typeId: weapon });
    const before = dumpDatabase(project.db);

    assert.deepEqual(
      project.schema.delete({ kind: 'entityType', id: weapon, force: false }),
      { deleted: true, affected: 0 },
    );
    assert.equal(acceptsOf(), 0);
    assert.equal(project.entities.get(entity.id).typeId, null);
    const logged = project.db
      .prepare(
        `SELECT table_name, count(*) AS n FROM changes
         WHERE action_id = (SELECT max(id) FROM actions) GROUP BY table_name ORDER BY 1`,
      )
      .all();
    assert.deepEqual(
      logged.map((r) => (r as { table_name: string }).table_name),
      ['entities', 'entity_types', 'event_role_accepts'],
    );

    project.history.undo(null);
    const after = dumpDatabase(project.db);
    for (const table of ['entity_types', 'event_role_accepts', 'entities', 'mentions']) assert.deepEqual(
      after[table],
      before[table],
      table,
    );
    project.close();
  });
});
