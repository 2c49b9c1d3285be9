import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Project } from '../../../main/services/project';

const writer = path.resolve(import.meta.dirname, '../../support/annotationWriter.ts');

test('a project killed mid-stream of annotation writes keeps every acknowledged write', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlab-crash-'));
  const projectPath = path.join(dir, 'crash.spanlab');
  (await Project.create(projectPath, { sample: true })).close();

  // Kill at a different moment in each round; acknowledgements are collected until the kill.
  for (const killAfter of [7, 60, 230]) {
    const acked = await runAndKill(projectPath, path.join(dir, 'settings'), killAfter);
    assert.ok(acked.size >= killAfter, `writer acknowledged ${acked.size} writes before the kill`);

    const db = new Database(projectPath, { readonly: true });
    try {
      assert.deepEqual(db.pragma('integrity_check', { simple: false }), [{ integrity_check: 'ok' }]);
      const stored = new Map(
        (db.prepare('SELECT id, start FROM mentions').all() as { id: number; start: number }[]).map((r) => [
          r.id,
          r.start,
        ]),
      );
      for (const [id, start] of acked) assert.equal(stored.get(id), start, `acknowledged mention ${id} survived`);
    } finally {
      db.close();
    }
  }
});

function runAndKill(projectPath: string, settingsDir: string, killAfter: number): Promise<Map<number, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, projectPath, settingsDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<number, number>();
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const match = /^ack (\d+) (\d+)$/.exec(line);
        if (match) acked.set(Number(match[1]), Number(match[2]));
        if (acked.size === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited on its own before the kill: ${stderr.slice(0, 2000)}`));
    });
  });
}
