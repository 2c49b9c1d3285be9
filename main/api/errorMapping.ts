// Turns whatever a service threw into a SpanlabError the UI can show. Known SQLite and
// file-system failures become their user-facing codes; anything else is a bug, logged
// with its stack here (never sent to the UI) and reported as `internal`.

import { SpanlabError } from '../../common/errors';

export function toSpanlabError(error: unknown, context: string): SpanlabError {
  if (error instanceof SpanlabError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return new SpanlabError('busy', 'The project is busy in another window or process; try again.');
    }
    if (code === 'SQLITE_FULL') {
      return new SpanlabError('io', 'The disk is full: the last change was not saved. Free some space and retry.');
    }
    if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) {
      return new SpanlabError('io', 'The project file is read-only: the last change was not saved.');
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT' || code === 'EACCES' || code === 'EROFS') {
      return new SpanlabError('io', `Cannot open the file: ${(error as Error).message}`);
    }
    if (code === 'ENOSPC') {
      return new SpanlabError('io', 'The disk is full: nothing was written.');
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
