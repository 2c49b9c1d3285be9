// When the disk, not the code, is why a read or write failed: no space left, a read-only
// file, folder or disk, or another process holding the project. SQLite and Node report
// these with codes of their own; this is the one place that knows them, so that every
// writer of the project (an edit, an import, an export, opening a file) tells the analyst
// the same thing, naming the file, instead of "disk I/O error" or an internal error.

import { SpanlabError } from '../common/errors';

export type StorageTrouble = 'disk_full' | 'read_only' | 'busy';

/// What kind of storage trouble `error` (a SQLite or Node file-system error) is, if any.
///
/// SQLite says SQLITE_FULL only for ENOSPC; a write refused for another reason (a quota,
/// EDQUOT, or the per-file size limit, EFBIG) comes back as SQLITE_IOERR_WRITE — to the
/// analyst that is a full disk as well.
export function storageTrouble(error: unknown): StorageTrouble | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (/^SQLITE_FULL/.test(code) || code === 'SQLITE_IOERR_WRITE' || /^(ENOSPC|EDQUOT|EFBIG)$/.test(code)) return 'disk_full';
  if (/^SQLITE_READONLY/.test(code) || /^(EROFS|EACCES|EPERM)$/.test(code)) return 'read_only';
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'busy';
  return null;
}

/**
 * The error to show for `trouble` writing `file`: what happened, then `consequence` (what
 * was and was not saved), then what to do.
 */
export function storageError(trouble: StorageTrouble, file: string, consequence: string): SpanlabError {
  return new SpanlabError(trouble, `${situation(trouble, file)} ${consequence} ${ADVICE[trouble]}`);
}

const ADVICE: Record<StorageTrouble, string> = {
  disk_full: 'Free some space, then try again.',
  read_only: 'Make it writable, or choose a place you can write to.',
  busy: 'Try again in a moment.',
};

function situation(trouble: StorageTrouble, file: string): string {
  switch (trouble) {
    case 'disk_full':
      return `There is no space left to write ${file}: the disk is full (or the file may grow no larger).`;
    case 'read_only':
      return `${file} cannot be written: the file, its folder or its disk is read-only.`;
    case 'busy':
      return `${file} is busy in another Spanlab window or process, which did not let go in time.`;
  }
}
