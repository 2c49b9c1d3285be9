// The crash harness, import side: `spanlab import` of a folder batch — plain articles,
// brat pairs with mentions and relations, and a JSONL feed whose records carry mentions —
// is SIGKILLed at a random moment: once the parent, watching the file from outside, sees a
// random number of documents committed, or a random few milliseconds after the import has
// begun (its batch row is there, its first group not yet). Every time the project
// reopens sound and holds only whole documents: each one's text is a whole article, its
// stored hash is its text's, and it has all of its mentions and relations or is not there
// at all. Running the same import again then completes the batch, with no document twice.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Project } from '../../../main/services/project';
import { importBatch } from '../../../main/services/import/batchImport';
import { generatedArticle } from '../../support/importFixtures';
import type { KillTrigger } from '../../support/killedChild';
import { killMidway } from '../../support/killedChild';
import { reopenSound } from '../../support/projectSoundness';
import { tempDir } from '../../support/projectFixture';
import { runSeed, seededRandom } from '../../support/seededRandom';
import { startSpanlab } from '../../support/spanlabProcess';
import { reportFigure, scaled } from '../../support/tortureScale';

const ARTICLES = 400;
const BRAT_PAIRS = 60;
const RECORDS = 1_600;

interface Expected {
  mentions: number;
  relations: number;
}

test('an import killed at random moments leaves only whole documents, and a re-run completes it', async (t) => {
  const seed = runSeed();
  const random = seededRandom(seed);
  const dir = tempDir();
  const { batch, expected } = writeBatch(path.join(dir, 'batch'));
  const template = path.join(dir, 'empty.spanlab');
  (await Project.create(template, { sample: false })).close();
  const total = expected.size;
  const totals = [...expected.values()].reduce((a, e) => ({ mentions: a.mentions + e.mentions, relations: a.relations + e.relations }));

  const rounds = scaled(4);
  let kills = 0;
  const documentsAtKill: number[] = [];
  let finishedFirst = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const context = `round ${round}, SPANLAB_SEED=${seed}`;
    const file = path.join(dir, `import-${round}.spanlab`);
    const threshold = random.int(1, total - 1);
    const delay = round % 2 === 1 ? random.int(0, 600) : random.int(0, 5);
    const end = await killMidway((attempt) => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      fs.copyFileSync(template, file);
      const watcher = new Database(file, { readonly: true, fileMustExist: true });
      const documents = watcher.prepare('SELECT count(*) FROM documents').pluck();
      const batches = watcher.prepare('SELECT count(*) FROM import_batches').pluck();
      const trigger: KillTrigger =
        round % 2 === 1
          ? { poll: () => (batches.get() as number) > 0, thenMs: delay >> attempt }
          : { poll: () => (documents.get() as number) >= threshold >> attempt, thenMs: delay };
      const child = startSpanlab(['import', '--project', file, batch], path.join(dir, 'settings'));
      return { child, trigger, ended: () => watcher.close() };
    });
    kills++;
    finishedFirst += end.finishedFirst;

    const project = await reopenSound(file, context);
    try {
      const rows = project.db
        .prepare(
          `SELECT d.text,
             (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mentions,
             (SELECT count(*) FROM relations r WHERE r.document_id = d.id) AS relations
           FROM documents d`,
        )
        .all() as ({ text: string } & Expected)[];
      documentsAtKill.push(rows.length);
      for (const row of rows) {
        const want = expected.get(row.text);
        assert.ok(want, `every document is a whole article of the batch (${context})`);
        assert.deepEqual({ mentions: row.mentions, relations: row.relations }, want, `a document with all its annotations (${context})`);
      }

      const rerun = await importBatch(project, { paths: [batch], format: 'auto' });
      assert.equal(rerun.outcome, 'finished', `the re-run finished (${context})`);
      assert.equal(rerun.counts.documents, total - rows.length, `the re-run adds what was missing (${context})`);
      assert.equal(rerun.counts.duplicates, rows.length, `and skips what was in (${context})`);
      const stats = project.stats();
      assert.deepEqual(
        { documents: stats.documents, mentions: stats.mentions, relations: stats.relations },
        { documents: total, ...totals },
        `the whole batch, once (${context})`,
      );
    } finally {
      project.close();
    }
    // The torture run makes a hundred of these.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  reportFigure(
    t,
    `import of ${total} documents: ${kills} kills survived (documents in at the kill: ${documentsAtKill.join(', ')}), ` +
      `each re-run completed the batch ` +
      `(${finishedFirst} runs finished before their kill); ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
  );
});

// Articles, brat pairs and a feed; returns each document's text with its annotations.
function writeBatch(batch: string): { batch: string; expected: Map<string, Expected> } {
  const expected = new Map<string, Expected>();
  fs.mkdirSync(path.join(batch, 'articles'), { recursive: true });
  fs.mkdirSync(path.join(batch, 'brat'));
  for (let i = 0; i < ARTICLES; i++) {
    const text = generatedArticle(i, 3_000);
    fs.writeFileSync(path.join(batch, 'articles', `a${String(i).padStart(4, '0')}.txt`), text);
    expected.set(text, { mentions: 0, relations: 0 });
  }
  for (let i = 0; i < BRAT_PAIRS; i++) {
    const text = `Farouk met Ali in Baghdad, report ${i} says.\n`;
    const name = path.join(batch, 'brat', `pair${i}`);
    fs.writeFileSync(`${name}.txt`, text);
    fs.writeFileSync(`${name}.ann`, 'T1\tPER 0 6\tFarouk\nT2\tPER 11 14\tAli\nR1\tPER-SOC Arg1:T1 Arg2:T2\n');
    expected.set(text, { mentions: 2, relations: 1 });
  }
  const records: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const text = `Feed item ${i}: ${generatedArticle(ARTICLES + i, 800)}`;
    records.push(JSON.stringify({ text, label: [[0, 4, 'ORG'], [5, 9, 'MISC']] }));
    expected.set(text, { mentions: 2, relations: 0 });
  }
  fs.writeFileSync(path.join(batch, 'z-feed.jsonl'), `${records.join('\n')}\n`);
  return { batch, expected };
}
