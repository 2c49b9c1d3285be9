// An import killed outright in the middle of a batch (SIGKILL: no Cancel, no cleanup) leaves
// a sound project holding only whole documents, and running it again completes the batch.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Project } from '../../../main/services/project';
import { generatedArticle } from '../../support/importFixtures';
import { tempDir } from '../../support/projectFixture';
import { finished, runSpanlab, startSpanlab } from '../../support/spanlabProcess';

const FILES = 800;
const RECORDS = 2_000;

test('an import killed mid-batch leaves only whole documents, and a re-run completes it', async () => {
  const dir = tempDir();
  const projectPath = path.join(dir, 'p.spanlab');
  (await Project.create(projectPath, { sample: false })).close();
  // A folder of articles, then a feed whose every record carries two mentions.
  const batch = path.join(dir, 'batch');
  fs.mkdirSync(path.join(batch, 'articles'), { recursive: true });
  const expected = new Map<string, number>();
  for (let i = 0; i < FILES; i++) {
    const text = generatedArticle(i, 3_000);
    fs.writeFileSync(path.join(batch, 'articles', `a${String(i).padStart(4, '0')}.txt`), text);
    expected.set(text, 0);
  }
  const records: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const text = `Feed item ${i}: ${generatedArticle(FILES + i, 800)}`;
    records.push(JSON.stringify({ text, label: [[0, 4, 'ORG'], [5, 9, 'MISC']] }));
    expected.set(text, 2);
  }
  fs.writeFileSync(path.join(batch, 'z-feed.jsonl'), `${records.join('\n')}\n`);

  const settings = path.join(dir, 'settings');
  const child = startSpanlab(['import', '--project', projectPath, batch], settings);
  const done = finished(child);
  const atKill = await killOnceDocumentsArrive(projectPath, child);
  await done;
  assert.ok(atKill > 0 && atKill < FILES + RECORDS, `killed mid-batch, with ${atKill} documents in`);

  const db = new Database(projectPath, { readonly: true });
  try {
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    // Whole documents: each one's text is a whole article, with all of its mentions.
    const rows = db
      .prepare('SELECT d.text, (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentions FROM documents d')
      .all() as { text: string; mentions: number }[];
    assert.ok(rows.length >= atKill);
    for (const row of rows) assert.equal(row.mentions, expected.get(row.text), 'a document and all its mentions, or nothing');
  } finally {
    db.close();
  }

  const rerun = await runSpanlab(['import', '--project', projectPath, batch, '--json'], settings);
  assert.equal(rerun.code, 0, rerun.stderr);
  const check = new Database(projectPath, { readonly: true });
  try {
    assert.equal(check.prepare('SELECT count(*) FROM documents').pluck().get(), FILES + RECORDS);
    assert.equal(check.prepare('SELECT count(*) FROM mentions').pluck().get(), 2 * RECORDS);
  } finally {
    check.close();
  }
});

// Watches the project from outside (WAL lets a reader in while the import writes) and kills
// the importer as soon as some documents, but not all, have been committed.
async function killOnceDocumentsArrive(projectPath: string, child: ReturnType<typeof startSpanlab>): Promise<number> {
  const db = new Database(projectPath, { readonly: true, fileMustExist: true });
  try {
    const count = db.prepare('SELECT count(*) FROM documents').pluck();
    for (;;) {
      if (child.exitCode !== null) return count.get() as number;
      const n = count.get() as number;
      if (n >= 50) {
        child.kill('SIGKILL');
        return n;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    db.close();
  }
}
