// Opens a .spanlab project file: recognises it, refuses what it must not touch, sets the
// connection up, and brings an older file up to date — backing it up first.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SpanlabError } from '../common/errors';
import type { Migration } from './migrations/index';
import { MIGRATIONS } from './migrations/index';
import { APPLICATION_ID, PROJECT_EXTENSION } from './schema';
import { writeSnapshot } from './snapshotFile';
import type { StorageTrouble } from './storageTrouble';
import { storageError, storageTrouble } from './storageTrouble';

export type Connection = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * `open`: an existing project, migrated if older. `create`: a new file (an existing empty
   * file is fine; anything else is refused, never overwritten). `inspect`: read-only, never
   * migrated, a newer version allowed — for checks that only look.
   */
  mode: 'open' | 'create' | 'inspect';
  /** @internal Tests substitute their own list to exercise upgrades. */
  migrations?: readonly Migration[];
  /** @internal Tests fix the clock that names backups. */
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Connection;
  /** `user_version` as found on disk, before any migration (0 for a new file). */
  foundVersion: number;
  /** Where the pre-upgrade copy was written, when an existing file was migrated. */
  backupPath: string | null;
}

/// Opens `file` as a Spanlab project. Rejects with SpanlabError: `io` when the file is missing
/// or unreadable or the pre-upgrade backup cannot be written, `incompatible_project` for a
/// non-Spanlab or newer-version file or a failed upgrade, `conflict` when `create` would
/// overwrite an existing file, `read_only` for a project it could not write (`open`,
/// `create`), `disk_full` when there is no space to set it up, `busy` when another process
/// held it too long.
///
/// Asynchronous because the backup of an outdated file is (see backUp); every other mode
/// finishes without yielding, but one signature keeps the callers from caring which it is.
export async function openDatabase(file: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const existed = fs.existsSync(file);
  if (options.mode !== 'create' && !existed) {
    throw new SpanlabError('io', `There is no project file at ${file}.`);
  }

  let db: Connection;
  try {
    db = new Database(file, { readonly: options.mode === 'inspect', fileMustExist: options.mode !== 'create' });
  } catch (error) {
    throw openFailure(error, file, options.mode) ?? new SpanlabError('io', `Cannot open ${file}: ${(error as Error).message}`);
  }

  try {
    // Two processes, one file: a project may be open in two windows, or in the app while
    // `spanlab import`, `stats` or `export` runs on it. That is safe, and allowed rather than
    // refused as "in use": in WAL mode readers never block the writer, writers take turns
    // (every write is one short BEGIN IMMEDIATE transaction: an edit, or an import's group
    // of documents), and a connection sees the others' commits at its next read, so one
    // window shows another's changes when it next loads them (test/unit/reliability/
    // twoProcesses.test.ts). busy_timeout makes a writer wait for its turn instead of failing
    // at once with SQLITE_BUSY; only a write lock held longer than this (none of ours is)
    // makes a call fail, as `busy`.
    db.pragma('busy_timeout = 5000');
    const header = readHeader(db, file, options.mode);

    if (options.mode === 'create' && !header.empty) {
      throw new SpanlabError(
        'conflict',
        header.applicationId === APPLICATION_ID
          ? `${file} is already a Spanlab project; open it instead.`
          : `${file} already exists and is not a Spanlab project; it was left untouched. Choose another name.`,
      );
    }
    if (header.empty && options.mode !== 'create') {
      throw new SpanlabError('incompatible_project', `${file} is an empty file, not a Spanlab project.`);
    }
    if (!header.empty && header.applicationId !== APPLICATION_ID) {
      throw new SpanlabError(
        'incompatible_project',
        `${file} is not a Spanlab project (it is some other SQLite database).`,
      );
    }
    if (header.version > latest && options.mode !== 'inspect') {
      throw new SpanlabError(
        'incompatible_project',
        `${file} was saved by a newer version of Spanlab (project format ${header.version}; ` +
          `this version reads up to ${latest}). Update Spanlab to open it.`,
      );
    }
    if (options.mode === 'inspect') {
      db.pragma('foreign_keys = ON');
      return { db, foundVersion: header.version, backupPath: null };
    }
    // SQLite opens a file it may not write read-only without a word, and only the first
    // edit would fail. Taking the write lock once (and letting go) finds that out now.
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');

    // A copy of the file as it was, taken before anything (even the journal mode) changes.
    const outdated = !header.empty && header.version < latest;
    const backupPath = outdated ? await backUp(db, file, header.version, options.now ?? (() => new Date())) : null;

    // WAL lets the UI read while a write commits and survives crashes; with WAL,
    // synchronous=NORMAL cannot corrupt the database — a power cut can at worst lose the
    // last few commits, which is the right trade for an editor writing on every keystroke.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, file, header, migrations, backupPath);
    db.pragma('foreign_keys = ON');
    return { db, foundVersion: header.version, backupPath };
  } catch (error) {
    db.close();
    if (options.mode === 'create' && !existed) removeDatabaseFiles(file);
    throw openFailure(error, file, options.mode) ?? error;
  }
}

