// Reading a backup without changing it: its counts for the list, and whether it is sound
// enough to restore.

import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../common/backups';
import { SpanlabError } from '../../../common/errors';
import type { Connection } from '../../../db/openDatabase';
import { openDatabase } from '../../../db/openDatabase';
import { checkProjectFile } from '../project';
import type { BackupFile } from './backupFiles';

type Contents = Pick<BackupInfo, 'schemaVersion' | 'documents' | 'mentions' | 'events' | 'problem'>;

/// What a backup holds, read from the file itself (read-only). A file that is not a sound
/// Spanlab project is described, not thrown: the list shows it with its problem.
export async function readBackupContents(file: string): Promise<Contents> {
  const unread = { documents: null, mentions: null, events: null };
  try {
    return await readOnly(file, (db, version) => {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      try {
        return { schemaVersion: version, documents: count('documents'), mentions: count('mentions'), events: count('events'), problem: null };
      } catch (error) {
        return { schemaVersion: version, ...unread, problem: describe(error) };
      }
    });
  } catch (error) {
    return { schemaVersion: null, ...unread, problem: describe(error) };
  }
}

/// Refuses (`incompatible_project`, saying why) a backup that must not replace the project:
/// not a Spanlab project, from a newer Spanlab, or failing SQLite's integrity check or the
/// foreign-key check — a truncated or damaged copy.
export async function checkRestorable(backup: BackupFile, latestVersion: number): Promise<void> {
  const refuse = (why: string) =>
    new SpanlabError(
      'incompatible_project',
      `The backup ${path.basename(backup.file)} cannot be restored: ${why}. The project was not changed.`,
    );
  let check;
  try {
    check = await withoutLeftovers(backup.file, () => checkProjectFile(backup.file));
  } catch (error) {
    throw refuse(describe(error));
  }
  if (check.schemaVersion > latestVersion) throw refuse(`it was written by a newer Spanlab (format ${check.schemaVersion})`);
  if (check.integrity.length !== 1 || check.integrity[0] !== 'ok') {
    throw refuse(`it is damaged (${check.integrity.slice(0, 3).join('; ')})`);
  }
}

async function readOnly<T>(file: string, read: (db: Connection, version: number) => T): Promise<T> {
  return withoutLeftovers(file, async () => {
    const { db, foundVersion } = await openDatabase(file, { mode: 'inspect' });
    try {
      return read(db, foundVersion);
    } finally {
      db.close();
    }
  });
}

// Backups are written as rollback-journal files (db/snapshotFile.ts), which a reader leaves
// untouched. A WAL-mode copy (one made before that, or by hand) makes a read-only reader
// create -wal and -shm files that it cannot remove when it closes; they are removed here
// when the read made them and the WAL stayed empty.
async function withoutLeftovers<T>(file: string, read: () => Promise<T>): Promise<T> {
  const sides = [`${file}-wal`, `${file}-shm`];
  const existed = sides.map((side) => fs.existsSync(side));
  try {
    return await read();
  } finally {
    const walEmpty = !fs.existsSync(sides[0]!) || fs.statSync(sides[0]!).size === 0;
    if (walEmpty) sides.forEach((side, i) => existed[i] || fs.rmSync(side, { force: true }));
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // openDatabase names the file; the list and the dialog already do.
  return message.replace(/\.$/, '');
}
