// Two processes, one file: the same project open in two windows (two Workspaces in two
// processes), and `spanlab import` and `spanlab stats` run on it while a window holds it
// open and writes. Spanlab allows this rather than refusing it as "in use" (the reasons
// are in db/openDatabase.ts): WAL lets readers and the writer work at once, writers take
// turns within busy_timeout, and each side sees the other's commits at its next read.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { DocumentDetail, DocumentPage, Mention, ProjectStats } from '../../../common/model';
import { Project } from '../../../main/services/project';
import { generatedArticle } from '../../support/importFixtures';
import { reopenSound } from '../../support/projectSoundness';
import { tempDir } from '../../support/projectFixture';
import { runSpanlab } from '../../support/spanlabProcess';
import { reportFigure, scaled } from '../../support/tortureScale';
import { WorkspaceProcess } from '../../support/workspaceProcess';

async function twoDocumentProject(): Promise<{ dir: string; file: string; documents: [number, number] }> {
  const dir = tempDir();
  const file = path.join(dir, 'shared.spanlab');
  const project = await Project.create(file, { sample: true });
  const second = project.documents.add({ title: 'Second', text: generatedArticle(1, 2_000) }).id;
  const first = project.db.prepare<[number], number>('SELECT min(id) FROM documents WHERE id <> ?').pluck().get(second)!;
  project.close();
  return { dir, file, documents: [first, second] };
}

test('two processes write one project at once: turns taken, nothing lost, each sees the other', async (t) => {
  const { dir, file, documents } = await twoDocumentProject();
  const [a, b] = await Promise.all([0, 1].map((n) => WorkspaceProcess.start(path.join(dir, `settings-${n}`))));
  try {
    await a!.value('project.open', { path: file });
    await b!.value('project.open', { path: file });

    // Each writes in batches sent at once; the batches of the two run at the same time.
    const rounds = scaled(10);
    const perRound = 15;
    const owner = new Map<number, 'a' | 'b'>();
    const acknowledged = new Map<number, { documentId: number; start: number }>();
    for (let round = 0; round < rounds; round++) {
      const calls = (['a', 'b'] as const).flatMap((who) =>
        Array.from({ length: perRound }, (_, i) => {
          const documentId = documents[(round + i) % 2]!;
          const start = (round * perRound + i) % 400;
          const process = who === 'a' ? a! : b!;
          return process.call<Mention>('mentions.create', { documentId, start, end: start + 4, typeId: 1 }).then((result) => ({ who, result }));
        }),
      );
      for (const { who, result } of await Promise.all(calls)) {
        assert.ok(result.ok, `every write succeeds, none busy or internal: ${JSON.stringify(!result.ok && result.error)}`);
        owner.set(result.value.id, who);
        acknowledged.set(result.value.id, { documentId: result.value.documentId, start: result.value.start });
      }
    }
    assert.equal(acknowledged.size, 2 * rounds * perRound, 'every write got an id of its own');

    // Each sees the other's writes at its next read ("refresh").
    for (const [reader, documentId] of [[a!, documents[0]], [b!, documents[1]]] as const) {
      const detail = await reader.value<DocumentDetail>('documents.get', { id: documentId });
      const seen = new Set(detail.mentions.map((m) => m.id));
      for (const [id, w] of acknowledged) if (w.documentId === documentId) assert.ok(seen.has(id), `mention ${id} is seen by both`);
    }
    const ids = [...owner.keys()].sort((x, y) => x - y);
    const turns = ids.filter((id, i) => i > 0 && owner.get(id) !== owner.get(ids[i - 1]!)).length;
    reportFigure(t, `two processes: ${acknowledged.size} concurrent writes, ownership alternating ${turns} times in commit order, none refused`);
  } finally {
    await Promise.all([a!.close(), b!.close()]);
  }

  const project = await reopenSound(file);
  try {
    const stored = project.db.prepare('SELECT count(*) FROM mentions').pluck().get() as number;
    assert.ok(stored >= 2 * scaled(10) * 15, 'every acknowledged write is in the file');
  } finally {
    project.close();
  }
});

