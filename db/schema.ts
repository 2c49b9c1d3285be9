// Facts about the project file format that do not fit in a migration.
//
// Offsets. Every offset Spanlab stores (mentions.start/end, documents.blocks) counts
// Unicode code points, with the end exclusive. That is the unit of SQLite's substr() and
// length() on text, so `substr(text, start + 1, end - start)` is a mention's text in SQL,
// and it is Python's unit, so `text[start:end]` is the same string for anyone reading an
// export — no UTF-16 surrogate pairs or UTF-8 bytes leak into the data. JavaScript strings
// are UTF-16, so the renderer converts at its edge (core/offsetMap.ts) to ProseMirror
// positions and back; services and exports never see another unit. Document texts may
// not contain U+0000, because SQLite's length() stops counting there.

import { MIGRATIONS } from './migrations/index';

/// The version of the newest migration: what `PRAGMA user_version` holds in an up-to-date
/// project. A file with a larger number was written by a newer Spanlab and is refused.
export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/// Written to the SQLite header with `PRAGMA application_id` so that a .spanlab file can be
/// told apart from any other SQLite database (and `file(1)` can name it). "SPLB" in ASCII.
export const APPLICATION_ID = 0x5350_4c42;

/// The extension of project files.
export const PROJECT_EXTENSION = '.spanlab';
