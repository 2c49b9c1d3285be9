// Contract calls over HTTP: errors are CallResult values exactly as over IPC; only a
// request that never reaches dispatch gets an HTTP error status (still a CallResult).

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ServeFixture } from '../../support/serveFixture';
import { serveWorkspace } from '../../support/serveFixture';

describe('serve mode calls', () => {
  let served: ServeFixture;
  before(async () => {
    served = await serveWorkspace();
  });
  after(async () => {
    await served.stop();
  });

  const send = (name: string, init: { method?: string; contentType?: string; body?: string }) =>
    fetch(`${served.origin}/api/${name}`, {
      method: init.method ?? 'POST',
      headers: {
        Authorization: `Bearer ${served.server.token}`,
        ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });

  test('a project created through the API is then open and has the sample', async () => {
    const file = path.join(served.dir, 'created.spanlab');
    const created = await served.call('project.create', { path: file, sample: true });
    assert.equal(created.status, 200);
    assert.equal((created.body as { ok: boolean }).ok, true);

    const list = await served.call('documents.list', { offset: 0, limit: 10 });
    const page = list.body as { ok: true; value: { total: number } };
    assert.equal(page.ok, true);
    assert.ok(page.value.total >= 1);
  });

  test('invalid input is a 200 with an invalid_input error, not an HTTP error', async () => {
    const response = await served.call('documents.list', { offset: -1, limit: 10 });
    assert.equal(response.status, 200);
    const body = response.body as { ok: false; error: { code: string; path?: string } };
    assert.equal(body.ok, false);
    assert.equal(body.error.code, 'invalid_input');
    assert.equal(body.error.path, 'offset');
  });

  test('malformed JSON is a 400 with a typed invalid_input error', async () => {
    const response = await send('project.current', { contentType: 'application/json', body: '{"oops":' });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { ok: false; error: { code: string; message: string } };
    assert.equal(body.ok, false);
    assert.equal(body.error.code, 'invalid_input');
    assert.match(body.error.message, /not valid JSON/);
  });

  test('an empty JSON body means no input', async () => {
    const response = await send('project.current', { contentType: 'application/json; charset=utf-8' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { ok: boolean }).ok, true);
  });

  test('a body that is not declared as JSON is refused with 415', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const response = await send('project.current', { ...(contentType ? { contentType } : {}), body: '{}' });
      assert.equal(response.status, 415, String(contentType));
    }
  });

  test('an unknown call is a 404 with a CallResult error', async () => {
    const response = await send('project.destroy', { contentType: 'application/json', body: '{}' });
    assert.equal(response.status, 404);
    const body = (await response.json()) as { ok: false; error: { code: string } };
    assert.equal(body.ok, false);
    assert.equal(body.error.code, 'invalid_input');
  });

  test('a call sent with GET is a 405', async () => {
    const response = await send('project.current', { method: 'GET' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });
});
