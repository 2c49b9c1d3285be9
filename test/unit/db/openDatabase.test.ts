import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { SpanlabError } from '../../../common/errors';
import { MIGRATIONS } from '../../../db/migrations/index';
import type { Migration } from '../../../db/migrations/index';
import { backupPathFor, openDatabase } from '../../../db/openDatabase';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../../db/schema';
import { checkProjectFile, Project } from '../../../main/services/project';
import { tempDir } from '../../support/projectFixture';

const header = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      applicationId: db.pragma('application_id', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
};

const refusal = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof SpanlabError && error.code === code && pattern.test(error.message);

describe('opening project files', () => {
  test('a new project is stamped with our application id and the latest version, in WAL mode', () => {
    const file = path.join(tempDir(), 'new.spanlab');
    openDatabase(file, { mode: 'create' }).db.close();
    assert.deepEqual(header(file), { applicationId: APPLICATION_ID, version: SCHEMA_VERSION, journal: 'wal' });
    assert.equal(SCHEMA_VERSION, MIGRATIONS.at(-1)!.version);
  });

  test('the connection has foreign keys on, a busy timeout and synchronous NORMAL', () => {
    const file = path.join(tempDir(), 'p.spanlab');
    const { db } = openDatabase(file, { mode: 'create' });
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    assert.equal(db.pragma('synchronous', { simple: true }), 1);
    db.close();
  });

  test('a file from a newer Spanlab is refused and left untouched', () => {
    const file = path.join(tempDir(), 'future.spanlab');
    openDatabase(file, { mode: 'create' }).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    assert.throws(
      () => openDatabase(file, { mode: 'open' }),
      refusal('incompatible_project', /newer version of Spanlab/),
    );
    assert.throws(() => Project.open(file), refusal('incompatible_project', /Update Spanlab/));
    assert.deepEqual(fs.readFileSync(file), before);
    // Only looking is still allowed, so `spanlab check` can say what the file is.
    assert.equal(checkProjectFile(file).schemaVersion, SCHEMA_VERSION + 1);
  });

  test('an SQLite database of another application is refused', () => {
    const file = path.join(tempDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\')');
    raw.close();
    assert.throws(() => Project.open(file), refusal('incompatible_project', /not a Spanlab project/));
    assert.throws(() => checkProjectFile(file), refusal('incompatible_project', /not a Spanlab project/));
  });

  test('a file that is not a database at all is refused', () => {
    const file = path.join(tempDir(), 'notes.spanlab');
    fs.writeFileSync(file, 'just some text, long enough to be mistaken for nothing in particular');
    assert.throws(() => Project.open(file), refusal('incompatible_project', /not a Spanlab project/));
  });

  test('a missing file is an io error', () => {
    assert.throws(() => Project.open(path.join(tempDir(), 'missing.spanlab')), refusal('io', /no project file/));
  });

  test('create refuses to overwrite an existing file and leaves it as it was', () => {
    const dir = tempDir();
    const text = path.join(dir, 'essay.spanlab');
    fs.writeFileSync(text, 'my essay');
    assert.throws(() => Project.create(text, { sample: false }), refusal('conflict', /not a Spanlab project/));
    assert.equal(fs.readFileSync(text, 'utf8'), 'my essay');

    const existing = path.join(dir, 'existing.spanlab');
    Project.create(existing, { sample: false }).close();
    assert.throws(() => Project.create(existing, { sample: true }), refusal('conflict', /already a Spanlab project/));
  });

  test('create may use an empty file, such as one a save dialog made', () => {
    const file = path.join(tempDir(), 'empty.spanlab');
    fs.writeFileSync(file, '');
    const project = Project.create(file, { sample: false });
    assert.equal(project.info().schemaVersion, SCHEMA_VERSION);
    project.close();
  });

  // An "older version" is simulated in two ways: a file at version 0 (our application id
  // but no migration applied, holding some data), and an up-to-date project opened with a
  // migration list that has one more step than the real one.
  test('an older file is backed up beside itself before it is migrated', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.spanlab');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.exec("CREATE TABLE legacy_notes (body TEXT); INSERT INTO legacy_notes VALUES ('kept')");
    raw.close();

    const at = new Date('2024-05-06T07:08:09.123Z');
    const { db, backupPath, foundVersion } = openDatabase(file, { mode: 'open', now: () => at });
    db.close();
    assert.equal(foundVersion, 0);
    assert.equal(backupPath, path.join(dir, 'old.v0-backup-2024-05-06T07-08-09Z.spanlab'));
    assert.equal(backupPath, backupPathFor(file, 0, at));
    assert.equal(header(file).version, SCHEMA_VERSION);

    const backup = new Database(backupPath!, { readonly: true });
    assert.equal(backup.pragma('user_version', { simple: true }), 0);
    assert.equal(backup.pragma('application_id', { simple: true }), APPLICATION_ID);
    assert.deepEqual(backup.prepare('SELECT body FROM legacy_notes').pluck().all(), ['kept']);
    assert.equal(backup.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'mentions'").pluck().get(), 0);
    backup.close();
  });

  test('each migration and its version bump commit together; a failing one changes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const project = Project.create(file, { sample: true });
    project.close();
    const next = SCHEMA_VERSION + 1;

    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: next, name: 'broken', sql: 'CREATE TABLE added (x); INSERT INTO no_such_table VALUES (1);' },
    ];
    assert.throws(
      () => openDatabase(file, { mode: 'open', migrations: broken }),
      refusal('incompatible_project', /Could not upgrade .* to project format 2 \(broken\).*A copy of the original/s),
    );
    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'added'").pluck().get(), 0);
    db.close();

    const working: Migration[] = [...MIGRATIONS, { version: next, name: 'notes', sql: 'CREATE TABLE added (x);' }];
    const opened = openDatabase(file, { mode: 'open', migrations: working });
    assert.equal(opened.db.pragma('user_version', { simple: true }), next);
    assert.equal(opened.foundVersion, SCHEMA_VERSION);
    assert.match(path.basename(opened.backupPath!), new RegExp(`^p\\.v${SCHEMA_VERSION}-backup-.*\\.spanlab$`));
    opened.db.close();
    // Two backups now (one per attempt), neither overwriting the other.
    assert.equal(fs.readdirSync(dir).filter((f) => f.includes('-backup-')).length, 2);
  });

  test('an up-to-date project opens without a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    Project.create(file, { sample: false }).close();
    const project = Project.open(file);
    assert.equal(project.backupPath, null);
    project.close();
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('backup')), []);
  });

  test('checkProjectFile reports a sound project as ok with its version', () => {
    const file = path.join(tempDir(), 'p.spanlab');
    Project.create(file, { sample: true }).close();
    assert.deepEqual(
      checkProjectFile(file),
      { integrity: ['ok'], schemaVersion: SCHEMA_VERSION, latestVersion: SCHEMA_VERSION },
    );
  });

  test('checkProjectFile lists broken references', () => {
    const file = path.join(tempDir(), 'p.spanlab');
    Project.create(file, { sample: true }).close();
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.exec('INSERT INTO mentions (document_id, start, "end", type_id) VALUES (999, 0, 3, NULL)');
    raw.close();
    const check = checkProjectFile(file);
    assert.deepEqual(check.integrity, ['mentions row 1 refers to a missing documents row']);
  });
});
