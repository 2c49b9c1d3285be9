// A read-only connection to the open project, used only to copy it: it sees every commit of
// the project's own connection and of an import's worker, and it never writes.

import Database from 'better-sqlite3';
import type { Connection } from '../../../db/openDatabase';
import { writeSnapshot } from '../../../db/snapshotFile';

export class SnapshotSource {
  private readonly db: Connection;

  constructor(projectPath: string) {
    this.db = new Database(projectPath, { readonly: true, fileMustExist: true });
    this.db.pragma('busy_timeout = 5000');
  }

  /// SQLite's `data_version`: it changes whenever another connection has committed since
  /// it was last read. Since this connection never writes, an unchanged value means the
  /// project is exactly as it was — the test for "changed since the last backup".
  version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /// Writes a snapshot of the project to `target` and returns the data_version it holds at
  /// least (a commit landing during the copy shows as a change at the next check, so it is
  /// never missed). The read transaction held for the whole copy fixes the snapshot: in WAL
  /// mode writers go on committing meanwhile, unseen by it, and SQLite never has to restart
  /// the copy as it would if the source changed under it.
  async copyTo(target: string): Promise<number> {
    const version = this.version();
    this.db.exec('BEGIN');
    try {
      // A deferred transaction starts reading, and so fixes its snapshot, at its first read.
      this.db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      await writeSnapshot(this.db, target);
    } finally {
      if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
    }
    return version;
  }

  /// Closes the connection; a copy in progress then fails and leaves nothing behind.
  close(): void {
    if (this.db.open) this.db.close();
  }
}
