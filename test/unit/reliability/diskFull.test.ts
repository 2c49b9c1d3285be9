// A full disk (a tiny tmpfs, or a per-file size limit where mounting is not allowed; see
// test/support/diskTrouble.ts): an edit, an import and an export that run out of space each
// stop with a `disk_full` error naming the file, and nothing saved before is lost — with the
// space back, the project reopens sound and holds every write that was acknowledged.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { test } from 'node:test';
import type { ImportReport } from '../../../common/importReport';
import type { Mention } from '../../../common/model';
import { Project } from '../../../main/services/project';
import { importBatch } from '../../../main/services/import/batchImport';
import type { TroublePlace } from '../../support/diskTrouble';
import { fullDiskPlaces } from '../../support/diskTrouble';
import { generatedArticle } from '../../support/importFixtures';
import { reopenSound } from '../../support/projectSoundness';
import { tempDir } from '../../support/projectFixture';
import { runSpanlab } from '../../support/spanlabProcess';
import { reportFigure } from '../../support/tortureScale';
import { WorkspaceProcess } from '../../support/workspaceProcess';

const KB = 1024;
const NOTE = 'x'.repeat(16 * KB);

// Runs `scenario` once per way of filling a disk this machine has.
async function eachFullDisk(t: TestContext, room: { tmpfs: number; fileSize: number }, scenario: (place: TroublePlace, t: TestContext) => Promise<void>) {
  const places = fullDiskPlaces(room);
  if (places.length === 0) {
    t.skip('no way to fill a disk here: mounting a tmpfs needs root, and `ulimit -f` needs a POSIX shell');
    return;
  }
  for (const place of places) await t.test(place.method, (sub) => scenario(place, sub));
}

test('an edit refused for lack of space says so, and every earlier edit is kept', async (t) => {
  await eachFullDisk(t, { tmpfs: 1024 * KB, fileSize: 700 * KB }, async (place, sub) => {
    const file = path.join(place.dir, 'full.spanlab');
    (await Project.create(file, { sample: true })).close();
    place.begin();
    const window = await WorkspaceProcess.start(path.join(tempDir(), 'settings'), place.limits);
    const acknowledged = new Map<number, string>();
    let refusal;
    try {
      await window.value('project.open', { path: file });
      const documentId = (await window.value<{ items: { id: number }[] }>('documents.list', { offset: 0, limit: 1 })).items[0]!.id;
      for (let i = 0; i < 400 && !refusal; i++) {
        const note = `${i} ${NOTE}`;
        const result = await window.call<Mention>('mentions.create', { documentId, start: i % 50, end: (i % 50) + 4, typeId: 1, note });
        if (result.ok) acknowledged.set(result.value.id, note);
        else refusal = result.error;
      }
      assert.ok(refusal, 'the disk filled up');
      assert.equal(refusal.code, 'disk_full', refusal.message);
      assert.ok(refusal.message.includes(file), `the message names the project file: ${refusal.message}`);
      assert.match(refusal.message, /no space left.*not saved.*safe/s);
      // The window still reads.
      assert.ok((await window.call('documents.get', { id: documentId })).ok);
      if (place.method === 'tmpfs') {
        // Space freed while the window is open: the same edit now goes through.
        place.end();
        const retried = await window.call<Mention>('mentions.create', { documentId, start: 0, end: 4, typeId: 1, note: 'after' });
        assert.ok(retried.ok, JSON.stringify(retried));
        acknowledged.set(retried.value.id, 'after');
      }
    } finally {
      await window.close();
      place.end();
    }
    const project = await reopenSound(file, place.method);
    try {
      const notes = new Map(
        (project.db.prepare("SELECT id, note FROM mentions WHERE note <> ''").all() as { id: number; note: string }[]).map((r) => [r.id, r.note]),
      );
      assert.deepEqual(notes, acknowledged, 'every acknowledged edit, and nothing of the refused one');
    } finally {
      project.close();
    }
    reportFigure(sub, `disk full (${place.method}): ${acknowledged.size} edits kept; the analyst read: "${refusal.message}"`);
  });
});

