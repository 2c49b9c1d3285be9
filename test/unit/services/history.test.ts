import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SpanlabError } from '../../../common/errors';
import { Project } from '../../../main/services/project';
import { addText, dumpDatabase, newProject, typeId } from '../../support/projectFixture';

const TEXT = 'Militants fired rockets at the US embassy in Baghdad.';

describe('undo and redo', () => {
  test('undo and redo survive closing and reopening the project', async () => {
    const { project, file } = await newProject({ sample: false });
    const doc = addText(project, TEXT);
    const gpe = typeId(project, 'entity', 'GPE');
    const empty = dumpDatabase(project.db).mentions;
    const mention = project.mentions.create({ documentId: doc, start: 45, end: 52, typeId: gpe });
    const annotated = dumpDatabase(project.db).mentions;
    project.close();

    let reopened = await Project.open(file);
    assert.deepEqual(reopened.history.undo(doc), { actionId: 1, label: 'Add GPE mention', documentId: doc });
    assert.deepEqual(dumpDatabase(reopened.db).mentions, empty);
    reopened.close();

    reopened = await Project.open(file);
    assert.equal(reopened.history.redo(doc)?.label, 'Add GPE mention');
    assert.deepEqual(dumpDatabase(reopened.db).mentions, annotated);
    assert.equal(reopened.mentions.get(mention.id).end, 52);
    assert.equal(reopened.history.redo(doc), null);
    reopened.close();
  });

  test('a new edit clears the redo stack of its document', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, TEXT);
    project.mentions.create({ documentId: doc, start: 0, end: 9, typeId: typeId(project, 'entity', 'PER') });
    project.mentions.create({ documentId: doc, start: 16, end: 23, typeId: typeId(project, 'entity', 'WEA') });
    project.history.undo(doc);
    project.history.undo(doc);
    project.mentions.create({ documentId: doc, start: 45, end: 52, typeId: typeId(project, 'entity', 'GPE') });
    assert.equal(project.history.redo(doc), null);
    const states = project.db.prepare("SELECT label, state FROM actions WHERE kind = 'edit' ORDER BY id").all();
    assert.deepEqual(states, [
      { label: 'Add PER mention', state: 'discarded' },
      { label: 'Add WEA mention', state: 'discarded' },
      { label: 'Add GPE mention', state: 'done' },
    ]);
    project.close();
  });

  test('redo re-applies the most recently undone action first, in order', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, TEXT);
    project.mentions.create({ documentId: doc, start: 0, end: 9, typeId: null });
    project.mentions.create({ documentId: doc, start: 16, end: 23, typeId: null });
    const full = dumpDatabase(project.db);
    assert.equal(project.history.undo(doc)?.actionId, 2);
    assert.equal(project.history.undo(doc)?.actionId, 1);
    assert.equal(project.history.undo(doc), null);
    assert.equal(project.history.redo(doc)?.actionId, 1);
    assert.equal(project.history.redo(doc)?.actionId, 2);
    const redone = dumpDatabase(project.db);
    assert.deepEqual(redone.mentions, full.mentions);
    // Undo and redo are in the log too, as actions of their own that point at the edit.
    const kinds = project.db.prepare('SELECT kind, reverts FROM actions ORDER BY id').raw().all();
    assert.deepEqual(kinds, [['edit', null], ['edit', null], ['undo', 2], ['undo', 1], ['redo', 1], ['redo', 2]]);
    project.close();
  });

  test('each document, and the schema, has its own stack', async () => {
    const { project } = await newProject({ sample: false });
    const a = addText(project, TEXT);
    const b = addText(project, 'Police arrested a man in Basra.');
    project.mentions.create({ documentId: a, start: 0, end: 9, typeId: null });
    project.mentions.create({ documentId: b, start: 0, end: 6, typeId: null });
    project.entities.create({ name: 'Baghdad', typeId: null });
    assert.equal(project.history.undo(a)?.documentId, a);
    assert.equal(project.mentions.inDocument(b).length, 1);
    assert.equal(project.entities.list({ limit: 10 }).length, 1);
    assert.equal(project.history.undo(null)?.label, 'Add entity Baghdad');
    assert.equal(project.entities.list({ limit: 10 }).length, 0);
    assert.equal(project.history.undo(a), null);
    project.close();
  });

  test('an undo that a later change elsewhere made impossible is refused and leaves the history', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, TEXT);
    const per = typeId(project, 'entity', 'PER');
    const mention = project.mentions.create({ documentId: doc, start: 0, end: 9, typeId: per });
    project.mentions.update({ id: mention.id, note: 'armed group' });
    // A schema action (another stack) deletes the type with its mentions.
    assert.equal(project.schema.delete({ kind: 'entityType', id: per, force: true }).deleted, true);
    const before = dumpDatabase(project.db);
    assert.throws(
      () => project.history.undo(doc),
      (error: unknown) =>
        error instanceof SpanlabError &&
        error.code === 'conflict' &&
        /Cannot undo "Edit mention note"/.test(error.message),
    );
    assert.equal(project.db.prepare('SELECT state FROM actions WHERE id = 2').pluck().get(), 'discarded');
    assert.deepEqual(dumpDatabase(project.db).mentions, before.mentions);
    // Undoing the schema deletion brings the mention back, note and all.
    project.history.undo(null);
    assert.equal(project.mentions.get(mention.id).note, 'armed group');
    project.close();
  });
});
