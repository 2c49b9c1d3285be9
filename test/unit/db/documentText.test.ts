import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addText, newProject } from '../../support/projectFixture';

test('a document text cannot be changed once stored (annotations point into it)', async () => {
  const { project } = await newProject({ sample: false });
  const doc = addText(project, 'Rockets hit Baghdad.');
  assert.throws(
    () => project.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('Something else.', doc),
    /document text is immutable/,
  );
  // The title may change, and the search index follows it.
  project.db.prepare('UPDATE documents SET title = ? WHERE id = ?').run('Night attack', doc);
  assert.equal(project.documents.list({ offset: 0, limit: 10, query: 'night' }).total, 1);
  project.close();
});

test('the change log is append-only', async () => {
  const { project } = await newProject({ sample: false });
  const doc = addText(project, 'Rockets hit Baghdad.');
  project.mentions.create({ documentId: doc, start: 0, end: 7, typeId: null });
  assert.throws(() => project.db.exec('DELETE FROM changes'), /append-only/);
  assert.throws(() => project.db.exec("UPDATE changes SET after = '{}'"), /append-only/);
  project.close();
});