test('an import that runs out of space stops with a line per file, and a re-run completes it', async (t) => {
  const batch = path.join(tempDir(), 'batch');
  fs.mkdirSync(batch);
  // Two groups of 500 (see documentCommits.ts): the space holds the first, not the second.
  const articles = 1_000;
  for (let i = 0; i < articles; i++) fs.writeFileSync(path.join(batch, `a${String(i).padStart(4, '0')}.txt`), generatedArticle(i, 600));
  await eachFullDisk(t, { tmpfs: 1_800 * KB, fileSize: 1_600 * KB }, async (place, sub) => {
    const file = path.join(place.dir, 'import.spanlab');
    (await Project.create(file, { sample: false })).close();
    place.begin();
    let run;
    try {
      run = await runSpanlab(['import', '--project', file, batch, '--json'], path.join(tempDir(), 'settings'), place.limits);
    } finally {
      place.end();
    }
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as ImportReport;
    assert.equal(report.outcome, 'failed');
    assert.match(report.failure!, /^There is no space left to write .*import\.spanlab.*The import stopped there/s);
    assert.match(run.stderr, /^spanlab import: the import failed: There is no space left to write/);
    const lost = report.errors.filter((e) => /could not be written: the disk is full/.test(e.reason));
    assert.ok(lost.length > 0, `each file of the group that could not be written has its line: ${JSON.stringify(report.errors.slice(0, 3))}`);

    assert.ok(report.counts.documents > 0, 'the first group went in before the disk filled');
    const project = await reopenSound(file, place.method);
    try {
      assert.equal(project.stats().documents, report.counts.documents, 'what the report counts is in the project, whole');
      const rerun = await importBatch(project, { paths: [batch], format: 'auto' });
      assert.equal(rerun.outcome, 'finished');
      assert.equal(rerun.counts.duplicates, report.counts.documents);
      assert.equal(project.stats().documents, articles, 'the re-run completes the batch, nothing twice');
    } finally {
      project.close();
    }
    reportFigure(
      sub,
      `import on a full disk (${place.method}): stopped after ${report.counts.documents} of ${articles} documents, ` +
        `${lost.length} file lines; the analyst read: "${run.stderr.trim()}"`,
    );
  });
});

test('an export that runs out of space leaves nothing under its name, and says why', async (t) => {
  const file = path.join(tempDir(), 'dense.spanlab');
  await denseProject(file);
  // The project (about 1.5 MB) fits under the file-size limit; its export (about 2.3 MB) does not.
  await eachFullDisk(t, { tmpfs: 512 * KB, fileSize: 1_800 * KB }, async (place, sub) => {
    const out = path.join(place.dir, 'all.jsonl');
    const settings = path.join(tempDir(), 'settings');
    place.begin();
    let run;
    try {
      run = await runSpanlab(['export', '--project', file, '--format', 'spanlab-jsonl', '--out', out], settings, place.limits);
    } finally {
      place.end();
    }
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stderr, /^spanlab export: There is no space left to write .*all\.jsonl.*nothing was left under that name/);
    assert.deepEqual(fs.readdirSync(place.dir), [], 'no file under the name, and no temporary one beside it');
    (await reopenSound(file)).close();
    const again = await runSpanlab(['export', '--project', file, '--format', 'spanlab-jsonl', '--out', out], settings);
    assert.equal(again.code, 0, again.stderr);
    reportFigure(sub, `export on a full disk (${place.method}): the analyst read: "${run.stderr.trim()}"`);
  });
});

// 40 documents of 500 mentions each: an export bigger than the project file.
async function denseProject(file: string): Promise<void> {
  const feed = `${file}.jsonl`;
  const records = Array.from({ length: 40 }, (_, d) => {
    const text = Array.from({ length: 500 }, (_, i) => `w${d}x${i}`.padEnd(5, 'a')).join(' ');
    return JSON.stringify({ text, label: Array.from({ length: 500 }, (_, i) => [i * 6, i * 6 + 5, 'PER']) });
  });
  fs.writeFileSync(feed, records.join('\n'));
  const project = await Project.create(file, { sample: false });
  try {
    assert.equal((await importBatch(project, { paths: [feed], format: 'jsonl' })).counts.mentions, 20_000);
  } finally {
    project.close();
  }
  // Once opened and closed, later opens (the CLI's) find nothing left to write.
  (await Project.open(file)).close();
}
