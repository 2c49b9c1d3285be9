// `spanlab serve` end to end: it prints one URL line, the URL answers with the token, and
// SIGTERM stops it cleanly.

import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { finished, startSpanlab } from '../../support/spanlabProcess';

describe('spanlab serve', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlab-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('serves a new project on a random port until SIGTERM', async () => {
    const file = path.join(dir, 'served.spanlab');
    const child = startSpanlab(['serve', '--project', file, '--port', '0'], path.join(dir, 'settings'));
    const done = finished(child);
    try {
      const line = await lineMatching(child, /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/, 15_000);
      const url = new URL(/http:\/\/\S+/.exec(line)![0]);
      const token = url.hash.slice('#token='.length);
      assert.ok(existsSync(file), 'the missing project was created');

      const page = await fetch(new URL('/', url));
      assert.ok(page.status === 200 || page.status === 503, `GET / answered ${page.status}`);

      const current = await fetch(new URL('/api/project.current', url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const body = (await current.json()) as { ok: true; value: { path: string; documentCount: number } };
      assert.equal(body.ok, true);
      assert.equal(body.value.path, file);
      assert.ok(body.value.documentCount >= 1, 'created with the sample');
    } finally {
      child.kill('SIGTERM');
    }
    const result = await done;
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.split('\n').filter((text) => text.includes('http://')).length, 1);
    assert.match(result.stdout, /Created .*served\.spanlab/);
    assert.doesNotMatch(result.stderr, /^\s+at /m);
  });

  test('a port in use is a one-line failure', async () => {
    const first = startSpanlab(['serve', '--port', '0'], path.join(dir, 'settings'));
    const firstDone = finished(first);
    try {
      const line = await lineMatching(first, /http:\/\/127\.0\.0\.1:(\d+)\//, 15_000);
      const port = /:(\d+)\//.exec(line)![1]!;
      const second = await finished(startSpanlab(['serve', '--port', port], path.join(dir, 'settings')));
      assert.equal(second.code, 1);
      assert.match(second.stderr, /already in use/);
      assert.doesNotMatch(second.stderr, /^\s+at /m);
    } finally {
      first.kill('SIGTERM');
    }
    assert.equal((await firstDone).code, 0);
  });
});

// Resolves with the first stdout line matching `pattern`, or rejects after `ms`.
function lineMatching(child: ChildProcessWithoutNullStreams, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${ms} ms; got: ${seen}`)), ms);
    child.stdout.on('data', (chunk: Buffer | string) => {
      seen += chunk.toString();
      const line = seen.split('\n').find((text) => pattern.test(text));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('close', () => {
      clearTimeout(timer);
      reject(new Error(`exited before printing a line matching ${pattern}: ${seen}`));
    });
  });
}
