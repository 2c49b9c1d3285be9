import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { CallName, EventMessage } from '../../../common/contract';
import { CALL_NAMES } from '../../../common/contract';
import { dispatch } from '../../../main/api/dispatch';
import { SpanlabError } from '../../../common/errors';
import { Project } from '../../../main/services/project';
import { Workspace } from '../../../main/services/workspace';
import { tempDir, versionZeroFile } from '../../support/projectFixture';

// A WAL-mode file's -wal and -shm go when its last connection closes: any still there
// after the workspace closed belong to a connection left open.
const leftOpen = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'));

const WITHOUT_PROJECT: CallName[] = [
  'app.info',
  'project.current',
  'project.open',
  'project.create',
  'project.recent',
  'project.pickPath',
  // Imports are jobs, asked after by id; the native dialog needs no project either.
  'import.cancel',
  'import.status',
  'import.pickPaths',
  // Exports likewise; their save dialog answers `unsupported` in serve mode first.
  'export.cancel',
  'export.status',
  'export.pickPath',
];

// The smallest valid payload of each call that needs a project.
const PAYLOADS: Partial<Record<CallName, unknown>> = {
  'documents.list': { offset: 0, limit: 10 },
  'documents.get': { id: 1 },
  'documents.setStatus': { id: 1, status: 'done' },
  'documents.setNote': { id: 1, note: '' },
  'mentions.create': { documentId: 1, start: 0, end: 1, typeId: null },
  'mentions.update': { id: 1 },
  'mentions.delete': { id: 1 },
  'events.create': { documentId: 1, typeId: 1, trigger: { start: 0, end: 1 } },
  'events.update': { id: 1 },
  'events.delete': { id: 1 },
  'arguments.create': { eventId: 1, roleId: 1, target: { mentionId: 1 } },
  'arguments.delete': { id: 1 },
  'relations.create': { typeId: 1, fromMentionId: 1, toMentionId: 2 },
  'relations.delete': { id: 1 },
  'entities.list': { limit: 10 },
  'entities.create': { name: 'X', typeId: null },
  'entities.update': { id: 1 },
  'entities.delete': { id: 1 },
  'entities.mentions': { id: 1 },
  'history.undo': { documentId: null },
  'history.redo': { documentId: null },
  'schema.saveEntityType': { name: 'X', color: '#000000', hotkey: null },
  'schema.saveEventType': { name: 'X', color: '#000000', hotkey: null, roles: [] },
  'schema.saveRelationType': { name: 'X', color: '#000000', hotkey: null },
  'schema.saveAttribute': { target: 'mention', name: 'x', values: [], defaultValue: null },
  'schema.delete': { kind: 'entityType', id: 1, force: false },
  'schema.importBratConf': { text: '' },
  'import.start': { paths: ['/tmp/x'] },
  'import.files': { files: [{ name: 'a.txt', data: 'QQ==' }] },
  'export.start': { format: 'conll', out: '/tmp/x.conll' },
  'backups.restore': { file: '/tmp/x.spanlab' },
};

