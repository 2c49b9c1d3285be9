// The `spanlab` command line as a user meets it: help, version, and one-line failures
// with the right exit code.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { packageVersion } from '../../../cli/packageInfo';
import { runSpanlab } from '../../support/spanlabProcess';

describe('spanlab', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlab-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--help lists the commands and exits 0', async () => {
    for (const args of [['--help'], ['help'], ['-h']]) {
      const run = await runSpanlab(args, dir);
      assert.equal(run.code, 0, args.join(' '));
      for (const command of ['serve', 'stats', 'check']) assert.match(run.stdout, new RegExp(`^  ${command} `, 'm'));
    }
  });

  test('each command has its own --help', async () => {
    for (const command of ['serve', 'stats', 'check']) {
      const run = await runSpanlab([command, '--help'], dir);
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`^Usage: spanlab ${command}`));
      assert.deepEqual(await runSpanlab(['help', command], dir), run);
    }
  });

  test('--version prints the package version', async () => {
    const run = await runSpanlab(['--version'], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), packageVersion);
  });

  test('an unknown command is a usage error: one line, exit 2', async () => {
    const run = await runSpanlab(['frobnicate'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trim().split('\n').length, 1);
    assert.match(run.stderr, /unknown command "frobnicate"/);
  });

  test('no command, or an unknown option, is a usage error too', async () => {
    for (const args of [[], ['--frobnicate'], ['stats', '--frobnicate'], ['stats', 'extra'], ['serve', '--port', 'x']]) {
      const run = await runSpanlab(args, dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /^\s+at /m);
    }
  });
});
