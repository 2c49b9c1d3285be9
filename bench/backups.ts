// Backups of a large project: a project file of about 100 MB (10,000 articles of ~6 KB with
// their full-text index), backed up the way the open project is (a read transaction held,
// the SQLite backup API stepping a batch of pages per event-loop turn), next to two
// baselines measured in the same run: copying the same file with fs.copyFile, and
// better-sqlite3's db.backup() straight from a connection. Also: the longest the event loop
// was held during the backup (what the UI would feel), the byte comparison that keeps an
// unchanged project from being backed up again on opening, listing, and a whole restore.
// Figures only; nothing here passes or fails.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ProjectBackups } from '../main/services/backups/projectBackups';
import { sameBytes } from '../main/services/backups/sameBytes';
import { Project } from '../main/services/project';
import { Workspace } from '../main/services/workspace';

const DOCUMENTS = 10_000;
const PARAGRAPH =
  'Officials said the convoy was stopped at the checkpoint north of the river crossing before dawn, ' +
  'and that the drivers were questioned for several hours before being allowed to continue. ';
const NO_TIMER = { intervalMs: 24 * 60 * 60_000, keep: 10 };

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spanlab-bench-backups-'));
  try {
    await measure(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(dir: string): Promise<void> {
  const file = path.join(dir, 'large.spanlab');
  const seeding = performance.now();
  const project = await Project.create(file, { sample: false });
  project.db.transaction(() => {
    for (let n = 1; n <= DOCUMENTS; n++) {
      const text = `Report ${n}\n\n${`${PARAGRAPH}(${n}) `.repeat(44)}`;
      project.documents.add({ title: `Report ${n}`, text });
    }
  })();
  project.close();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const size = fs.statSync(file).size;
  console.log(`seeded ${DOCUMENTS.toLocaleString('en-US')} documents: ${mb(size).toFixed(1)} MB project file in ${seconds(seeding)} s`);

  const baselineCopy = time(() => fs.copyFileSync(file, path.join(dir, 'copy.spanlab')));
  const raw = new Database(file, { readonly: true });
  const rawBackup = await timeAsync(() => raw.backup(path.join(dir, 'raw-backup.spanlab')));
  raw.close();

  // As the workspace does it, with the project open and the event loop watched.
  const open = await Project.open(file);
  const backups = new ProjectBackups(file, NO_TIMER, () => {});
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const spanlab = await timeAsync(() => backups.take('manual'));
  delay.disable();
  const taken = (await backups.list())[0]!;
  const second = await backups.take('manual');
  const compare = await timeAsync(() => sameBytes(taken.file, second.file));
  backups.stop();
  open.close();
  let listed = 0;
  const listing = await timeAsync(async () => (listed = (await new ProjectBackups(file, NO_TIMER, () => {}).list()).length));

  const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 'bench', backupPolicy: NO_TIMER });
  await workspace.openProject(file);
  const restore = await timeAsync(() => workspace.restoreBackup(taken.file));
  workspace.close();

  const row = (name: string, s: number, note = '') =>
    console.log(`${name.padEnd(52)}${s.toFixed(3).padStart(8)} s${`${(mb(size) / s).toFixed(0)} MB/s`.padStart(12)}${`${(s / baselineCopy).toFixed(1)}×`.padStart(8)}  ${note}`);
  console.log(`\n${'operation'.padEnd(52)}${'time'.padStart(10)}${'rate'.padStart(12)}${'÷ copy'.padStart(8)}`);
  row('fs.copyFile of the closed file (baseline)', baselineCopy);
  row('db.backup() from a connection (baseline)', rawBackup);
  row('Spanlab backup (snapshot, open project)', spanlab, `longest event-loop stall ${(delay.max / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`);
  row('compare two backups byte for byte', compare, '(an unchanged project opened again: no new copy)');
  console.log(`${`list ${listed} backups (each opened read-only, counted)`.padEnd(52)}${listing.toFixed(3).padStart(8)} s`);
  row('restore (check, pre-restore backup, swap, reopen)', restore);
  console.log(`backup file: ${mb(taken.sizeBytes).toFixed(1)} MB, ${taken.documents?.toLocaleString('en-US')} documents`);
  console.log(`load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function time(work: () => void): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}
