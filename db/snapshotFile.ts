// How Spanlab writes a copy of a project file: the one recipe behind the pre-upgrade copy
// (openDatabase.ts) and the rolling backups (main/services/backups/).

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from './openDatabase';

/**
 * Copies the database as `db` sees it into a new file `target`.
 *
 * SQLite's online backup API (better-sqlite3's `db.backup()`) copies the database page by
 * page, so the copy holds committed content still in the -wal file (a file copy would miss
 * it), and it runs a batch of pages per event-loop turn, so a large project never blocks
 * the process for long. It is a consistent snapshot when `db` holds a read transaction for
 * the whole copy, or when nothing but `db` itself writes meanwhile (SQLite then updates
 * the copy as it goes; a write by another connection would make it start over).
 *
 * The copy is written under `<target>.partial` and renamed once whole, so a crash or a full
 * disk never leaves a half copy under a backup's name. Before the rename the copy is
 * switched from WAL to a rollback journal: the header carries the journal mode, and a WAL
 * file opened read-only (to list or check it) leaves -wal and -shm files behind, while a
 * rollback-journal file is one self-contained file that a reader leaves as it was. Opening
 * it as a project switches it back to WAL. Throws what SQLite or the file system threw;
 * nothing is left behind then.
 */
export async function writeSnapshot(db: Connection, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(partial + suffix, { force: true });
    throw error;
  }
  syncFolder(path.dirname(target));
}

/// Makes a rename in `folder` durable. Best effort: Windows cannot open a folder to sync it,
/// and a rename that is lost to a power cut loses a backup, never the project.
export function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // See above.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
