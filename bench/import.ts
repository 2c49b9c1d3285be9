// Import at volume: 10,000 generated articles of about 5 KB, once as a folder of .txt files
// and once as one JSONL file, each next to baselines measured in the same run — reading
// the same files and inserting the same texts with raw better-sqlite3 in one transaction:
//   - into a plain table of (id, text): the least any import has to do;
//   - into a new project's `documents` table: the same rows the import writes, the full-text
//     index (an FTS5 trigger) and the unique content hash included, which a plain table lacks.
// Then a streaming check: a large JSONL (200 MB by default; SPANLAB_BENCH_LARGE_MB=1024 for
// the issue's 1 GB) must import with flat memory. Each measurement runs in a process of its own, so that its peak
// RSS is its own. Figures only; nothing here passes or fails.
//
// The machine may be shared (CI, other work), which can slow any one run by half or more.
// So the baselines and the import run in turn, three times each (SPANLAB_BENCH_REPEATS), and
// each row shows its fastest run, the one least disturbed; the ratios compare those. The CPU
// time each took is shown too, which other work on the machine disturbs far less.
//
// The import measured is the app's: ImportJobs, a worker thread with its own connection,
// documents written in grouped transactions (a savepoint each), dedupe by hash, blocks, the
// full-text index. Its worker is bundled from the current source as build/build.mjs bundles
// it for the desktop app (dist/main/importWorker.cjs): run from source, the worker goes
// through tsx, whose module transforms cost half a second the app never pays.
// The target (issue 4): within 2× of the baseline.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { generatedArticle } from '../test/support/importFixtures';

const ARTICLES = 10_000;
const ARTICLE_SIZE = 5_000;
/** The streaming check's file: 200 MB of 5 KB articles; SPANLAB_BENCH_LARGE_MB=1024 for the issue's 1 GB. */
const LARGE_ARTICLES = Math.round((Number(process.env.SPANLAB_BENCH_LARGE_MB) || 200) * 1024 * 1024 / ARTICLE_SIZE);
const REPEATS = Math.max(1, Math.round(Number(process.env.SPANLAB_BENCH_REPEATS) || 3));

interface Figures {
  seconds: number;
  /** CPU time of the whole process (every thread) over the same span: far less disturbed by other work than seconds. */
  cpuSeconds: number;
  documents: number;
  bytes: number;
  peakRssMb: number;
  /** For the streaming check: RSS sampled at each quarter of the bytes, MB. */
  rssByQuarter?: number[];
  /** How long each small write on another connection (an analyst's edit) waited, ms. */
  editWaits?: number[];
}

