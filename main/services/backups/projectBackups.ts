// The rolling backups of the open project: one when it is opened, then one every few
// minutes while it changes, the oldest automatic ones removed beyond a number kept; plus
// Back up now, and the listing the Restore dialog shows. The workspace holds one per open
// project; the CLI, which opens projects briefly, makes none.
//
// Copies are taken by SnapshotSource (a consistent snapshot, a batch of pages per event-loop
// turn) into backupFiles.ts's folder beside the project. A backup the schedule takes that
// fails — a full disk, a read-only folder — is reported through `onFailure` and tried again
// at the next change; it never reaches the analyst's edits as an error.

import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../common/backups';
import { SpanlabError } from '../../../common/errors';
import type { BackupFile } from './backupFiles';
import { backupFolderFor, findBackupFiles, newBackupPath, removeStalePartials } from './backupFiles';
import { readBackupContents } from './backupInspection';
import { sameBytes } from './sameBytes';
import { SnapshotSource } from './snapshotSource';

export interface BackupPolicy {
  /** How often to look for changes; a backup is taken only when the project changed. */
  intervalMs: number;
  /** How many automatic backups (`open`, `interval`) are kept; older ones are removed. */
  keep: number;
}

/// Every 10 minutes of activity, the last 10 kept: at most 100 minutes of work between the
/// oldest and newest automatic copy, and at most 11 copies of the project on disk beside
/// it. Manual, pre-restore and pre-migration copies are never removed by Spanlab.
export const DEFAULT_BACKUP_POLICY: BackupPolicy = { intervalMs: 10 * 60_000, keep: 10 };

const AUTOMATIC: readonly BackupReason[] = ['open', 'interval'];
/** A `.partial` this old was left by a session that ended mid-copy. */
const STALE_PARTIAL_MS = 60 * 60_000;

export interface BackupFailure {
  reason: BackupReason;
  message: string;
}

export class ProjectBackups {
  private source: SnapshotSource | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Backups run one after another: each waits for the one before to settle. */
  private queue: Promise<unknown> = Promise.resolve();
  private busy = false;
  private stopped = false;
  /** The data_version of the last backup's snapshot; null before the first succeeded. */
  private backedUp: number | null = null;
  /** The last failure reported, so that one lasting problem is reported once. */
  private lastFailure: string | null = null;
  /** What each file holds, by name, size and time: a listing opens only new files. */
  private readonly contents = new Map<string, Promise<Awaited<ReturnType<typeof readBackupContents>>>>();

  constructor(
    /** The project file (absolute). */
    readonly projectPath: string,
    private readonly policy: BackupPolicy,
    private readonly onFailure: (failure: BackupFailure) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /// Takes the `open` backup (unless an identical copy exists already) and starts the
  /// schedule. Returns at once; the copy runs in the background.
  start(): void {
    removeStalePartials(this.projectPath, STALE_PARTIAL_MS, this.now().getTime());
    void this.automatic('open');
    this.timer = setInterval(() => void this.backUpIfChanged(), this.policy.intervalMs);
    // The schedule never keeps a process alive (the CLI, a test).
    this.timer.unref();
  }

  /// Stops the schedule and closes the connection; a copy in progress is abandoned and
  /// leaves nothing behind. Idempotent.
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.source?.close();
    this.source = null;
  }

