// Imports in worker threads: progress as events, the report at the end, Cancel, dropped
// files, and the UI's own writes going through while an import runs.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { EventMessage } from '../../../../common/contract';
import { ImportJobs } from '../../../../main/services/import/importJobs';
import { sourceWorkerScript } from '../../../../main/services/import/workerScript';
import { Project } from '../../../../main/services/project';
import { generatedArticle, writeMixedBatch } from '../../../support/importFixtures';
import { tempDir } from '../../../support/projectFixture';

async function projectFile(): Promise<string> {
  const file = path.join(tempDir(), 'p.spanlab');
  (await Project.create(file, { sample: false })).close();
  return file;
}

function jobsWithEvents(): { jobs: ImportJobs; events: EventMessage[] } {
  const events: EventMessage[] = [];
  return { jobs: new ImportJobs(sourceWorkerScript(), (message) => events.push(message)), events };
}

function writeArticles(dir: string, n: number, size = 2_000): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `a${String(i).padStart(5, '0')}.txt`), generatedArticle(i, size));
}

describe('import jobs', () => {
  test('report progress as events and keep the report', async () => {
    const file = await projectFile();
    const batch = writeMixedBatch(path.join(tempDir(), 'batch'));
    const { jobs, events } = jobsWithEvents();
    const { jobId } = jobs.start(file, { paths: [batch.dir], format: 'auto' });
    assert.equal(jobs.status(jobId).state, 'running');
    const report = await jobs.finished(jobId);

    assert.equal(report.counts.documents, batch.goodDocuments);
    const progress = events.filter((e) => e.name === 'progress').map((e) => e.payload as Extract<EventMessage, { name: 'progress' }>['payload']);
    assert.ok(progress.length >= 2);
    const last = progress.at(-1)!;
    assert.equal(last.finished, true);
    assert.equal(last.jobId, jobId);
    assert.equal(last.import!.added, batch.goodDocuments);
    assert.ok(last.import!.bytes.total! > 0);
    assert.deepEqual(jobs.status(jobId).report, report);
    assert.equal(jobs.status(jobId).state, 'finished');
  });

  test('Cancel stops after a whole file; the rest comes in on the next run', async () => {
    const file = await projectFile();
    const dir = path.join(tempDir(), 'many');
    // Enough files that the import is still running when the cancel lands, even on a busy machine.
    writeArticles(dir, 5_000);
    const { jobs, events } = jobsWithEvents();
    const { jobId } = jobs.start(file, { paths: [dir], format: 'auto' });
    // Cancel as soon as the first files are in.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const progressed = events.some((e) => e.name === 'progress' && (e.payload.import?.added ?? 0) > 0);
        if (progressed || jobs.status(jobId).state !== 'running') {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    assert.equal(jobs.cancel(jobId).cancelled, true);
    const report = await jobs.finished(jobId);
    assert.equal(report.outcome, 'cancelled');
    assert.ok(report.counts.documents > 0 && report.counts.documents < 5_000, `${report.counts.documents} imported`);
    assert.equal(jobs.cancel(jobId).cancelled, false, 'an ended import cannot be cancelled');

    const again = await jobs.finished(jobs.start(file, { paths: [dir], format: 'auto' }).jobId);
    assert.equal(again.counts.duplicates, report.counts.documents);
    assert.equal(again.counts.documents, 5_000 - report.counts.documents);
  });

  test('dropped files are imported under their own names, and their temporary copies go', async () => {
    const file = await projectFile();
    const { jobs } = jobsWithEvents();
    const encode = (text: string) => new TextEncoder().encode(text);
    const { jobId } = await jobs.startDropped(
      file,
      [
        { name: 'rockets.txt', data: encode('Rockets hit Baghdad\n\nThree rockets struck.\n') },
        { name: 'rockets.ann', data: encode('T1\tGPE 12 19\tBaghdad\n') },
        { name: '../../escape.txt', data: encode('Not outside the folder.\n') },
        { name: 'bad.txt', data: new Uint8Array([0x41, 0xff]) },
      ],
      { format: 'auto' },
    );
    const report = await jobs.finished(jobId);
    assert.equal(report.counts.documents, 2);
    assert.equal(report.counts.mentions, 1);
    assert.deepEqual(report.errors.map((e) => e.file), ['bad.txt']);
    assert.ok(!fs.existsSync(path.dirname(report.paths[0]!) + path.sep + 'escape.txt'));
    assert.equal(fs.existsSync(report.paths[0]!), false, 'the temporary folder is removed');
  });

  test('more than 10 MB of dropped files is refused with the way to do it instead', async () => {
    const { jobs } = jobsWithEvents();
    await assert.rejects(
      jobs.startDropped(await projectFile(), [{ name: 'big.txt', data: new Uint8Array(11 * 1024 * 1024) }], { format: 'auto' }),
      /larger than 10 MB; use Import… and choose them instead/,
    );
  });

  test("the UI's edits save at once while an import writes", async () => {
    const file = await projectFile();
    const dir = path.join(tempDir(), 'feed');
    fs.mkdirSync(dir);
    const lines = Array.from({ length: 1_500 }, (_, i) =>
      JSON.stringify({ text: generatedArticle(i, 1_000), label: [[0, 6, 'ORG']] }),
    );
    fs.writeFileSync(path.join(dir, 'feed.jsonl'), `${lines.join('\n')}\n`);

    const project = await Project.open(file);
    try {
      const documentId = project.documents.add({ text: 'Farouk met Ali in Baghdad.' }).id;
      const typeId = project.schema.get().entityTypes[0]!.id;
      const { jobs } = jobsWithEvents();
      const { jobId } = jobs.start(file, { paths: [dir], format: 'auto' });
      let edits = 0;
      while (jobs.status(jobId).state === 'running' && edits < 2_000) {
        const mention = project.mentions.create({ documentId, start: 0, end: 6, typeId });
        project.mentions.delete(mention.id);
        edits++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const report = await jobs.finished(jobId);
      assert.equal(report.counts.documents, 1_500);
      assert.equal(report.counts.mentions, 1_500);
      assert.ok(edits > 0);
    } finally {
      project.close();
    }
  });
});