const self = fileURLToPath(import.meta.url);

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spanlab-bench-import-'));
  // Inside the checkout, so that the bundle's require('better-sqlite3') finds node_modules.
  const workerDir = fs.mkdtempSync(path.join(fileURLToPath(new URL('../node_modules/.cache/', import.meta.url)), 'spanlab-bench-'));
  try {
    await build({
      entryPoints: [fileURLToPath(new URL('../main/services/import/importWorker.ts', import.meta.url))],
      outfile: path.join(workerDir, 'importWorker.cjs'),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      external: ['electron', 'better-sqlite3'],
      logLevel: 'warning',
    });
    const folder = path.join(dir, 'articles');
    const jsonl = path.join(dir, 'articles.jsonl');
    const generating = performance.now();
    const bytes = writeArticles(folder, jsonl, 0, ARTICLES);
    console.log(
      `generated ${ARTICLES.toLocaleString('en-US')} articles (${mb(bytes)} MB) as a folder of .txt and as one JSONL ` +
        `in ${seconds(performance.now() - generating)} s`,
    );

    console.log(`\nbest of ${REPEATS} runs each, taken in turn`);
    console.log(
      `${'import'.padEnd(34)}${'seconds'.padStart(9)}${'CPU s'.padStart(7)}${'docs/s'.padStart(9)}${'MB/s'.padStart(8)}` +
        `${'peak RSS'.padStart(11)}${'÷ baseline'.padStart(12)}`,
    );
    const row = (name: string, f: Figures, baseline: Figures | null) =>
      console.log(
        `${name.padEnd(34)}${f.seconds.toFixed(2).padStart(9)}${f.cpuSeconds.toFixed(2).padStart(7)}` +
          `${Math.round(f.documents / f.seconds).toLocaleString('en-US').padStart(9)}` +
          `${(f.bytes / 1024 / 1024 / f.seconds).toFixed(1).padStart(8)}${`${f.peakRssMb.toFixed(0)} MB`.padStart(11)}` +
          `${baseline ? `${(f.seconds / baseline.seconds).toFixed(2)}×`.padStart(12) : ''}`,
      );
    const ratios: string[] = [];
    for (const [name, source] of [
      ['folder of .txt', folder],
      ['one JSONL', jsonl],
    ] as const) {
      const runs: Record<'plain' | 'table' | 'imported', Figures[]> = { plain: [], table: [], imported: [] };
      for (let i = 0; i < REPEATS; i++) {
        runs.plain.push(measure('baseline', source, path.join(dir, 'measured.sqlite')));
        runs.table.push(measure('baseline-project', source, path.join(dir, 'measured.spanlab')));
        runs.imported.push(measure('import', source, path.join(dir, 'measured.spanlab'), workerDir));
      }
      const [plain, table, imported] = [fastest(runs.plain), fastest(runs.table), fastest(runs.imported)];
      row(`baseline: ${name} → plain table`, plain, null);
      row(`baseline: ${name} → documents table`, table, null);
      row(`Spanlab import: ${name}`, imported, table);
      console.log(`${''.padEnd(4)}meanwhile an edit on another connection waited ${editWaits(runs.imported)} (all runs)`);
      ratios.push(
        `${name} ${(imported.seconds / table.seconds).toFixed(2)}× the documents-table baseline, ` +
          `${(imported.seconds / plain.seconds).toFixed(2)}× the plain-table one; in CPU time ` +
          `${(imported.cpuSeconds / table.cpuSeconds).toFixed(2)}× and ${(imported.cpuSeconds / plain.cpuSeconds).toFixed(2)}×`,
      );
    }
    console.log(`\nimport ÷ baseline (target: within 2×):\n  ${ratios.join('\n  ')}`);

    fs.rmSync(folder, { recursive: true, force: true });
    const large = path.join(dir, 'large.jsonl');
    const largeBytes = writeArticles(null, large, ARTICLES, LARGE_ARTICLES);
    const streamed = measure('import', large, path.join(dir, 'large.spanlab'), workerDir);
    row(`Spanlab import: ${mb(largeBytes)} MB JSONL`, streamed, null);
    console.log(`${''.padEnd(4)}meanwhile an edit on another connection waited ${editWaits([streamed])}`);
    console.log(
      `streaming: RSS at each quarter of the file ${streamed.rssByQuarter!.map((r) => `${r.toFixed(0)} MB`).join(', ')}; ` +
        `peak ${streamed.peakRssMb.toFixed(0)} MB for ${mb(largeBytes)} MB of JSONL — memory follows the chunk, not the file ` +
        '(the issue asks it of a 1 GB file: peak RSS well under 1 GB).',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(workerDir, { recursive: true, force: true });
  }
}