describe('the workspace', () => {
  test('every call that needs a project says so when none is open', async () => {
    const workspace = new Workspace({ settingsDir: tempDir(), mode: 'serve', version: '1.2.3' });
    for (const name of CALL_NAMES) {
      if (WITHOUT_PROJECT.includes(name)) continue;
      const result = await dispatch(workspace.handlers, name, PAYLOADS[name] ?? {});
      assert.deepEqual(
        result,
        { ok: false, error: { code: 'no_project', message: 'Open or create a project first.' } },
        name,
      );
    }
    assert.deepEqual(await dispatch(workspace.handlers, 'project.current', {}), { ok: true, value: null });
    assert.deepEqual(
      await dispatch(workspace.handlers, 'app.info', {}),
      { ok: true, value: { version: '1.2.3', mode: 'serve', platform: process.platform } },
    );
  });

  test('picking a path needs a dialog: unsupported in serve mode, the shell\'s answer otherwise', async () => {
    const serve = new Workspace({ settingsDir: tempDir(), mode: 'serve', version: 't' });
    const refused = await dispatch(serve.handlers, 'project.pickPath', { mode: 'open' });
    assert.equal(refused.ok ? null : refused.error.code, 'unsupported');
    const asked: string[] = [];
    const desktop = new Workspace({
      settingsDir: tempDir(),
      mode: 'electron',
      version: 't',
      pickPath: async (mode) => (asked.push(mode), '/home/analyst/news.spanlab'),
    });
    assert.deepEqual(
      await dispatch(desktop.handlers, 'project.pickPath', { mode: 'create' }),
      { ok: true, value: { path: '/home/analyst/news.spanlab' } },
    );
    assert.deepEqual(asked, ['create']);
  });

  test('opening and creating projects updates the recent list and tells the UI', async () => {
    const dir = tempDir();
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't' });
    const events: EventMessage[] = [];
    workspace.onEvent((message) => events.push(message));
    const a = path.join(dir, 'a.spanlab');
    const b = path.join(dir, 'b.spanlab');
    const created = await workspace.createProject(a, true);
    assert.equal(created.documentCount, 1);
    await workspace.createProject(b, false);
    await workspace.openProject(a);
    assert.deepEqual(workspace.current()?.path, a);
    const recent = await dispatch(workspace.handlers, 'project.recent', {});
    assert.ok(recent.ok);
    assert.deepEqual(
      (recent.value as { path: string; name: string; exists: boolean }[]).map((r) => [r.path, r.name, r.exists]),
      [
        [a, 'a', true],
        [b, 'b', true],
      ],
    );
    const opened = events.map((e) => [e.name, e.name === 'project.changed' && path.basename(e.payload?.path ?? '')]);
    assert.deepEqual(opened, [
      ['project.changed', 'a.spanlab'],
      ['project.changed', 'b.spanlab'],
      ['project.changed', 'a.spanlab'],
    ]);

    // A failed open leaves the current project open.
    fs.writeFileSync(path.join(dir, 'junk.spanlab'), 'junk that is not a database at all, not even close');
    const failed = await dispatch(workspace.handlers, 'project.open', { path: path.join(dir, 'junk.spanlab') });
    assert.equal(failed.ok ? null : failed.error.code, 'incompatible_project');
    assert.equal(workspace.current()?.path, a);

    workspace.close();
    assert.deepEqual(events.at(-1), { name: 'project.changed', payload: null });
    assert.equal(workspace.current(), null);
  });

  test('opens run one at a time: the last one asked for wins and no connection is left open', async () => {
    const dir = tempDir();
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't' });
    const changed: string[] = [];
    workspace.onEvent((m) => m.name === 'project.changed' && changed.push(path.basename(m.payload?.path ?? '-')));
    const old = path.join(dir, 'old.spanlab');
    versionZeroFile(old).close();
    const current = path.join(dir, 'current.spanlab');
    (await Project.create(current, { sample: false })).close();

    // The outdated file is backed up first, over several event-loop turns; the up-to-date
    // one, asked for meanwhile, would finish first if it did not wait its turn.
    const [first, second] = await Promise.all([workspace.openProject(old), workspace.openProject(current)]);
    assert.deepEqual([first.path, second.path], [old, current]);
    assert.equal(workspace.current()?.path, current);
    assert.deepEqual(changed, ['old.spanlab', 'current.spanlab']);

    // The same outdated file asked for twice at once: backed up and upgraded once, both answered.
    const twice = path.join(dir, 'twice.spanlab');
    versionZeroFile(twice).close();
    const both = await Promise.all([workspace.openProject(twice), workspace.openProject(twice)]);
    assert.deepEqual(both.map((info) => info.path), [twice, twice]);
    assert.equal(fs.readdirSync(dir).filter((f) => f.startsWith('twice.v0-backup-')).length, 1);

    workspace.close();
    assert.deepEqual(leftOpen(dir), []);
  });

  test('closing the workspace abandons an open still in flight', async () => {
    const dir = tempDir();
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't' });
    const old = path.join(dir, 'old.spanlab');
    versionZeroFile(old).close();
    const pending = workspace.openProject(old);
    await new Promise((resolve) => setImmediate(resolve)); // the open is under way: backing the file up
    workspace.close(); // as on quit
    await assert.rejects(pending, (error) => error instanceof SpanlabError && error.code === 'conflict');
    assert.equal(workspace.current(), null);
    assert.deepEqual(leftOpen(dir), []);
    // Only that open was abandoned: the workspace opens projects again.
    assert.equal((await workspace.openProject(old)).path, old);
    workspace.close();
  });

  test('undo and redo tell the UI which document changed; an ordinary edit does not', async () => {
    const dir = tempDir();
    const workspace = new Workspace({ settingsDir: dir, mode: 'serve', version: 't' });
    await workspace.createProject(path.join(dir, 'p.spanlab'), true);
    const events: EventMessage[] = [];
    workspace.onEvent((message) => events.push(message));
    const created = await dispatch(
      workspace.handlers,
      'mentions.create',
      { documentId: 1, start: 0, end: 6, typeId: 1 },
    );
    assert.equal(created.ok, true);
    assert.deepEqual(events, []);
    const undone = await dispatch(workspace.handlers, 'history.undo', { documentId: 1 });
    assert.deepEqual(undone, { ok: true, value: { actionId: 1, label: 'Add PER mention', documentId: 1 } });
    assert.deepEqual(events, [{ name: 'document.changed', payload: { documentId: 1 } }]);
    await dispatch(workspace.handlers, 'history.redo', { documentId: 1 });
    assert.equal(events.length, 2);
    // A schema action that reaches into documents also tells the UI.
    await dispatch(workspace.handlers, 'schema.delete', { kind: 'entityType', id: 1, force: true });
    assert.deepEqual(events.at(-1), { name: 'document.changed', payload: { documentId: 1 } });
    // The mention that the document's last edit added is gone with its type: that undo is refused once.
    const stale = await dispatch(workspace.handlers, 'history.undo', { documentId: 1 });
    assert.equal(stale.ok ? null : stale.error.code, 'conflict');
    assert.deepEqual(await dispatch(workspace.handlers, 'history.undo', { documentId: 1 }), { ok: true, value: null });
    workspace.close();
  });
});
