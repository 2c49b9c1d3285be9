// What every project must be after a crash, a kill or a refused write: it opens through
// the real code (Project.open: WAL recovery, the version check, the write probe), SQLite
// finds nothing wrong with it, every reference holds, and every document is whole — its
// stored hash is its text's and its mentions lie inside its text.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Project } from '../../main/services/project';

/// Opens `file` as the app does and asserts it is sound; the caller closes the project.
export async function reopenSound(file: string, context = ''): Promise<Project> {
  const project = await Project.open(file);
  try {
    const db = project.db;
    const where = context ? ` (${context})` : '';
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }], `integrity_check${where}`);
    assert.deepEqual(db.pragma('foreign_key_check'), [], `foreign_key_check${where}`);
    const outside = db
      .prepare('SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m."end" > length(d.text)')
      .pluck()
      .get();
    assert.equal(outside, 0, `mentions outside their document's text${where}`);
    for (const row of db.prepare('SELECT id, text, content_hash FROM documents').iterate() as Iterable<{
      id: number;
      text: string;
      content_hash: string;
    }>) {
      const hash = createHash('sha256').update(row.text, 'utf8').digest('hex');
      assert.equal(row.content_hash, hash, `document ${row.id} holds the text it was hashed from${where}`);
    }
    return project;
  } catch (error) {
    project.close();
    throw error;
  }
}
