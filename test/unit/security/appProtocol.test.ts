// The app:// handler serves the built UI and nothing else, with the CSP on every answer.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAppProtocolHandler } from '../../../main/electron/appProtocol';
import { resolveUiFile } from '../../../main/ui/uiAssets';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';

let sandbox: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

before(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'spanlab-app-'));
  root = path.join(sandbox, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Spanlab</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  // A file beside the UI that no request may reach.
  await writeFile(path.join(sandbox, 'secret.txt'), 'secret');
  handle = createAppProtocolHandler(root);
});

after(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

test('serves the UI entry with its type and the Content-Security-Policy', async () => {
  const res = await get('app://spanlab/index.html');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await res.text(), /<title>Spanlab/);
});

test('serves a built asset as JavaScript', async () => {
  const res = await get('app://spanlab/assets/index-abc.js');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
});

test('the bare origin serves index.html', async () => {
  const res = await get('app://spanlab/');
  assert.equal(res.status, 200);
});

test('refuses encoded traversal out of the UI directory', async () => {
  for (const url of [
    'app://spanlab/..%2fsecret.txt',
    'app://spanlab/%2e%2e%2fsecret.txt',
    'app://spanlab/assets/..%2f..%2fsecret.txt',
    'app://spanlab/..%5csecret.txt',
    'app://spanlab/index.html%00.js',
  ]) {
    const res = await get(url);
    assert.ok(res.status === 403 || res.status === 404, `${url} answered ${res.status}`);
    assert.doesNotMatch(await res.text(), /secret$/);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, url);
  }
});

test('literal dot segments cannot climb out either', async () => {
  // The URL parser folds these before the handler sees them; the answer is still a miss.
  const res = await get('app://spanlab/../../secret.txt');
  assert.equal(res.status, 404);
});

test('refuses other hosts of the scheme and methods other than GET and HEAD', async () => {
  assert.equal((await get('app://other/index.html')).status, 404);
  assert.equal((await get('app://spanlab/index.html', 'POST')).status, 405);
  const head = await get('app://spanlab/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test('a missing file is a 404, not an error', async () => {
  assert.equal((await get('app://spanlab/nope.js')).status, 404);
  assert.equal((await get('app://spanlab/assets')).status, 404);
});

test('resolveUiFile keeps every answer inside the root', () => {
  const base = path.resolve('/srv/ui');
  assert.equal(resolveUiFile(base, '/index.html'), path.join(base, 'index.html'));
  assert.equal(resolveUiFile(base, '/'), path.join(base, 'index.html'));
  assert.equal(resolveUiFile(base, '/%2e%2e/x'), null);
  assert.equal(resolveUiFile(base, '/a/%2E%2E%2F%2E%2E%2Fx'), null);
  assert.equal(resolveUiFile(base, '/C:%5cWindows'), null);
  assert.equal(resolveUiFile(base, '/%E0%A4%A'), null, 'malformed escape');
});
