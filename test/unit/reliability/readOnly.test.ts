// A project where it cannot be written — a read-only disk (a tmpfs remounted read-only),
// or a read-only file in a read-only folder (permissions; as root the process that meets
// them runs as `nobody`, since permissions do not stop root) — is refused on opening with
// a `read_only` error naming the file, rather than opened for reading and failing at the
// first edit; `spanlab import` says the same, an export into a read-only folder says so
// too, and the project is untouched.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Project } from '../../../main/services/project';
import { readOnlyPlaces, sharedDir } from '../../support/diskTrouble';
import { dumpDatabase } from '../../support/projectFixture';
import { reopenSound } from '../../support/projectSoundness';
import { runSpanlab } from '../../support/spanlabProcess';
import { reportFigure } from '../../support/tortureScale';
import { WorkspaceProcess } from '../../support/workspaceProcess';

test('a project on a read-only location is refused clearly, and left as it was', async (t) => {
  const places = readOnlyPlaces();
  if (places.length === 0) {
    t.skip('no way to make a read-only place here: mounting needs root, and as root a child cannot run as nobody (or nobody cannot read this checkout)');
    return;
  }
  for (const place of places) {
    await t.test(place.method, async (sub) => {
      const file = path.join(place.dir, 'readonly.spanlab');
      const project = await Project.create(file, { sample: true });
      const before = dumpDatabase(project.db);
      project.close();
      // A second, writable project to export from, into the read-only folder.
      const writable = path.join(sharedDir('writable'), 'other.spanlab');
      (await Project.create(writable, { sample: true })).close();
      fs.chmodSync(writable, 0o666);
      const settings = sharedDir('settings');

      place.begin();
      const seen: string[] = [];
      try {
        const window = await WorkspaceProcess.start(settings, place.limits);
        let opened;
        try {
          opened = await window.call('project.open', { path: file });
        } finally {
          await window.close();
        }
        assert.ok(!opened.ok, 'the project is not opened');
        assert.equal(opened.error.code, 'read_only', opened.error.message);
        assert.ok(opened.error.message.includes(file), opened.error.message);
        assert.match(opened.error.message, /cannot be written: the file, its folder or its disk is read-only.*not opened/s);
        seen.push(opened.error.message);

        const imported = await runSpanlab(['import', '--project', file, writable], settings, place.limits);
        assert.equal(imported.code, 1, imported.stdout);
        assert.match(imported.stderr, /read-only/);
        assert.ok(imported.stderr.includes(file), imported.stderr);
        seen.push(imported.stderr.trim().split('\n').at(-1)!);

        const out = path.join(place.dir, 'out.jsonl');
        const exported = await runSpanlab(['export', '--project', writable, '--format', 'spanlab-jsonl', '--out', out], settings, place.limits);
        assert.equal(exported.code, 1, exported.stdout);
        assert.match(exported.stderr, /^spanlab export: .*out\.jsonl cannot be written: .*read-only.*nothing was left under that name/);
        seen.push(exported.stderr.trim());
      } finally {
        place.end();
      }
      assert.ok(!fs.existsSync(path.join(place.dir, 'out.jsonl')));
      const reopened = await reopenSound(file, place.method);
      try {
        assert.deepEqual(dumpDatabase(reopened.db), before, 'the project is exactly as it was');
      } finally {
        reopened.close();
      }
      reportFigure(sub, `read-only (${place.method}): the analyst read: ${seen.map((m) => `"${m}"`).join(' / ')}`);
    });
  }
});
