import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { BackupInfo } from '../../../common/backups';
import type { EventMessage } from '../../../common/contract';
import type { CallResult } from '../../../common/errors';
import { SCHEMA_VERSION } from '../../../db/schema';
import { dispatch } from '../../../main/api/dispatch';
import type { BackupFailure, BackupPolicy } from '../../../main/services/backups/projectBackups';
import { ProjectBackups } from '../../../main/services/backups/projectBackups';
import { Project } from '../../../main/services/project';
import { Workspace } from '../../../main/services/workspace';
import { newProject, tempDir, versionZeroFile } from '../../support/projectFixture';

// The schedule's timer never fires in these tests: they call what it calls.
const MANUAL_ONLY: BackupPolicy = { intervalMs: 24 * 60 * 60_000, keep: 10 };

/// A clock that moves one second per reading, so that each backup has a time of its own.
function steppingClock(start = Date.parse('2025-03-04T05:06:07.089Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

const names = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe('rolling backups', () => {
  test('live in a folder beside the project, named by the time taken and why, newest first', async () => {
    const { project, file, dir } = await newProject();
    const backups = new ProjectBackups(file, MANUAL_ONLY, () => {}, steppingClock());
    backups.start();
    await backups.idle();
    project.mentions.create({ documentId: 1, start: 0, end: 6, typeId: 1 });
    await backups.take('manual');
    backups.stop();
    project.close();

    assert.deepEqual(names(path.join(dir, 'test.backups')), [
      'test.2025-03-04T05-06-09-089Z.open.spanlab',
      'test.2025-03-04T05-06-10-089Z.manual.spanlab',
    ]);
    const list = await new ProjectBackups(file, MANUAL_ONLY, () => {}).list();
    assert.deepEqual(
      list.map((b) => [path.relative(dir, b.file), b.takenAt, b.reason, b.documents, b.mentions, b.events, b.problem]),
      [
        ['test.backups/test.2025-03-04T05-06-10-089Z.manual.spanlab', '2025-03-04T05:06:10.089Z', 'manual', 1, 1, 0, null],
        ['test.backups/test.2025-03-04T05-06-09-089Z.open.spanlab', '2025-03-04T05:06:09.089Z', 'open', 1, 0, 0, null],
      ],
    );
    assert.ok(list.every((b) => b.sizeBytes === fs.statSync(b.file).size && b.schemaVersion === SCHEMA_VERSION));
    // Each backup is one file: listing (opening each read-only) leaves nothing beside it.
    assert.equal(names(path.join(dir, 'test.backups')).length, 2);
  });

  test('the copy made before an upgrade is listed with the others', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.spanlab');
    versionZeroFile(file).close();
    const upgraded = await Project.open(file);
    upgraded.close();
    const list = await new ProjectBackups(file, MANUAL_ONLY, () => {}).list();
    assert.deepEqual(
      list.map((b) => [b.file, b.reason, b.schemaVersion]),
      [[upgraded.backupPath, 'pre-migration', 0]],
    );
    // It predates the tables it would be counted by: listed, with why it has no counts.
    assert.match(list[0]!.problem ?? '', /no such table: documents/);
  });

  test('opening an unchanged project again makes no new copy; opening a changed one does', async () => {
    const { project, file, dir } = await newProject();
    project.close();
    const session = async (edit?: (p: Project) => void) => {
      const opened = await Project.open(file);
      const backups = new ProjectBackups(file, MANUAL_ONLY, () => {});
      backups.start();
      await backups.idle();
      edit?.(opened);
      backups.stop();
      opened.close();
    };
    await session();
    await session();
    await session();
    assert.equal(names(path.join(dir, 'test.backups')).length, 1, 'three opens of the same state, one copy');
    await session((p) => p.mentions.create({ documentId: 1, start: 0, end: 6, typeId: 1 }));
    await session();
    const reasons = (await new ProjectBackups(file, MANUAL_ONLY, () => {}).list()).map((b) => [b.reason, b.mentions]);
    assert.deepEqual(reasons, [
      ['open', 1],
      ['open', 0],
    ]);
  });

  test('the schedule backs up only when something changed since the last backup', async () => {
    const { project, file, dir } = await newProject();
    const backups = new ProjectBackups(file, MANUAL_ONLY, () => {}, steppingClock());
    backups.start();
    await backups.idle();
    assert.equal(await backups.backUpIfChanged(), null);
    assert.equal(await backups.backUpIfChanged(), null);

    project.documents.setStatus(1, 'done');
    const taken = await backups.backUpIfChanged();
    assert.equal(taken?.reason, 'interval');
    assert.equal(await backups.backUpIfChanged(), null);

    // A write from another connection (an import's worker has its own) counts too.
    const other = await Project.open(file);
    other.mentions.create({ documentId: 1, start: 7, end: 12, typeId: 2 });
    other.close();
    assert.equal((await backups.backUpIfChanged())?.mentions, 1);
    backups.stop();
    project.close();
    assert.equal(names(path.join(dir, 'test.backups')).length, 3);
  });

  test('a backup that cannot be written is reported once, and the project carries on', async () => {
    const { project, file, dir } = await newProject();
    // Where the backups folder should be there is a file: every backup fails (as on a
    // read-only or full disk, which a test running as root cannot simulate by permissions).
    const folder = path.join(dir, 'test.backups');
    fs.writeFileSync(folder, 'in the way');
    const failures: BackupFailure[] = [];
    const backups = new ProjectBackups(file, MANUAL_ONLY, (failure) => failures.push(failure));
    backups.start();
    await backups.idle();
    project.mentions.create({ documentId: 1, start: 0, end: 6, typeId: 1 });
    assert.equal(await backups.backUpIfChanged(), null);
    project.mentions.create({ documentId: 1, start: 7, end: 12, typeId: 1 });
    assert.equal(await backups.backUpIfChanged(), null);

    assert.deepEqual(failures.map((f) => f.reason), ['open'], 'the same problem is reported once');
    assert.match(failures[0]!.message, /^Could not back up test\.spanlab to .*test\.backups: .*Your work is still saved in the project\.$/);
    assert.equal(project.stats().mentions, 2, 'edits went on being saved');
    // Asked for by the analyst, the failure is the answer.
    await assert.rejects(backups.take('manual'), { code: 'io' });

    // Once the way is clear, the next change is backed up, and a new problem is reported again.
    fs.rmSync(folder);
    project.mentions.create({ documentId: 1, start: 13, end: 20, typeId: 1 });
    assert.equal((await backups.backUpIfChanged())?.mentions, 3);
    backups.stop();
    project.close();
  });

  test('the workspace backs up the project it opens and tells the UI when a backup fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    (await Project.create(file, { sample: true })).close();
    fs.writeFileSync(path.join(dir, 'p.backups'), 'in the way');
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't' });
    const failed = new Promise<EventMessage>((resolve) =>
      workspace.onEvent((message) => message.name === 'backup.failed' && resolve(message)),
    );
    await workspace.openProject(file);
    const event = await failed;
    assert.equal(event.name === 'backup.failed' && event.payload.reason, 'open');
    const created = await dispatch(workspace.handlers, 'mentions.create', { documentId: 1, start: 0, end: 6, typeId: 1 });
    assert.equal(created.ok, true);
    const manual = await dispatch(workspace.handlers, 'backups.create', {});
    assert.equal(manual.ok ? null : manual.error.code, 'io');

    fs.rmSync(path.join(dir, 'p.backups'));
    const made = (await dispatch(workspace.handlers, 'backups.create', {})) as CallResult<BackupInfo>;
    assert.ok(made.ok);
    assert.deepEqual([made.value.reason, made.value.mentions], ['manual', 1]);
    workspace.close();
    // Its read connection was closed with the project: the WAL went with the last one.
    assert.deepEqual(names(dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm')), []);
  });

  test('a restore is refused while another connection has the project open, which stays as it was', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't', backupPolicy: MANUAL_ONLY });
    await workspace.createProject(file, true);
    const made = (await dispatch(workspace.handlers, 'backups.create', {})) as CallResult<BackupInfo>;
    assert.ok(made.ok);
    await dispatch(workspace.handlers, 'mentions.create', { documentId: 1, start: 0, end: 6, typeId: 1 });
    // Another window, or an import's worker: replacing the file under it would not be safe.
    const other = await Project.open(file);
    const refused = await dispatch(workspace.handlers, 'backups.restore', { file: made.value.file });
    assert.equal(refused.ok ? null : refused.error.code, 'busy');
    assert.match(refused.ok ? '' : refused.error.message, /still open elsewhere.*Nothing was restored\.$/);
    assert.equal(workspace.requireProject().stats().mentions, 1, 'reopened as it was');
    assert.equal(other.stats().mentions, 1);
    other.close();
    assert.equal(((await dispatch(workspace.handlers, 'backups.restore', { file: made.value.file })) as CallResult<unknown>).ok, true);
    assert.equal(workspace.requireProject().stats().mentions, 0);
    workspace.close();
  });

  test('only a backup the list names is restored, never another path', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't' });
    await workspace.createProject(file, true);
    const made = (await dispatch(workspace.handlers, 'backups.create', {})) as CallResult<BackupInfo>;
    assert.ok(made.ok);
    // A copy of a backup under a backup's name, but elsewhere; the project itself; a
    // relative spelling of a listed file.
    const elsewhere = path.join(dir, path.basename(made.value.file));
    fs.copyFileSync(made.value.file, elsewhere);
    const relative = path.relative(process.cwd(), made.value.file);
    for (const candidate of [elsewhere, file, relative, `${made.value.file}.partial`]) {
      const refused = await dispatch(workspace.handlers, 'backups.restore', { file: candidate });
      assert.equal(refused.ok ? null : refused.error.code, 'not_found', candidate);
    }
    assert.equal(workspace.current()?.path, file);
    assert.equal((await dispatch(workspace.handlers, 'backups.restore', { file: made.value.file })).ok, true);
    workspace.close();
  });
});