test('an id freed in one process is never reused by the other, so undo still works', async () => {
  const { dir, file, documents } = await twoDocumentProject();
  const a = await WorkspaceProcess.start(path.join(dir, 'settings-a'));
  const b = await WorkspaceProcess.start(path.join(dir, 'settings-b'));
  try {
    await a.value('project.open', { path: file });
    await b.value('project.open', { path: file });
    // A marks a mention and deletes it; B, which opened before, marks one elsewhere; A undoes.
    const marked = await a.value<Mention>('mentions.create', { documentId: documents[0], start: 0, end: 6, typeId: 1 });
    await a.value('mentions.delete', { id: marked.id });
    const other = await b.value<Mention>('mentions.create', { documentId: documents[1], start: 0, end: 6, typeId: 2 });
    assert.notEqual(other.id, marked.id, 'a new row never takes the id of a deleted one, whoever deleted it');
    const undone = await a.call('history.undo', { documentId: documents[0] });
    assert.ok(undone.ok && undone.value !== null, `the deletion is undone: ${JSON.stringify(undone)}`);
    const back = await b.value<DocumentDetail>('documents.get', { id: documents[0] });
    assert.ok(back.mentions.some((m) => m.id === marked.id && m.start === 0), 'the mention is back, and B sees it');
    const kept = await a.value<DocumentDetail>('documents.get', { id: documents[1] });
    assert.ok(kept.mentions.some((m) => m.id === other.id), "B's mention is untouched, and A sees it");
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  (await reopenSound(file)).close();
});

test('spanlab import and stats run while a window holds the project open and writes', async (t) => {
  const { dir, file, documents } = await twoDocumentProject();
  const batch = path.join(dir, 'batch');
  fs.mkdirSync(batch);
  const articles = scaled(400);
  for (let i = 0; i < articles; i++) fs.writeFileSync(path.join(batch, `a${i}.txt`), generatedArticle(100 + i, 1_500));
  const settings = path.join(dir, 'settings');
  const window = await WorkspaceProcess.start(path.join(dir, 'settings-window'));
  try {
    await window.value('project.open', { path: file });
    // The window writes steadily all through the import.
    const writes: Promise<unknown>[] = [];
    const started = performance.now();
    const imported = runSpanlab(['import', '--project', file, batch, '--json'], settings);
    let importDone = false;
    void imported.then(() => (importDone = true));
    for (let i = 0; !importDone || i < 20; i++) {
      writes.push(window.value('mentions.create', { documentId: documents[i % 2], start: i % 300, end: (i % 300) + 3, typeId: 1 }));
      if (i % 10 === 9) await Promise.all(writes.slice(-10));
    }
    const run = await imported;
    await Promise.all(writes);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { counts: { documents: number } };
    assert.equal(report.counts.documents, articles);

    // stats in another process, and the window, agree: each sees the other's writes.
    const stats = await runSpanlab(['stats', '--project', file, '--json'], settings);
    assert.equal(stats.code, 0, stats.stderr);
    const fromCli = JSON.parse(stats.stdout) as ProjectStats;
    const fromWindow = await window.value<ProjectStats>('project.stats');
    assert.equal(fromCli.documents, 2 + articles);
    assert.equal(fromCli.mentions, writes.length);
    assert.deepEqual(fromCli, fromWindow);
    const page = await window.value<DocumentPage>('documents.list', { offset: 0, limit: 1 });
    assert.equal(page.total, 2 + articles, 'the window lists the imported documents');
    reportFigure(
      t,
      `spanlab import of ${articles} files beside a writing window: ${writes.length} window writes, none refused; ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await window.close();
  }
  (await reopenSound(file)).close();
});
