// Where a project's backups live and what they are called.
//
// Rolling backups go into a folder beside the project file, named after it:
// `~/work/news.spanlab` → `~/work/news.backups/`. Beside the project is where an analyst
// looks for them (and what they copy when they copy the project's folder); the app's data
// folder would hide them and tie them to one machine. Each backup is one self-contained
// SQLite file, a Spanlab project in its own right, named
//
//     news.2024-05-06T07-08-09-123Z.interval.spanlab
//
// the UTC time it was taken (fixed width, so names sort by time; `-` for `:`, which Windows
// forbids), then why. The name is the whole of a backup's metadata: there is no index file
// to go stale or be lost, and a copy carried elsewhere still says what it is. The copies a
// newer Spanlab makes before it upgrades a project stay beside the project itself, as
// `news.v1-backup-<time>.spanlab` (db/openDatabase.ts), and are listed with the others.

import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../common/backups';
import { BACKUP_REASONS } from '../../../common/backups';
import { preMigrationBackupTime } from '../../../db/openDatabase';
import { PROJECT_EXTENSION } from '../../../db/schema';

/** A backup file found on disk, before it is opened. */
export interface BackupFile {
  file: string;
  reason: BackupReason;
  takenAt: Date;
  sizeBytes: number;
  mtimeMs: number;
}

/** Rolling backups (not pre-migration copies) as their names spell them. */
const ROLLING = new RegExp(
  `^.+\\.(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)(?:-\\d+)?\\.(${BACKUP_REASONS.join('|')})\\${PROJECT_EXTENSION}$`,
);

/// The folder that holds the rolling backups of `projectPath`.
export function backupFolderFor(projectPath: string): string {
  return path.join(path.dirname(projectPath), `${path.basename(projectPath, PROJECT_EXTENSION)}.backups`);
}

/// A name for a new backup of `projectPath` taken at `at`, not yet used in `folder`.
export function newBackupPath(projectPath: string, reason: BackupReason, at: Date): string {
  const folder = backupFolderFor(projectPath);
  const base = path.basename(projectPath, PROJECT_EXTENSION);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const named = (n: number) =>
    path.join(folder, `${base}.${stamp}${n > 1 ? `-${n}` : ''}.${reason}${PROJECT_EXTENSION}`);
  let n = 1;
  while (fs.existsSync(named(n)) || fs.existsSync(`${named(n)}.partial`)) n++;
  return named(n);
}

/// Every backup of `projectPath` on disk, newest first: the rolling ones in its folder and
/// the pre-migration copies beside it. Files that do not follow the naming are ignored.
export function findBackupFiles(projectPath: string): BackupFile[] {
  const found: BackupFile[] = [];
  const folder = backupFolderFor(projectPath);
  for (const name of listNames(folder)) {
    const match = ROLLING.exec(name);
    if (!match) continue;
    const takenAt = new Date(match[1]!.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z'));
    add(found, path.join(folder, name), match[2] as BackupReason, takenAt);
  }
  const beside = path.dirname(projectPath);
  for (const name of listNames(beside)) {
    const takenAt = preMigrationBackupTime(projectPath, name);
    if (takenAt) add(found, path.join(beside, name), 'pre-migration', takenAt);
  }
  // Newest first; within one millisecond, the later name (…Z-2 before …Z) first.
  return found.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/// Partial backups (`….spanlab.partial`) left in the folder by a session that was killed
/// mid-copy, older than `olderThanMs`: a copy in progress in another window is younger.
export function removeStalePartials(projectPath: string, olderThanMs: number, now: number): void {
  const folder = backupFolderFor(projectPath);
  for (const name of listNames(folder)) {
    if (!name.endsWith('.partial')) continue;
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs > olderThanMs) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove: it is ignored by the listing either way.
    }
  }
}

function listNames(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

function add(found: BackupFile[], file: string, reason: BackupReason, takenAt: Date): void {
  if (Number.isNaN(takenAt.getTime())) return;
  try {
    // lstat: a link planted under a backup's name is not a backup of this project.
    const stat = fs.lstatSync(file);
    if (stat.isFile()) found.push({ file, reason, takenAt, sizeBytes: stat.size, mtimeMs: stat.mtimeMs });
  } catch {
    // Removed between the listing and the stat (rotation in another window).
  }
}
