// Migrations from every earlier project format, tested on a file made by the earliest one:
// test/fixtures/v1-project.spanlab, written by Spanlab at format 1 through its own services
// (test/fixtures/makeV1Project.ts), with what those services said it held in
// v1-project.expected.json. Each test works on a copy.
//
// The loops run over db/migrations/index.ts: adding migration 003 makes this file test
// 1→2→3 step by step, and the current code on the fixture, with nothing to change here.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Migration } from '../../../db/migrations/index';
import { MIGRATIONS } from '../../../db/migrations/index';
import { openDatabase } from '../../../db/openDatabase';
import { SCHEMA_VERSION } from '../../../db/schema';
import { ProjectBackups } from '../../../main/services/backups/projectBackups';
import { checkProjectFile, Project } from '../../../main/services/project';
import { dumpDatabase, tempDir } from '../../support/projectFixture';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const FIXTURE = path.join(fixtures, 'v1-project.spanlab');
const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'v1-project.expected.json'), 'utf8')) as {
  formatVersion: number;
  stats: unknown;
  documents: { id: number }[];
  entities: unknown;
  schema: unknown;
  rows: Record<string, number>;
  redo: { documentId: number; label: string };
};

/// A fresh copy of the fixture under a project's name.
function fixtureCopy(): string {
  const file = path.join(tempDir(), 'field-notes.spanlab');
  fs.copyFileSync(FIXTURE, file);
  return file;
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/// Asserts that `actual` holds everything `wanted` holds: the same values at the same
/// places, arrays of the same length. Fields a later Spanlab adds are allowed; a value
/// lost or changed is not.
function assertHolds(actual: unknown, wanted: unknown, where = '$'): void {
  if (Array.isArray(wanted)) {
    assert.ok(Array.isArray(actual), `${where} is not a list`);
    assert.equal(actual.length, wanted.length, `${where}: length`);
    wanted.forEach((item, i) => assertHolds(actual[i], item, `${where}[${i}]`));
  } else if (wanted !== null && typeof wanted === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${where} is not an object`);
    for (const [key, value] of Object.entries(wanted)) assertHolds((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  } else {
    assert.equal(actual, wanted, where);
  }
}

describe('migrations on a project made by the earliest format', () => {
  test('the fixture is a sound format-1 project', async () => {
    assert.equal(expected.formatVersion, 1);
    assert.deepEqual(await checkProjectFile(fixtureCopy()), { integrity: ['ok'], schemaVersion: 1, latestVersion: SCHEMA_VERSION });
  });

  for (const target of MIGRATIONS.filter((m) => m.version >= expected.formatVersion)) {
    const steps: Migration[] = MIGRATIONS.filter((m) => m.version <= target.version);
    const title =
      target.version === expected.formatVersion
        ? `format ${target.version} (${target.name}) opens as it is: every row kept, nothing to copy`
        : `format ${expected.formatVersion} → ${target.version} (${target.name}): every row kept, a copy of the original first`;
    test(title, async () => {
      const file = fixtureCopy();
      const original = readOnly(file, dumpDatabase);
      const opened = await openDatabase(file, { mode: 'open', migrations: steps });
      try {
        assert.equal(opened.foundVersion, expected.formatVersion);
        assert.equal(opened.db.pragma('user_version', { simple: true }), target.version);
        assert.equal(opened.db.pragma('integrity_check', { simple: true }), 'ok');
        assert.deepEqual(opened.db.pragma('foreign_key_check'), []);
        for (const [table, rows] of Object.entries(expected.rows)) {
          assert.equal(opened.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), rows, table);
        }
      } finally {
        opened.db.close();
      }
      if (target.version === expected.formatVersion) {
        assert.equal(opened.backupPath, null, 'nothing to migrate, nothing copied');
      } else {
        // The copy is the original, whole, at the original's format.
        assert.ok(opened.backupPath && fs.existsSync(opened.backupPath));
        assert.deepEqual(readOnly(opened.backupPath, dumpDatabase), original);
        assert.equal(readOnly(opened.backupPath, (db) => db.pragma('user_version', { simple: true })), expected.formatVersion);
      }
    });
  }

  test('opened by this Spanlab, the fixture holds everything its version wrote', async () => {
    const file = fixtureCopy();
    const project = await Project.open(file);
    try {
      assert.equal(project.info().schemaVersion, SCHEMA_VERSION);
      assert.equal(project.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      assertHolds(project.stats(), expected.stats, 'stats');
      for (const document of expected.documents) assertHolds(project.documents.get(document.id), document, `document ${document.id}`);
      assertHolds(project.entities.list({ limit: 100 }), expected.entities, 'entities');
      assertHolds(project.schema.get(), expected.schema, 'schema');
      // The change log still drives undo and redo: the edit undone before the file was
      // saved comes back.
      const redone = project.history.redo(expected.redo.documentId);
      assert.equal(redone?.label, expected.redo.label);
      assert.equal(project.history.undo(expected.redo.documentId)?.label, expected.redo.label);
      // The copy taken before the upgrade is there exactly when there was one to make,
      // and the Restore dialog lists it.
      assert.equal(project.backupPath !== null, SCHEMA_VERSION > expected.formatVersion);
    } finally {
      project.close();
    }
    const listed = (await new ProjectBackups(file, { intervalMs: 60_000, keep: 10 }, () => {}).list()).filter(
      (b) => b.reason === 'pre-migration',
    );
    assert.equal(listed.length, SCHEMA_VERSION > expected.formatVersion ? 1 : 0);
  });

  // The next migration, whatever it will be, must also copy first and lose nothing: a
  // stand-in one step beyond the newest exercises that on the fixture already upgraded.
  test('a migration beyond the newest upgrades the fixture after copying it, losing nothing', async () => {
    const file = fixtureCopy();
    const next = SCHEMA_VERSION + 1;
    const stepped: Migration[] = [
      ...MIGRATIONS,
      { version: next, name: 'stand-in', sql: "CREATE TABLE stand_in (x, y); INSERT INTO stand_in VALUES ('added', 1);" },
    ];
    const current = await openDatabase(file, { mode: 'open' });
    const before = dumpDatabase(current.db);
    current.db.close();

    const upgraded = await openDatabase(file, { mode: 'open', migrations: stepped });
    const { stand_in: added, ...rest } = dumpDatabase(upgraded.db);
    upgraded.db.close();
    assert.deepEqual(added, [['added', 1]]);
    assert.deepEqual(rest, before);
    assert.deepEqual(readOnly(upgraded.backupPath!, dumpDatabase), before);
    const listed = await new ProjectBackups(file, { intervalMs: 60_000, keep: 10 }, () => {}).list();
    assert.ok(listed.some((b) => b.file === upgraded.backupPath && b.reason === 'pre-migration' && b.schemaVersion === SCHEMA_VERSION));
    assert.ok(listed.find((b) => b.file === upgraded.backupPath)!.mentions === expected.rows.mentions);
  });
});
