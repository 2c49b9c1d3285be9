// Turns whatever a service threw into a SpanlabError the UI can show. Known SQLite and
// file-system failures become their user-facing codes; anything else is a bug, logged
// with its stack here (never sent to the UI) and reported as `internal`.

import { SpanlabError } from '../../common/errors';
import { storageTrouble } from '../../db/storageTrouble';

export function toSpanlabError(error: unknown, context: string): SpanlabError {
  if (error instanceof SpanlabError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY… are the same situation.
    if (/^SQLITE_(BUSY|LOCKED)/.test(code)) {
      return new SpanlabError('busy', 'The project is busy in another window or process; try again.');
    }
    if (storageTrouble(error) === 'disk_full') {
      return new SpanlabError('disk_full', 'The disk is full: the last change was not saved. Free some space and retry.');
    }
    if (code.startsWith('SQLITE_READONLY')) {
      return new SpanlabError('read_only', 'The project file is read-only: the last change was not saved.');
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT' || code === 'EACCES' || code === 'EROFS') {
      return new SpanlabError('io', `Cannot open the file: ${(error as Error).message}`);
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      return new SpanlabError('incompatible_project', 'This file is not a Spanlab project, or it is damaged.');
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return new SpanlabError('conflict', `The change contradicts the project: ${(error as Error).message}`);
    }
  }
  console.error(`[spanlab] internal error in ${context}:`, error);
  return new SpanlabError('internal', `Something went wrong in ${context}; the project was not changed.`);
}
