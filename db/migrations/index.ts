// Every migration, in order. A project file's `PRAGMA user_version` is the version of the
// last one applied to it; openDatabase() applies the rest, each in its own transaction.
// Append only: a released migration is never edited or removed.

import { sql as initial } from './001-initial';
import { sql as importIndexing } from './002-import-indexing';

export interface Migration {
  /** 1, 2, 3…: what `PRAGMA user_version` holds once this migration has run. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'import indexing', sql: importIndexing },
];
