// Who may talk to the serve-mode API: only this machine, only under a loopback name,
// only from our own origin, only with the per-run token — checked before any routing.

import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import type { ServeFixture } from '../../support/serveFixture';
import { rawRequest, serveWorkspace } from '../../support/serveFixture';

describe('serve mode access', () => {
  let served: ServeFixture;
  before(async () => {
    served = await serveWorkspace();
  });
  after(async () => {
    await served.stop();
  });

  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    rawRequest(served.server.port, {
      path,
      method: 'POST',
      headers: { Host: `127.0.0.1:${served.server.port}`, 'Content-Type': 'application/json', ...headers },
      body,
    });

  test('binds to 127.0.0.1 only', async () => {
    assert.equal(served.server.address.address, '127.0.0.1');
    assert.equal(served.server.address.family, 'IPv4');
    assert.match(served.server.url, new RegExp(`^http://127\\.0\\.0\\.1:${served.server.port}/#token=[A-Za-z0-9_-]{43}$`));
    // Any non-loopback address of this machine must refuse the connection.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4');
    for (const host of ['::1', ...(external ? [external.address] : [])]) {
      await assert.rejects(connect(host, served.server.port), `reachable on ${host}`);
    }
  });

  test('a call without the token is refused with 401', async () => {
    const response = await fetch(`${served.origin}/api/project.current`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 401);
    const body = (await response.json()) as { ok: boolean; error: { code: string } };
    assert.equal(body.ok, false);
    assert.equal(body.error.code, 'invalid_input');
  });

  test('a call with a wrong token is refused with 401', async () => {
    const wrong = served.server.token.slice(0, -1) + (served.server.token.endsWith('A') ? 'B' : 'A');
    for (const authorization of [`Bearer ${wrong}`, `Bearer ${served.server.token}x`, 'Bearer', served.server.token]) {
      const response = await post('/api/project.current', { Authorization: authorization });
      assert.equal(response.status, 401, authorization);
    }
  });

  test('an unknown API path without the token is 401, not 404', async () => {
    assert.equal((await post('/api/foo', {})).status, 401);
    assert.equal((await rawRequest(served.server.port, { path: '/api/foo' })).status, 401);
    assert.equal((await post('/api/foo', { Authorization: `Bearer ${served.server.token}` })).status, 404);
  });

  test('the token in the query is accepted only on the event stream', async () => {
    const response = await post(`/api/project.current?token=${served.server.token}`, {});
    assert.equal(response.status, 401);
  });

  test('a foreign Host is refused even with the right token (DNS rebinding)', async () => {
    const auth = { Authorization: `Bearer ${served.server.token}` };
    for (const host of ['evil.example', `evil.example:${served.server.port}`, `127.0.0.1:${served.server.port + 1}`]) {
      const response = await post('/api/project.current', { ...auth, Host: host });
      assert.ok([403, 421].includes(response.status), `${host}: ${response.status}`);
      assert.doesNotMatch(response.body, /"ok":true/);
    }
    const page = await rawRequest(served.server.port, { path: '/', headers: { Host: 'evil.example' } });
    assert.ok([403, 421].includes(page.status));
    assert.doesNotMatch(page.body, /<title>Spanlab/);
  });

  test('localhost is as good as 127.0.0.1', async () => {
    const response = await post('/api/project.current', {
      Authorization: `Bearer ${served.server.token}`,
      Host: `localhost:${served.server.port}`,
      Origin: `http://localhost:${served.server.port}`,
    });
    assert.equal(response.status, 200);
  });

  test('a foreign Origin is refused even with the right token', async () => {
    const auth = { Authorization: `Bearer ${served.server.token}` };
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${served.server.port}`]) {
      const response = await post('/api/project.current', { ...auth, Origin: origin });
      assert.equal(response.status, 403, origin);
    }
    const sameOrigin = await post('/api/project.current', { ...auth, Origin: served.origin });
    assert.equal(sameOrigin.status, 200);
  });

  test('the right token gets a CallResult, uncached and under the CSP', async () => {
    const response = await fetch(`${served.origin}/api/project.current`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.server.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, value: null });
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
  });

  test('refusals carry the security headers too', async () => {
    const response = await post('/api/project.current', {});
    assert.equal(response.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
  });

  test('each run has its own token', async () => {
    const other = await serveWorkspace();
    try {
      assert.notEqual(other.server.token, served.server.token);
      const response = await post('/api/project.current', { Authorization: `Bearer ${other.server.token}` });
      assert.equal(response.status, 401);
    } finally {
      await other.stop();
    }
  });
});

function connect(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error('timeout'));
    });
    socket.once('error', reject);
  });
}
