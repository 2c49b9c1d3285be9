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
import { dumpDatabase, tempDir, versionZeroFile } from '../../support/projectFixture';

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

const notes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT body FROM legacy_notes ORDER BY rowid').pluck().all();
  } finally {
    db.close();
  }
};

const refusal = (code: string, pattern: RegExp) => (error: unknown) =>
  error instanceof SpanlabError && error.code === code && pattern.test(error.message);

describe('opening project files', () => {
  test('a new project is stamped with our application id and the latest version, in WAL mode', async () => {
    const file = path.join(tempDir(), 'new.spanlab');
    (await openDatabase(file, { mode: 'create' })).db.close();
    assert.deepEqual(header(file), { applicationId: APPLICATION_ID, version: SCHEMA_VERSION, journal: 'wal' });
    assert.equal(SCHEMA_VERSION, MIGRATIONS.at(-1)!.version);
  });

  test('the connection has foreign keys on, a busy timeout and synchronous NORMAL', async () => {
    const file = path.join(tempDir(), 'p.spanlab');
    const { db } = await openDatabase(file, { mode: 'create' });
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    assert.equal(db.pragma('synchronous', { simple: true }), 1);
    db.close();
  });

  test('a file from a newer Spanlab is refused and left untouched', async () => {
    const file = path.join(tempDir(), 'future.spanlab');
    (await openDatabase(file, { mode: 'create' })).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    await assert.rejects(
      openDatabase(file, { mode: 'open' }),
      refusal('incompatible_project', /newer version of Spanlab/),
    );
    await assert.rejects(Project.open(file), refusal('incompatible_project', /Update Spanlab/));
    assert.deepEqual(fs.readFileSync(file), before);
    // Only looking is still allowed, so `spanlab check` can say what the file is.
    assert.equal((await checkProjectFile(file)).schemaVersion, SCHEMA_VERSION + 1);
  });

  test('an SQLite database of another application is refused', async () => {
    const file = path.join(tempDir(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ada\')');
    raw.close();
    await assert.rejects(Project.open(file), refusal('incompatible_project', /not a Spanlab project/));
    await assert.rejects(checkProjectFile(file), refusal('incompatible_project', /not a Spanlab project/));
  });

  test('a file that is not a database at all is refused', async () => {
    const file = path.join(tempDir(), 'notes.spanlab');
    fs.writeFileSync(file, 'just some text, long enough to be mistaken for nothing in particular');
    await assert.rejects(Project.open(file), refusal('incompatible_project', /not a Spanlab project/));
  });

  test('a missing file is an io error', async () => {
    await assert.rejects(Project.open(path.join(tempDir(), 'missing.spanlab')), refusal('io', /no project file/));
  });

  test('create refuses to overwrite an existing file and leaves it as it was', async () => {
    const dir = tempDir();
    const text = path.join(dir, 'essay.spanlab');
    fs.writeFileSync(text, 'my essay');
    await assert.rejects(Project.create(text, { sample: false }), refusal('conflict', /not a Spanlab project/));
    assert.equal(fs.readFileSync(text, 'utf8'), 'my essay');

    const existing = path.join(dir, 'existing.spanlab');
    (await Project.create(existing, { sample: false })).close();
    await assert.rejects(Project.create(existing, { sample: true }), refusal('conflict', /already a Spanlab project/));
  });

  test('create may use an empty file, such as one a save dialog made', async () => {
    const file = path.join(tempDir(), 'empty.spanlab');
    fs.writeFileSync(file, '');
    const project = await Project.create(file, { sample: false });
    assert.equal(project.info().schemaVersion, SCHEMA_VERSION);
    project.close();
  });

  // An "older version" is simulated in two ways: a file at version 0 (our application id
  // but no migration applied, holding some data), and an up-to-date project opened with a
  // migration list that has one more step than the real one.
  test('an older file is backed up beside itself, WAL content included, before it is migrated', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.spanlab');
    const raw = versionZeroFile(file);
    // A row committed to the WAL but not yet checkpointed into the file (a crash, or
    // another process still holding the project open, leaves a project like this).
    raw.pragma('wal_autocheckpoint = 0');
    raw.prepare('INSERT INTO legacy_notes VALUES (?)').run('only in the wal');
    // And free pages (a deleted blob): a page-for-page copy keeps them, VACUUM INTO would not.
    raw.prepare('INSERT INTO legacy_notes VALUES (?)').run('x'.repeat(64 * 1024));
    raw.prepare('DELETE FROM legacy_notes WHERE length(body) > 1000').run();
    const pages = { count: raw.pragma('page_count', { simple: true }), free: raw.pragma('freelist_count', { simple: true }) };
    assert.ok((pages.free as number) > 0);
    const copiedOnDisk = path.join(dir, 'copied.sqlite');
    fs.copyFileSync(file, copiedOnDisk);
    assert.deepEqual(notes(copiedOnDisk), ['kept'], 'a copy of the file alone misses the WAL');

    const at = new Date('2024-05-06T07:08:09.123Z');
    const { db, backupPath, foundVersion } = await openDatabase(file, { mode: 'open', now: () => at }).finally(() =>
      raw.close(),
    );
    db.close();
    assert.equal(foundVersion, 0);
    assert.equal(backupPath, path.join(dir, 'old.v0-backup-2024-05-06T07-08-09Z.spanlab'));
    assert.equal(backupPath, backupPathFor(file, 0, at));

    // The original is migrated, its data kept.
    assert.equal(header(file).version, SCHEMA_VERSION);
    assert.deepEqual(notes(file), ['kept', 'only in the wal']);

    // The backup is one self-contained file: a Spanlab project at the old version, with
    // every row, none of the migration, and sound.
    assert.equal(fs.existsSync(`${backupPath}-wal`), false);
    const inspected = await openDatabase(backupPath!, { mode: 'inspect' });
    try {
      assert.equal(inspected.foundVersion, 0);
      assert.equal(inspected.db.pragma('application_id', { simple: true }), APPLICATION_ID);
      assert.deepEqual(inspected.db.prepare('SELECT body FROM legacy_notes').pluck().all(), ['kept', 'only in the wal']);
      assert.equal(inspected.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'mentions'").pluck().get(), 0);
      assert.deepEqual(
        {
          count: inspected.db.pragma('page_count', { simple: true }),
          free: inspected.db.pragma('freelist_count', { simple: true }),
        },
        pages,
      );
    } finally {
      inspected.db.close();
    }
    assert.deepEqual(await checkProjectFile(backupPath!), { integrity: ['ok'], schemaVersion: 0, latestVersion: SCHEMA_VERSION });
  });

  test('the backup of an upgraded project is the whole project as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const project = await Project.create(file, { sample: true });
    project.mentions.create({ documentId: 1, start: 0, end: 6, typeId: null });
    const before = dumpDatabase(project.db);
    project.close();

    const next = SCHEMA_VERSION + 1;
    const upgrade: Migration[] = [
      ...MIGRATIONS,
      { version: next, name: 'notes', sql: "CREATE TABLE added (x, y); INSERT INTO added VALUES ('new', 1);" },
    ];
    const opened = await openDatabase(file, { mode: 'open', migrations: upgrade });
    assert.equal(opened.db.pragma('user_version', { simple: true }), next);
    const { added, ...rest } = dumpDatabase(opened.db);
    assert.deepEqual(added, [['new', 1]]);
    assert.deepEqual(rest, before);
    opened.db.close();

    // The copy is at the old version and opens in this Spanlab as it is: no upgrade needed.
    const backupPath = opened.backupPath!;
    assert.equal((await checkProjectFile(backupPath)).schemaVersion, SCHEMA_VERSION);
    const backup = await Project.open(backupPath);
    try {
      assert.equal(backup.backupPath, null);
      assert.deepEqual(dumpDatabase(backup.db), before);
    } finally {
      backup.close();
    }
  });

  test('when the backup cannot be written, the project is not changed', async () => {
    const dir = tempDir();
    // The file's name fits the file system's 255-byte limit; with the backup's
    // `.v1-backup-<time>` added, it does not.
    const file = path.join(dir, `${'x'.repeat(230)}.spanlab`);
    (await Project.create(file, { sample: true })).close();
    const before = fs.readFileSync(file);
    const upgrade: Migration[] = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'notes', sql: 'CREATE TABLE added (x);' }];

    await assert.rejects(
      openDatabase(file, { mode: 'open', migrations: upgrade }),
      refusal('io', /^Could not save a backup of .* before upgrading it \(.+\); the project was not changed\.$/s),
    );
    // No backup, not even a partial one, and nothing else left beside the project.
    assert.deepEqual(fs.readdirSync(dir), [path.basename(file)]);
    assert.deepEqual(fs.readFileSync(file), before);
    assert.equal(header(file).version, SCHEMA_VERSION);
  });

  test('each migration and its version bump commit together; a failing one changes nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const project = await Project.create(file, { sample: true });
    project.close();
    const next = SCHEMA_VERSION + 1;

    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: next, name: 'broken', sql: 'CREATE TABLE added (x); INSERT INTO no_such_table VALUES (1);' },
    ];
    await assert.rejects(
      openDatabase(file, { mode: 'open', migrations: broken }),
      refusal('incompatible_project', new RegExp(`Could not upgrade .* to project format ${next} \\(broken\\).*A copy of the original`, 's')),
    );
    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'added'").pluck().get(), 0);
    db.close();

    const working: Migration[] = [...MIGRATIONS, { version: next, name: 'notes', sql: 'CREATE TABLE added (x);' }];
    const opened = await openDatabase(file, { mode: 'open', migrations: working });
    assert.equal(opened.db.pragma('user_version', { simple: true }), next);
    assert.equal(opened.foundVersion, SCHEMA_VERSION);
    assert.match(path.basename(opened.backupPath!), new RegExp(`^p\\.v${SCHEMA_VERSION}-backup-.*\\.spanlab$`));
    opened.db.close();
    // Two backups now (one per attempt), neither overwriting the other.
    assert.equal(fs.readdirSync(dir).filter((f) => f.includes('-backup-')).length, 2);
  });

  test('an up-to-date project opens without a backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    (await Project.create(file, { sample: false })).close();
    const project = await Project.open(file);
    assert.equal(project.backupPath, null);
    project.close();
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('backup')), []);
  });

  test('checkProjectFile reports a sound project as ok with its version', async () => {
    const file = path.join(tempDir(), 'p.spanlab');
    (await Project.create(file, { sample: true })).close();
    assert.deepEqual(
      await checkProjectFile(file),
      { integrity: ['ok'], schemaVersion: SCHEMA_VERSION, latestVersion: SCHEMA_VERSION },
    );
  });

  test('checkProjectFile lists broken references', async () => {
    const file = path.join(tempDir(), 'p.spanlab');
    (await Project.create(file, { sample: true })).close();
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.exec('INSERT INTO mentions (document_id, start, "end", type_id) VALUES (999, 0, 3, NULL)');
    raw.close();
    const check = await checkProjectFile(file);
    assert.deepEqual(check.integrity, ['mentions row 1 refers to a missing documents row']);
  });
});
