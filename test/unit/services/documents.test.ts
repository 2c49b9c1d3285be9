import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { SpanlabError } from '../../../common/errors';
import { addDocument, ftsQuery } from '../../../main/services/documents';
import { addText, newProject } from '../../support/projectFixture';

describe('documents', () => {
  test('a document gets its blocks, a title from its headline and the sha256 of its text', async () => {
    const { project } = await newProject({ sample: false });
    const text = 'Rockets hit Baghdad\n\nThree rockets struck near the embassy.\r\n\r\nNo one was hurt.';
    const added = addDocument(project, { text, source: 'wire' });
    assert.deepEqual(added, { id: 1, duplicate: false });
    const doc = project.documents.get(added.id);
    assert.equal(doc.title, 'Rockets hit Baghdad');
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['heading', 'paragraph', 'paragraph']);
    const hash = project.db.prepare('SELECT content_hash FROM documents WHERE id = 1').pluck().get();
    assert.equal(hash, createHash('sha256').update(text).digest('hex'));
    project.close();
  });

  test('the same text again is reported as a duplicate, not stored twice', async () => {
    const { project } = await newProject({ sample: false });
    const first = addDocument(project, { text: 'Rockets hit Baghdad.', title: 'One' });
    assert.deepEqual(
      addDocument(project, { text: 'Rockets hit Baghdad.', title: 'Two' }),
      { id: first.id, duplicate: true },
    );
    assert.equal(project.info().documentCount, 1);
    project.close();
  });

  test('empty texts, NUL characters and blocks outside the text are refused', async () => {
    const { project } = await newProject({ sample: false });
    const invalid = (e: unknown) => e instanceof SpanlabError && e.code === 'invalid_input';
    assert.throws(() => addDocument(project, { text: '  \n ' }), invalid);
    assert.throws(() => addDocument(project, { text: 'a\u0000b' }), invalid);
    assert.throws(
      () => addDocument(project, { text: 'short', blocks: [{ kind: 'paragraph', start: 0, end: 6 }] }),
      invalid,
    );
    project.close();
  });

  test('search ranks documents by relevance and marks the hits in a snippet', async () => {
    const { project } = await newProject({ sample: false });
    addText(project, 'The ministry published its budget for schools and hospitals.', 'Budget');
    const some = addText(
      project,
      'A rocket landed in a field; officials said a second rocket was intercepted near Baghdad.',
      'Field',
    );
    const most = addText(
      project,
      'Rockets over Baghdad: rocket after rocket hit the Green Zone, and rocket sirens sounded all night.',
      'Rocket night',
    );
    const page = project.documents.list({ offset: 0, limit: 10, query: 'rocket' });
    assert.equal(page.total, 2);
    assert.deepEqual(page.items.map((d) => d.id), [most, some]);
    assert.match(page.items[1]!.snippet!, /«rocket»/);
    // Words are AND-ed.
    assert.deepEqual(
      project.documents.list({ offset: 0, limit: 10, query: 'rocket intercepted' }).items.map((d) => d.id),
      [some],
    );
    // Diacritics and case do not matter (unicode61 remove_diacritics).
    assert.equal(project.documents.list({ offset: 0, limit: 10, query: 'BAGHDÁD' }).total, 2);
    // Without a query there is no snippet, and the order is the import order.
    const all = project.documents.list({ offset: 0, limit: 10 });
    assert.equal(all.items[0]!.snippet, undefined);
    assert.deepEqual(all.items.map((d) => d.id), [1, 2, 3]);
    project.close();
  });

  test('FTS5 syntax typed by a user is taken literally', async () => {
    assert.equal(ftsQuery('US embassy'), '"US" AND "embassy"');
    assert.equal(ftsQuery('say "hi" NEAR(x'), '"say" AND """hi""" AND "NEAR(x"');
    assert.equal(ftsQuery('  -- * '), null);
    const { project } = await newProject({ sample: true });
    const syntax = ['"', 'AND', 'OR OR', 'embassy*', 'NEAR(rockets', 'title:x', '^rockets', '(', 'a"b', '-x', '--'];
    for (const query of syntax) {
      const page = project.documents.list({ offset: 0, limit: 10, query });
      assert.ok(page.total >= 0, query);
    }
    assert.equal(project.documents.list({ offset: 0, limit: 10, query: 'rockets OR' }).total, 0); // "OR" is a word here
    assert.equal(project.documents.list({ offset: 0, limit: 10, query: 'embassy*' }).total, 1);
    project.close();
  });

  test('paging, status filter and per-document mention counts', async () => {
    const { project } = await newProject({ sample: false });
    const ids = Array.from(
      { length: 25 },
      (_, i) => addText(project, `Report number ${i} about rockets.`, `Report ${i}`),
    );
    project.mentions.create({ documentId: ids[3]!, start: 0, end: 6, typeId: null });
    project.mentions.create({ documentId: ids[3]!, start: 7, end: 13, typeId: null });
    project.documents.setStatus(ids[3]!, 'done');
    project.documents.setStatus(ids[20]!, 'done');
    const page = project.documents.list({ offset: 0, limit: 10 });
    assert.equal(page.total, 25);
    assert.equal(page.items.length, 10);
    assert.equal(page.items[3]!.mentionCount, 2);
    assert.equal(project.documents.list({ offset: 20, limit: 10 }).items.length, 5);
    const done = project.documents.list({ offset: 0, limit: 10, status: 'done' });
    assert.deepEqual(
      done.items.map((d) => [d.id, d.status, d.mentionCount]),
      [[ids[3], 'done', 2], [ids[20], 'done', 0]],
    );
    assert.equal(done.total, 2);
    assert.equal(project.documents.list({ offset: 0, limit: 10, status: 'done', query: 'rockets' }).total, 2);
    project.close();
  });

  test('status and note are undoable edits on the document\'s stack', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Rockets hit Baghdad.');
    assert.equal(project.documents.setStatus(doc, 'in_progress').status, 'in_progress');
    assert.deepEqual(
      project.documents.setNote(doc, 'check the casualty figure'),
      { id: doc, note: 'check the casualty figure' },
    );
    assert.equal(project.history.undo(doc)?.label, 'Edit document note');
    assert.equal(project.documents.get(doc).note, '');
    assert.equal(project.history.undo(doc)?.label, 'Mark document as in progress');
    assert.equal(project.documents.get(doc).status, 'todo');
    project.history.redo(doc);
    assert.equal(project.documents.get(doc).status, 'in_progress');
    project.close();
  });

  test('get returns the document with all its annotations', async () => {
    const { project } = await newProject({ sample: false });
    const doc = addText(project, 'Militants fired rockets at Baghdad.');
    const entity = project.entities.create({ name: 'Baghdad', typeId: null });
    const m = project.mentions.create({ documentId: doc, start: 27, end: 34, typeId: null });
    project.mentions.update({ id: m.id, entityId: entity.id });
    const attack = project.schema.get().eventTypes[0]!.id;
    project.events.create({ documentId: doc, typeId: attack, trigger: { start: 10, end: 15 } });
    const detail = project.documents.get(doc);
    assert.equal(detail.mentions.length, 2);
    assert.equal(detail.events.length, 1);
    assert.deepEqual(detail.entities.map((e) => [e.name, e.mentionCount]), [['Baghdad', 1]]);
    assert.throws(() => project.documents.get(999), (e) => e instanceof SpanlabError && e.code === 'not_found');
    project.close();
  });
});