  /// Settles when every backup asked for so far has finished, either way.
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  /// Takes a backup now (Back up now, or before a restore). Rejects with SpanlabError `io`
  /// when it cannot be written, so that the caller can say so — or not go on.
  take(reason: BackupReason): Promise<BackupInfo> {
    const turn = this.queue.then(() => this.backUp(reason));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /// Every backup of the project, newest first, with what each holds.
  async list(): Promise<BackupInfo[]> {
    return Promise.all(findBackupFiles(this.projectPath).map((found) => this.describe(found)));
  }

  /// The backup files on disk, unopened: what a restore may choose from.
  files(): BackupFile[] {
    return findBackupFiles(this.projectPath);
  }

  /// What the schedule does every interval: an `interval` backup if the project changed
  /// since the last backup (or the last one failed), else nothing. Resolves with the backup
  /// taken, or null; a failure is reported, not thrown.
  async backUpIfChanged(): Promise<BackupInfo | null> {
    if (this.busy || this.stopped) return null;
    try {
      if (this.backedUp !== null && this.snapshotSource().version() === this.backedUp) return null;
    } catch {
      // Reported by the backup attempt below.
    }
    return this.automatic('interval');
  }

  private async automatic(reason: BackupReason): Promise<BackupInfo | null> {
    try {
      const taken = await this.take(reason);
      this.lastFailure = null;
      return taken;
    } catch (error) {
      if (this.stopped) return null;
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastFailure) this.onFailure({ reason, message });
      this.lastFailure = message;
      return null;
    }
  }

  private async backUp(reason: BackupReason): Promise<BackupInfo> {
    if (this.stopped) throw new SpanlabError('conflict', 'The project was closed before its backup could be taken.');
    this.busy = true;
    let target: string | null = null;
    try {
      fs.mkdirSync(backupFolderFor(this.projectPath), { recursive: true });
      target = newBackupPath(this.projectPath, reason, this.now());
      // Under a name the listing passes over until it is known to be kept.
      const unconfirmed = `${target}.partial`;
      const version = await this.snapshotSource().copyTo(unconfirmed);
      this.backedUp = version;
      const kept = reason === 'open' ? await this.earlierCopyOf(unconfirmed) : null;
      if (kept) {
        // Nothing changed since that copy: keep it rather than push older ones out.
        fs.rmSync(unconfirmed, { force: true });
        return this.describe(kept);
      }
      fs.renameSync(unconfirmed, target);
      if (AUTOMATIC.includes(reason)) this.rotate();
      return this.describe(findBackupFiles(this.projectPath).find((b) => b.file === target)!);
    } catch (error) {
      if (target) fs.rmSync(`${target}.partial`, { force: true });
      if (error instanceof SpanlabError) throw error;
      const where = target ? path.dirname(target) : backupFolderFor(this.projectPath);
      throw new SpanlabError(
        'io',
        `Could not back up ${path.basename(this.projectPath)} to ${where}: ${(error as Error).message}. ` +
          'Your work is still saved in the project.',
      );
    } finally {
      this.busy = false;
    }
  }

  private snapshotSource(): SnapshotSource {
    if (this.stopped) throw new SpanlabError('conflict', 'The project was closed.');
    this.source ??= new SnapshotSource(this.projectPath);
    return this.source;
  }

  // A backup on opening would otherwise be taken each time the project is opened, and ten
  // opens without a change would push every older copy out. Copies of the same state are
  // byte for byte the same (the backup API copies pages as they are, and every copy's
  // header is written the same way), so comparing bytes is exact; only files of the same
  // size are read.
  private async earlierCopyOf(copy: string): Promise<BackupFile | null> {
    const size = fs.statSync(copy).size;
    for (const other of findBackupFiles(this.projectPath)) {
      if (other.reason === 'pre-migration' || other.sizeBytes !== size) continue;
      if (await sameBytes(copy, other.file)) return other;
    }
    return null;
  }

  private rotate(): void {
    const automatic = findBackupFiles(this.projectPath).filter((b) => AUTOMATIC.includes(b.reason));
    for (const old of automatic.slice(this.policy.keep)) fs.rmSync(old.file, { force: true });
  }

  private async describe(found: BackupFile): Promise<BackupInfo> {
    const key = `${found.file}\n${found.sizeBytes}\n${found.mtimeMs}`;
    let contents = this.contents.get(key);
    if (!contents) {
      contents = readBackupContents(found.file);
      this.contents.set(key, contents);
    }
    return {
      file: found.file,
      takenAt: found.takenAt.toISOString(),
      reason: found.reason,
      sizeBytes: found.sizeBytes,
      ...(await contents),
    };
  }
}
