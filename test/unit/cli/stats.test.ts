// `spanlab stats` and `spanlab check` on real project files.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Project } from '../../../main/services/project';
import { runSpanlab } from '../../support/spanlabProcess';

describe('spanlab stats and check', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlab-'));
  const file = path.join(dir, 'sample.spanlab');
  before(async () => {
    (await Project.create(file, { sample: true })).close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('stats --json prints one object with the counts', async () => {
    const run = await runSpanlab(['stats', '--project', file, '--json'], dir);
    assert.equal(run.code, 0, run.stderr);
    const stats = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.ok((stats.documents as number) >= 1);
    for (const key of ['mentions', 'events', 'entities', 'relations']) assert.equal(typeof stats[key], 'number', key);
    assert.equal(typeof stats.perLabel, 'object');
    assert.deepEqual(Object.keys(stats.byStatus as object).sort(), ['done', 'in_progress', 'skipped', 'todo']);
  });

  test('stats without --json prints a table a person can read', async () => {
    const run = await runSpanlab(['stats', '--project', file], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Documents\s+[1-9]\d*$/m);
    assert.match(run.stdout, /^Mentions\s+\d+$/m);
    assert.match(run.stdout, /^ {2}in progress\s+\d+$/m);
  });

  test('stats on a missing file fails in one line, without creating it', async () => {
    const missing = path.join(dir, 'nonexistent', 'nothing.spanlab');
    for (const target of ['/nonexistent', missing]) {
      const run = await runSpanlab(['stats', '--project', target], dir);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /^\s+at /m);
      assert.match(run.stderr, /No project file/);
    }
    assert.equal(existsSync(missing), false);
  });

  test('check passes a sound project', async () => {
    const run = await runSpanlab(['check', '--project', file], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Integrity\s+ok$/m);
    assert.match(run.stdout, /^Schema version\s+\d+ \(current\)$/m);
  });

  test('check and stats refuse a file that is not a project, in one line', async () => {
    const notAProject = path.join(dir, 'notes.txt');
    writeFileSync(notAProject, 'These are not the tables you are looking for.\n'.repeat(200));
    for (const command of ['check', 'stats']) {
      const run = await runSpanlab([command, '--project', notAProject], dir);
      assert.equal(run.code, 1, `${command}: ${run.stdout}${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /^\s+at /m);
    }
  });
});