// Storage trouble while opening, told as such, or null for any other failure. Spanlab
// saves each change the moment it is made, so it refuses a project it cannot write rather
// than open it for reading only and fail at the first edit.
function openFailure(error: unknown, file: string, mode: OpenDatabaseOptions['mode']): SpanlabError | null {
  if (error instanceof SpanlabError) return null;
  let trouble: StorageTrouble | null = storageTrouble(error);
  // SQLite cannot read a WAL-mode file without creating its -shm file beside it, and says
  // only CANTOPEN when the folder refuses.
  if (trouble === null && (error as { code?: unknown }).code === 'SQLITE_CANTOPEN' && !writableLocation(file)) {
    trouble = 'read_only';
  }
  if (trouble === null) return null;
  const verb = mode === 'create' ? 'created' : 'opened';
  const consequence =
    trouble === 'read_only'
      ? `Spanlab saves every change as it is made, so it needs to write the file and the -wal and -shm files ` +
        `SQLite keeps beside it; the project was not ${verb}.`
      : `The project was not ${verb}${mode === 'create' ? '' : ', and the file was not changed'}.`;
  return storageError(trouble, file, consequence);
}

// Whether this process may write `file` (if it exists) and create files beside it. access()
// answers for the mount too: EROFS on a read-only disk, even for root.
function writableLocation(file: string): boolean {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/// The name of the pre-upgrade copy of `file`: `<name>.v<old>-backup-<time>.spanlab` beside it.
export function backupPathFor(file: string, version: number, at: Date): string {
  const dir = path.dirname(file);
  const base = path.basename(file, PROJECT_EXTENSION);
  // Colons are not allowed in Windows file names.
  const stamp = at.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return path.join(dir, `${base}.v${version}-backup-${stamp}${PROJECT_EXTENSION}`);
}

/// When `name` (a file name beside `file`) is a pre-upgrade copy of `file` as backupPathFor
/// and backUp name them, the time it was taken; otherwise null.
export function preMigrationBackupTime(file: string, name: string): Date | null {
  const base = path.basename(file, PROJECT_EXTENSION);
  if (!name.startsWith(`${base}.v`) || !name.endsWith(PROJECT_EXTENSION)) return null;
  const rest = name.slice(base.length, -PROJECT_EXTENSION.length);
  const match = /^\.v\d+-backup-(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})Z(?:-\d+)?$/.exec(rest);
  return match ? new Date(`${match[1]}:${match[2]}:${match[3]}Z`) : null;
}

interface Header {
  applicationId: number;
  version: number;
  /** No tables and a blank header: a file we may turn into a project. */
  empty: boolean;
}

function readHeader(db: Connection, file: string, mode: OpenDatabaseOptions['mode']): Header {
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    return { applicationId, version, empty: objects === 0 && applicationId === 0 && version === 0 };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      if (mode === 'create') {
        const message = `${file} already exists and is not a Spanlab project; it was left untouched.`;
        throw new SpanlabError('conflict', message);
      }
      throw new SpanlabError(
        'incompatible_project',
        `${file} is not a Spanlab project (not an SQLite database, or damaged).`,
      );
    }
    throw error;
  }
}

// The copy is made with SQLite's online backup API (better-sqlite3's db.backup()): SQLite
// itself copies the database page by page from this connection into a new file, so the copy
// is the database as this connection sees it — committed content still in the -wal file
// included, which copying the file on disk would miss — and a write by another process
// midway makes SQLite restart the copy rather than mix two states. The copy keeps the
// header, so it is a Spanlab project at the old version, openable by the Spanlab that wrote
// it. It runs before this connection changes anything (journal mode, migrations). It is
// asynchronous: better-sqlite3 copies a batch of pages per event-loop turn, which is why
// opening a project returns a promise. If it fails, nothing is left behind (see
// snapshotFile.ts) and the project is left as it was.
async function backUp(db: Connection, file: string, version: number, now: () => Date): Promise<string> {
  const first = backupPathFor(file, version, now());
  let target = first;
  for (let n = 2; fs.existsSync(target); n++) target = first.replace(/\.spanlab$/, `-${n}.spanlab`);
  try {
    await writeSnapshot(db, target);
  } catch (error) {
    throw new SpanlabError(
      'io',
      `Could not save a backup of ${file} before upgrading it (${(error as Error).message}); ` +
        'the project was not changed.',
    );
  }
  return target;
}

function migrate(
  db: Connection,
  file: string,
  header: Header,
  migrations: readonly Migration[],
  backupPath: string | null,
): void {
  for (const migration of migrations) {
    if (migration.version <= header.version) continue;
    // Foreign keys stay off while a migration runs (SQLite's recipe for rebuilding a table;
    // the pragma cannot change inside a transaction); the check before commit makes sure
    // the migration left every reference intact.
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${broken.length} broken references after the migration`);
      if (header.empty) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      const kept = backupPath ? ` A copy of the original is at ${backupPath}.` : '';
      throw new SpanlabError(
        'incompatible_project',
        `Could not upgrade ${file} to project format ${migration.version} (${migration.name}): ` +
          `${(error as Error).message}.${kept}`,
      );
    }
  }
}

/// Removes a database file with its WAL and shared-memory files: a project that failed to
/// be created leaves nothing behind.
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}
