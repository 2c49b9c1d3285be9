// `spanlab import` as a user runs it: the report, --json, and the exit codes.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { ImportReport } from '../../../common/importReport';
import { Project } from '../../../main/services/project';
import { writeMixedBatch } from '../../support/importFixtures';
import { tempDir } from '../../support/projectFixture';
import { runSpanlab } from '../../support/spanlabProcess';

async function projectFile(): Promise<string> {
  const file = path.join(tempDir(), 'p.spanlab');
  (await Project.create(file, { sample: false })).close();
  return file;
}

describe('spanlab import', () => {
  test('imports a batch, prints the report, and a second run only skips', async () => {
    const file = await projectFile();
    const batch = writeMixedBatch(path.join(tempDir(), 'batch'));
    const settings = tempDir();
    const first = await runSpanlab(['import', '--project', file, batch.dir], settings);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`Imported ${batch.goodDocuments} documents`));
    assert.match(first.stdout, /Not imported \(4\):/);
    assert.match(first.stdout, /latin1\.txt: invalid UTF-8 at byte 3 /);
    assert.match(first.stdout, /truncated\.jsonl:3: malformed JSON/);
    assert.equal(first.stderr, '', 'no progress bar when stderr is not a terminal');

    const second = await runSpanlab(['import', '--project', file, batch.dir, '--json'], settings);
    assert.equal(second.code, 0, second.stderr);
    const report = JSON.parse(second.stdout) as ImportReport;
    assert.equal(report.counts.documents, 0);
    assert.equal(report.counts.duplicates, batch.goodDocuments);
  });

  test('exits 1 when nothing could be imported', async () => {
    const file = await projectFile();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    const run = await runSpanlab(['import', '--project', file, dir, '--format', 'txt'], tempDir());
    assert.equal(run.code, 1);
    assert.match(run.stderr, /nothing could be imported/);
  });

  test('--text-field picks the field holding the text', async () => {
    const file = await projectFile();
    const feed = path.join(tempDir(), 'feed.data');
    fs.writeFileSync(feed, '{"body": "Rockets hit Baghdad.", "headline": "Rockets"}\n');
    const run = await runSpanlab(
      ['import', '--project', file, feed, '--format', 'jsonl', '--text-field', 'body', '--title-field', 'headline', '--json'],
      tempDir(),
    );
    assert.equal(run.code, 0, run.stderr);
    const project = await Project.open(file);
    try {
      assert.deepEqual(project.db.prepare('SELECT title, text FROM documents').get(), { title: 'Rockets', text: 'Rockets hit Baghdad.' });
    } finally {
      project.close();
    }
  });

  test('wrong usage exits 2 with the reason', async () => {
    const file = await projectFile();
    const noPath = await runSpanlab(['import', '--project', file], tempDir());
    assert.equal(noPath.code, 2);
    assert.match(noPath.stderr, /no PATH to import given/);
    const badFormat = await runSpanlab(['import', '--project', file, '.', '--format', 'pdf'], tempDir());
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /unknown format "pdf"/);
  });
});
