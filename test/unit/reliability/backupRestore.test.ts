// Backups that restore: rotation keeps the newest K automatic copies and nothing else goes;
// a copy taken while another process writes is a whole snapshot; a restore gives back
// exactly what was backed up (and is itself undone by restoring the pre-restore copy); a
// damaged backup is refused and the project left as it was.

import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../common/backups';
import type { CallInput, CallName, CallOutput } from '../../../common/contract';
import type { CallResult } from '../../../common/errors';
import { dispatch } from '../../../main/api/dispatch';
import { ProjectBackups } from '../../../main/services/backups/projectBackups';
import { Project } from '../../../main/services/project';
import { Workspace } from '../../../main/services/workspace';
import { dumpDatabase, labelIds, spanOf, tempDir, versionZeroFile } from '../../support/projectFixture';
import { reportFigure, scaled } from '../../support/tortureScale';

const writer = path.resolve(import.meta.dirname, '../../support/mentionWriter.ts');
const NO_TIMER = { intervalMs: 24 * 60 * 60_000, keep: 10 };

/// A contract call as the UI makes it, typed by the contract.
async function call<K extends CallName>(workspace: Workspace, name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>> {
  return (await dispatch(workspace.handlers, name, input)) as CallResult<CallOutput<K>>;
}

function valueOf<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/// Reads a backup file as SQLite sees it: integrity, references, and the invariant the
/// writers keep (each commit adds one mention, one action and one logged insert together).
function inspect(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      brokenReferences: (db.pragma('foreign_key_check') as unknown[]).length,
      mentions: new Map(
        (db.prepare('SELECT id, start FROM mentions').all() as { id: number; start: number }[]).map((r) => [r.id, r.start]),
      ),
      actions: db.prepare('SELECT count(*) FROM actions').pluck().get() as number,
      loggedInserts: db
        .prepare("SELECT count(*) FROM changes WHERE table_name = 'mentions' AND before IS NULL")
        .pluck()
        .get() as number,
    };
  } finally {
    db.close();
  }
}

