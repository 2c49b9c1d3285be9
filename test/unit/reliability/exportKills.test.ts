// The crash harness, export side: `spanlab export` — a single file (spanlab-jsonl), a brat
// folder, and a train/dev/test split (a folder of CoNLL files) — is SIGKILLed at a random
// moment while it writes, into an empty place or over an earlier export. Every time,
// what sits under the chosen name is nothing or a complete export (the same bytes as one
// run to the end), never part of one; what else is left beside it has a temporary name
// Spanlab recognises (`.<name>.spanlab-tmp-<host>-<pid>-<random>`); and the next export to
// that name succeeds and removes those leftovers.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ExportRequest } from '../../../common/export';
import { openDatabase } from '../../../db/openDatabase';
import { Project } from '../../../main/services/project';
import { REPORT_FILE } from '../../../main/services/export/exportOutput';
import { runExport } from '../../../main/services/export/exportRunner';
import { importBatch } from '../../../main/services/import/batchImport';
import { generatedArticle } from '../../support/importFixtures';
import { killMidway } from '../../support/killedChild';
import { reopenSound } from '../../support/projectSoundness';
import { tempDir } from '../../support/projectFixture';
import { runSeed, seededRandom } from '../../support/seededRandom';
import { startSpanlab } from '../../support/spanlabProcess';
import { reportFigure, scaled } from '../../support/tortureScale';

const DOCUMENTS = 400;

interface Target {
  name: string;
  request: Omit<ExportRequest, 'out'>;
  args: string[];
}

const TARGETS: Target[] = [
  { name: 'all.jsonl', request: { format: 'spanlab-jsonl' }, args: ['--format', 'spanlab-jsonl'] },
  { name: 'brat-out', request: { format: 'brat' }, args: ['--format', 'brat'] },
  {
    name: 'conll-split',
    request: { format: 'conll', split: { train: 80, dev: 10, test: 10 } },
    args: ['--format', 'conll', '--split', '80/10/10'],
  },
];

test('an export killed at random moments never leaves part of an export under its name', async (t) => {
  const seed = runSeed();
  const random = seededRandom(seed);
  const dir = tempDir();
  const file = path.join(dir, 'export.spanlab');
  await seedProject(file, path.join(dir, 'feed.jsonl'));
  const outDir = path.join(dir, 'out');
  fs.mkdirSync(outDir);
  // What each export is when it runs to the end, and about how long it writes.
  const reference = new Map<string, Map<string, string>>();
  const writingMs = new Map<string, number>();
  for (const target of TARGETS) {
    const out = path.join(dir, `reference-${target.name}`);
    const start = performance.now();
    await exportInProcess(file, target, out);
    writingMs.set(target.name, performance.now() - start);
    reference.set(target.name, contents(out));
  }

  const rounds = scaled(6);
  const outcomes = { nothing: 0, complete: 0 };
  let leftovers = 0;
  let finishedFirst = 0;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const target = TARGETS[round % TARGETS.length]!;
    const out = path.join(outDir, target.name);
    const context = `round ${round}, ${target.name}, SPANLAB_SEED=${seed}`;
    // Half the time over an earlier export (replaced in place), else into an empty place.
    if (random.next() < 0.5) fs.rmSync(out, { recursive: true, force: true });
    const before = fs.existsSync(out);
    const tempPrefix = `.${target.name}.spanlab-tmp-`;
    // From its temporary output's appearance to a moment before it would be done.
    const thenMs = random.int(0, Math.round(writingMs.get(target.name)! * 0.8));
    const end = await killMidway((attempt) => ({
      child: startSpanlab(['export', '--project', file, '--out', out, ...target.args], path.join(dir, 'settings')),
      trigger: { poll: () => fs.readdirSync(outDir).some((n) => n.startsWith(tempPrefix)), thenMs: thenMs >> attempt },
    }));
    finishedFirst += end.finishedFirst;

    if (fs.existsSync(out)) {
      assert.deepEqual(contents(out), reference.get(target.name), `a complete export under the name, or nothing (${context})`);
      outcomes.complete++;
    } else {
      outcomes.nothing++;
    }
    const others = fs.readdirSync(outDir).filter((n) => n !== target.name && n.startsWith(`.${target.name}`));
    for (const name of others) assert.match(name, /^\.[^/]+\.spanlab-tmp-[0-9a-f]{8}-\d+-[0-9a-f]{12}(-old)?$/, `a temporary name (${context})`);
    leftovers += others.length;
    if (before && !fs.existsSync(out)) assert.ok(others.length > 0, `the earlier export is kept aside until the new one is in (${context})`);

    (await reopenSound(file, context)).close();
    // The next export to the name is not hindered by what the killed one left, and clears it.
    await exportInProcess(file, target, out);
    assert.deepEqual(contents(out), reference.get(target.name), `the next export is complete (${context})`);
    assert.deepEqual(fs.readdirSync(outDir).filter((n) => n.startsWith(tempPrefix)), [], `leftovers removed (${context})`);
  }
  reportFigure(
    t,
    `export (${TARGETS.map((x) => x.request.format + (x.request.split ? ' split' : '')).join(', ')}; ${DOCUMENTS} documents): ` +
      `${rounds} kills survived — ${outcomes.nothing} left nothing under the name, ${outcomes.complete} a complete export, ` +
      `${leftovers} temporary leftovers, all removed by the next export (${finishedFirst} runs finished before their kill); ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`,
  );
});

async function seedProject(file: string, feed: string): Promise<void> {
  const records: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    records.push(JSON.stringify({ text: `Wire ${i}: ${generatedArticle(i, 900)}`, label: [[0, 4, 'ORG'], [10, 16, 'GPE']] }));
  }
  fs.writeFileSync(feed, `${records.join('\n')}\n`);
  const project = await Project.create(file, { sample: false });
  try {
    const report = await importBatch(project, { paths: [feed], format: 'jsonl' });
    assert.equal(report.counts.documents, DOCUMENTS);
  } finally {
    project.close();
  }
}

// The export as the worker runs it, in this process.
async function exportInProcess(file: string, target: Target, out: string): Promise<void> {
  const { db } = await openDatabase(file, { mode: 'inspect' });
  try {
    runExport(db, file, { ...target.request, out } as ExportRequest, { progress: () => {}, cancelled: () => false });
  } finally {
    db.close();
  }
}

// Every file under `out` (or `out` itself) and its text; the report names its own path, so
// only its presence counts.
function contents(out: string): Map<string, string> {
  if (fs.statSync(out).isFile()) return new Map([['', fs.readFileSync(out, 'utf8')]]);
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = path.relative(out, path.join(entry.parentPath, entry.name));
    files.set(name, name === REPORT_FILE ? 'report' : fs.readFileSync(path.join(out, name), 'utf8'));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
