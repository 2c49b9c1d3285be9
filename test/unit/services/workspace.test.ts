import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { CallName, EventMessage } from '../../../common/contract';
import { CALL_NAMES } from '../../../common/contract';
import { dispatch } from '../../../main/api/dispatch';
import { Workspace } from '../../../main/services/workspace';
import { tempDir } from '../../support/projectFixture';

const WITHOUT_PROJECT: CallName[] = [
  'app.info',
  'project.current',
  'project.open',
  'project.create',
  'project.recent',
  'project.pickPath',
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
    const created = workspace.createProject(a, true);
    assert.equal(created.documentCount, 1);
    workspace.createProject(b, false);
    workspace.openProject(a);
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

  test('undo and redo tell the UI which document changed; an ordinary edit does not', async () => {
    const dir = tempDir();
    const workspace = new Workspace({ settingsDir: dir, mode: 'serve', version: 't' });
    workspace.createProject(path.join(dir, 'p.spanlab'), true);
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