describe('backups and restore', () => {
  test('rotation keeps the newest automatic copies and never the others', async (t) => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    versionZeroFile(file).close();
    const project = await Project.open(file); // upgraded: a pre-migration copy beside it
    const keep = 3;
    let clock = Date.parse('2025-01-01T00:00:00.000Z');
    const backups = new ProjectBackups(file, { intervalMs: NO_TIMER.intervalMs, keep }, () => {}, () => new Date((clock += 60_000)));
    backups.start();
    await backups.idle();
    await backups.take('manual');
    await backups.take('pre-restore');
    const rounds = scaled(6);
    const doc = project.documents.add({ text: 'Rockets hit the base at dawn.', title: 'Dawn' }).id;
    const taken: BackupInfo[] = [];
    for (let n = 0; n < rounds; n++) {
      project.documents.setNote(doc, `round ${n}`);
      taken.push((await backups.backUpIfChanged())!);
    }
    backups.stop();
    project.close();

    const left = await new ProjectBackups(file, NO_TIMER, () => {}).list();
    const automatic = left.filter((b) => b.reason === 'open' || b.reason === 'interval');
    assert.deepEqual(
      automatic.map((b) => b.file),
      taken.slice(-keep).reverse().map((b) => b.file),
      'the newest three automatic copies',
    );
    assert.deepEqual(left.filter((b) => !automatic.includes(b)).map((b) => b.reason).sort(), [
      'manual',
      'pre-migration',
      'pre-restore',
    ]);
    reportFigure(t, `rotation: ${rounds + 1} automatic backups taken, ${automatic.length} kept (keep ${keep})`);
  });

  test('a backup taken while another process writes is a whole snapshot', async (t) => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    // Enough pages that a copy takes many event-loop turns, with writes landing in between.
    const seed = await Project.create(file, { sample: true });
    seed.db.transaction(() => {
      for (let n = 0; n < 2_000; n++) {
        seed.documents.add({ title: `Report ${n}`, text: `Report ${n}. ${'Shelling was heard near the river crossing. '.repeat(40)}` });
      }
    })();
    seed.close();

    // Two writers: another process, writing as fast as it can, and another connection in
    // this process that commits once every event-loop turn — between every two batches of
    // pages the copy takes, so each copy certainly has commits landing while it runs.
    const { child, acked, writesSeen } = startWriter(file);
    const other = await Project.open(file);
    const backups = new ProjectBackups(file, NO_TIMER, () => {});
    try {
      await writesSeen(20);
      const rounds = scaled(3);
      let during = 0;
      for (let round = 0; round < rounds; round++) {
        const before = new Map(acked);
        const copying = backups.take('manual');
        let done = false;
        const finish = () => (done = true);
        copying.then(finish, finish);
        let turns = 0;
        while (!done) {
          other.mentions.create({ documentId: 1, start: turns % 100, end: (turns % 100) + 2, typeId: 2 });
          turns++;
          await new Promise((resolve) => setImmediate(resolve));
        }
        const backup = await copying;
        assert.ok(turns > 1, 'the copy ran over several event-loop turns, with commits in between');
        during += turns + acked.size - before.size;
        const found = inspect(backup.file);
        assert.equal(found.integrity, 'ok', backup.file);
        assert.equal(found.brokenReferences, 0);
        // One state, not pages of two: each commit's three rows are all there or all absent.
        assert.equal(found.loggedInserts, found.mentions.size);
        assert.equal(found.actions, found.mentions.size);
        assert.equal(backup.mentions, found.mentions.size);
        // Every write acknowledged before the copy began is in it.
        for (const [id, start] of before) assert.equal(found.mentions.get(id), start, `mention ${id}`);
      }
      reportFigure(t, `backups under concurrent writes: ${rounds} copies, each whole, ${during} commits landed while they ran`);
    } finally {
      backups.stop();
      other.close();
      child.kill('SIGKILL');
    }
  });

  test('a restore gives back exactly what was backed up, and is undone by the pre-restore copy', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't', backupPolicy: NO_TIMER });
    const changed: string[] = [];
    workspace.onEvent((m) => m.name === 'project.changed' && changed.push(m.payload?.path ?? 'closed'));
    await workspace.createProject(file, true);
    const project = workspace.requireProject();
    const ids = labelIds(project);
    const text = project.documents.get(1).text;
    const fac = project.mentions.create({ documentId: 1, ...spanOf(text, 'the US embassy in Baghdad'), typeId: ids.entity('FAC') });
    const attack = project.events.create({ documentId: 1, typeId: ids.event('Conflict.Attack'), trigger: spanOf(text, 'fired') });
    project.arguments.create({ eventId: attack.event.id, roleId: ids.role('Conflict.Attack', 'Target'), target: { mentionId: fac.id } });
    project.documents.setStatus(1, 'in_progress');
    const backup = valueOf(await call(workspace, 'backups.create', {}));
    const backedUp = dumpDatabase(project.db);

    // Work after the backup: more annotations, a deletion, a schema change, an undo.
    project.mentions.create({ documentId: 1, ...spanOf(text, 'rockets'), typeId: ids.entity('WEA') });
    project.events.delete(attack.event.id);
    project.schema.saveEntityType({ name: 'NORP', color: '#123456', hotkey: null });
    project.documents.setNote(1, 'checked twice');
    const undone = project.history.undo(1);
    assert.ok(undone);
    const later = dumpDatabase(project.db);
    assert.notDeepEqual(later, backedUp);

    changed.length = 0;
    const info = valueOf(await call(workspace, 'backups.restore', { file: backup.file }));
    assert.equal(info.path, file);
    assert.deepEqual(changed, [file], 'the UI is told the project was reopened');
    assert.deepEqual(dumpDatabase(workspace.requireProject().db), backedUp);

    const safety = valueOf(await call(workspace, 'backups.list', {})).find((b) => b.reason === 'pre-restore');
    assert.ok(safety, 'the state the restore replaced was backed up first');
    valueOf(await call(workspace, 'backups.restore', { file: safety.file }));
    assert.deepEqual(dumpDatabase(workspace.requireProject().db), later);
    // The change log came back with it: undo and redo carry on where they were.
    assert.equal(workspace.requireProject().history.redo(1)?.label, undone.label);
    workspace.close();
    assert.deepEqual(fs.readdirSync(dir).filter((f) => /-(wal|shm)$|\.restoring$/.test(f)), []);
  });

  test('a damaged or truncated backup is refused and the project left as it was', async (t) => {
    const dir = tempDir();
    const file = path.join(dir, 'p.spanlab');
    const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 't', backupPolicy: NO_TIMER });
    await workspace.createProject(file, true);
    const project = workspace.requireProject();
    project.db.transaction(() => {
      for (let n = 0; n < 200; n++) project.documents.add({ title: `Note ${n}`, text: `Field note ${n}: ${'convoy sighted '.repeat(30)}` });
    })();
    const damage: Record<string, (bytes: Buffer) => Buffer> = {
      'truncated to half': (bytes) => bytes.subarray(0, bytes.length >> 1),
      'cut after the header page': (bytes) => bytes.subarray(0, 4096),
      'pages overwritten mid-file': (bytes) => {
        const copy = Buffer.from(bytes);
        copy.fill(0xa5, 4096 * 8, 4096 * 12);
        return copy;
      },
      'not a database at all': () => Buffer.from('a backup file that is not one'.repeat(200)),
    };
    let refused = 0;
    for (const [how, spoil] of Object.entries(damage)) {
      const backup = valueOf(await call(workspace, 'backups.create', {}));
      fs.writeFileSync(backup.file, spoil(fs.readFileSync(backup.file)));
      project.mentions.create({ documentId: 1, start: 0, end: 6, typeId: 1 });
      const before = dumpDatabase(workspace.requireProject().db);
      const filesBefore = fs.readdirSync(path.join(dir, 'p.backups')).sort();

      const result = await call(workspace, 'backups.restore', { file: backup.file });
      assert.equal(result.ok, false, how);
      assert.equal(!result.ok && result.error.code, 'incompatible_project', how);
      assert.match(
        !result.ok ? result.error.message : '',
        new RegExp(`^The backup ${path.basename(backup.file).replace(/\./g, '\\.')} cannot be restored: .+\\. The project was not changed\\.$`),
        how,
      );
      assert.equal(workspace.requireProject(), project, `${how}: the project stayed open`);
      assert.deepEqual(dumpDatabase(project.db), before, how);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'p.backups')).sort(), filesBefore, `${how}: no pre-restore copy either`);
      refused++;
    }
    workspace.close();
    reportFigure(t, `damaged backups refused: ${refused} of ${Object.keys(damage).length}`);
  });
});

/// Starts test/support/mentionWriter.ts on the project: it adds mentions as fast as it can
/// and prints `ack <id> <start>` after each commit.
function startWriter(file: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', writer, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked = new Map<number, number>();
  const waiting = new Set<() => void>();
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const match = /^ack (\d+) (\d+)$/.exec(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      if (match) acked.set(Number(match[1]), Number(match[2]));
    }
    for (const wake of waiting) wake();
  });
  const writesSeen = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (acked.size >= count) {
          waiting.delete(check);
          resolve();
        }
      };
      waiting.add(check);
      child.once('exit', (code) => reject(new Error(`the writer exited (${code}): ${stderr.slice(0, 2000)}`)));
      check();
    });
  return { child, acked, writesSeen };
}