// The same articles as .txt files (when `folder` is given) and as JSONL lines.
function writeArticles(folder: string | null, jsonl: string, first: number, count: number): number {
  if (folder) fs.mkdirSync(folder, { recursive: true });
  const out = fs.openSync(jsonl, 'w');
  let bytes = 0;
  let lines: string[] = [];
  for (let i = first; i < first + count; i++) {
    const text = generatedArticle(i, ARTICLE_SIZE);
    if (folder) fs.writeFileSync(path.join(folder, `article-${String(i).padStart(5, '0')}.txt`), text);
    lines.push(JSON.stringify({ id: `article-${i}`, text }));
    bytes += Buffer.byteLength(text);
    if (lines.length === 1_000) {
      fs.writeSync(out, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) fs.writeSync(out, `${lines.join('\n')}\n`);
  fs.closeSync(out);
  return bytes;
}

// One measurement in a child process: `node --import tsx bench/import.ts --measure MODE SOURCE TARGET [WORKER_DIR]`.
// The target database is removed afterwards.
function measure(mode: 'baseline' | 'baseline-project' | 'import', source: string, target: string, workerDir = ''): Figures {
  const args = ['--import', import.meta.resolve('tsx'), self, '--measure', mode, source, target, workerDir];
  const child = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  if (child.status !== 0) throw new Error(`${mode} of ${source} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Figures;
}

// The run least disturbed by whatever else the machine was doing.
function fastest(runs: Figures[]): Figures {
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
}

// The edit waits of `runs` together: median, 95th percentile and longest.
function editWaits(runs: Figures[]): string {
  const all = runs.flatMap((run) => run.editWaits!).sort((a, b) => a - b);
  const at = (q: number) => (all[Math.min(all.length - 1, Math.floor(all.length * q))] ?? 0).toFixed(0);
  return `${at(0.5)} ms (median), ${at(0.95)} ms (p95), ${(all.at(-1) ?? 0).toFixed(0)} ms (max)`;
}

// --- inside the child ----------------------------------------------------------------

async function child(mode: string, source: string, target: string, workerDir: string): Promise<void> {
  const figures =
    mode === 'import' ? await importSource(source, target, workerDir) : await baseline(source, target, mode === 'baseline-project');
  console.log(JSON.stringify({ ...figures, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

// Reading the files (or the lines) and inserting their texts with raw better-sqlite3, in one
// transaction: into a table of (id, text), or into a new project's documents table (with
// a hash, which its unique index requires).
async function baseline(source: string, target: string, project: boolean): Promise<Omit<Figures, 'peakRssMb'>> {
  if (project) {
    const { Project } = await import('../main/services/project');
    (await Project.create(target, { sample: false })).close();
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const db = new Database(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  if (!project) db.exec('CREATE TABLE texts (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const statement = project
    ? db.prepare('INSERT INTO documents (text, content_hash) VALUES (?, ?)')
    : db.prepare('INSERT INTO texts (text) VALUES (?)');
  let documents = 0;
  let bytes = 0;
  db.transaction(() => {
    const add = (text: string) => {
      if (project) statement.run(text, String(documents));
      else statement.run(text);
      documents++;
      bytes += Buffer.byteLength(text);
    };
    if (fs.statSync(source).isDirectory()) {
      for (const name of fs.readdirSync(source).sort()) add(fs.readFileSync(path.join(source, name), 'utf8'));
    } else {
      for (const line of fs.readFileSync(source, 'utf8').split('\n')) if (line) add((JSON.parse(line) as { text: string }).text);
    }
  })();
  db.close();
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsSince(cpu), documents, bytes };
}

// The app's import, its bundled worker in `workerDir` and all, into a new project; RSS
// sampled as the bytes go by.
async function importSource(source: string, target: string, workerDir: string): Promise<Omit<Figures, 'peakRssMb'>> {
  const { Project } = await import('../main/services/project');
  const { ImportJobs } = await import('../main/services/import/importJobs');
  const { bundledWorkerScript } = await import('../main/services/import/workerScript');
  (await Project.create(target, { sample: false })).close();
  const quarters: number[] = [];
  const jobs = new ImportJobs(bundledWorkerScript(workerDir), (message) => {
    const progress = message.name === 'progress' ? message.payload.import : undefined;
    if (!progress?.bytes.total) return;
    const quarter = Math.floor((4 * progress.bytes.done) / progress.bytes.total);
    if (quarter > quarters.length && quarters.length < 4) quarters.push(process.memoryUsage.rss() / 1024 / 1024);
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const finished = jobs.finished(jobs.start(target, { paths: [source], format: 'auto' }).jobId);
  // Meanwhile, what the UI does: a small write in its own IMMEDIATE transaction every 20 ms.
  const db = new Database(target);
  db.pragma('busy_timeout = 5000');
  const edit = db.transaction(() => db.prepare("INSERT OR REPLACE INTO project_meta (key, value) VALUES ('bench', ?)").run(String(Date.now())));
  const waits: number[] = [];
  let ended = false;
  void finished.then(() => (ended = true));
  while (!ended) {
    const before = performance.now();
    edit.immediate();
    waits.push(performance.now() - before);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  db.close();
  const report = await finished;
  const elapsed = (performance.now() - started) / 1000;
  if (report.errors.length > 0 || report.outcome !== 'finished') throw new Error(JSON.stringify(report.errors.slice(0, 5)));
  return {
    seconds: elapsed,
    cpuSeconds: cpuSecondsSince(cpu),
    documents: report.counts.documents,
    bytes: report.bytes,
    rssByQuarter: quarters,
    editWaits: waits.map((ms) => Math.round(ms * 10) / 10),
  };
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

if (process.argv[1] === self && process.argv[2] === '--measure') {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!, process.argv[6] ?? '');
}
