// Who may talk to the serve-mode API: only this machine, only under a loopback name,
// only from our own origin, only with the per-run token — checked before any routing.

import assert from 'node:assert/strict';
import net from 'node:net';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import { startServer } from '../../../main/serve/server';
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
    // Not even the rest of the loopback range or IPv6 loopback: only the one address.
    for (const host of ['::1', '127.0.0.2']) {
      await assert.rejects(connect(host, served.server.port), `reachable on ${host}`);
    }
    await connect('127.0.0.1', served.server.port);
  });

  test("is not reachable on this machine's network addresses", async (t) => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4')
      .map((entry) => entry!.address);
    if (external.length === 0) {
      t.skip('this machine has no non-loopback IPv4 address to try');
      return;
    }
    // The control: a socket bound to every interface is reachable on these addresses, so
    // a refusal below is the server's binding, not a firewall or a dead interface.
    const everywhere = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => everywhere.listen(0, '0.0.0.0', resolve));
    try {
      for (const host of external) {
        await connect(host, (everywhere.address() as net.AddressInfo).port);
        await assert.rejects(connect(host, served.server.port), { code: 'ECONNREFUSED' }, `reachable on ${host}`);
      }
    } finally {
      await new Promise((resolve) => everywhere.close(resolve));
    }
  });

  test('refuses at run time to listen anywhere but 127.0.0.1', async () => {
    for (const host of ['0.0.0.0', '::', 'localhost']) {
      await assert.rejects(
        startServer({ workspace: served.workspace, port: 0, host: host as '127.0.0.1', staticDir: served.staticDir }),
        /127\.0\.0\.1 only/,
      );
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
    for (const target of [
      `/api/project.current?token=${served.server.token}`,
      `/api/project.current?x=1&token=${served.server.token}`,
      `/api/events/../project.current?token=${served.server.token}`,
    ]) {
      const response = await post(target, {});
      assert.equal(response.status, 401, target);
    }
  });

  test('the event stream refuses a missing or wrong token, in the query or the header', async () => {
    const host = { Host: `127.0.0.1:${served.server.port}` };
    const wrong = served.server.token.slice(0, -1) + (served.server.token.endsWith('A') ? 'B' : 'A');
    for (const [target, headers] of [
      ['/api/events', host],
      [`/api/events?token=${wrong}`, host],
      ['/api/events?token=', host],
      ['/api/events', { ...host, Authorization: `Bearer ${wrong}` }],
      [`/api/events?token=${wrong}`, { ...host, Authorization: 'Bearer ' }],
    ] as const) {
      const response = await rawRequest(served.server.port, { path: target, headers });
      assert.equal(response.status, 401, `${target} ${JSON.stringify(headers)}`);
      assert.doesNotMatch(response.headers['content-type'] ?? '', /event-stream/);
    }
  });

  test('a foreign Host is refused even with the right token (DNS rebinding)', async () => {
    const auth = { Authorization: `Bearer ${served.server.token}` };
    const port = served.server.port;
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      // A rebinding domain that resolves to 127.0.0.1 still names itself in Host.
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      // Loopback, but another port: a page on another local server.
      `127.0.0.1:${port + 1}`,
      `localhost:${port + 1}`,
      '127.0.0.1',
      'localhost',
      `[::1]:${port}`,
      `localhost.:${port}`,
      `127.0.0.1:${port}@evil.example`,
    ]) {
      const response = await post('/api/project.current', { ...auth, Host: host });
      assert.equal(response.status, 421, `${JSON.stringify(host)}: ${response.status}`);
      assert.doesNotMatch(response.body, /"ok":true/);
    }
    const page = await rawRequest(port, { path: '/', headers: { Host: 'evil.example' } });
    assert.equal(page.status, 421);
    assert.doesNotMatch(page.body, /<title>Spanlab/);
    const events = await rawRequest(port, { path: `/api/events?token=${served.server.token}`, headers: { Host: `evil.example:${port}` } });
    assert.equal(events.status, 421);
  });

  test('a request with no Host, or an empty one, is refused', async () => {
    for (const request of ['GET / HTTP/1.0\r\n\r\n', 'GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n']) {
      const answer = await exchange(served.server.port, request);
      assert.match(answer, /^HTTP\/1\.1 421 /, JSON.stringify(request));
      assert.doesNotMatch(answer, /<title>Spanlab/);
    }
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
    const port = served.server.port;
    for (const origin of [
      'http://evil.example',
      'null',
      `https://127.0.0.1:${port}`,
      // A page served by another program on this machine, on another port.
      `http://127.0.0.1:${port + 1}`,
      `http://localhost:${port + 1}`,
      'http://127.0.0.1',
      `http://127.0.0.1:${port}.evil.example`,
      `http://evil.example:${port}`,
      '',
    ]) {
      const response = await post('/api/project.current', { ...auth, Origin: origin });
      assert.equal(response.status, 403, JSON.stringify(origin));
      assert.doesNotMatch(response.body, /"ok":true/);
    }
    const sameOrigin = await post('/api/project.current', { ...auth, Origin: served.origin });
    assert.equal(sameOrigin.status, 200);
    // The event stream too: EventSource sends Origin on a cross-origin request.
    const events = await rawRequest(port, {
      path: `/api/events?token=${served.server.token}`,
      headers: { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port + 1}` },
    });
    assert.equal(events.status, 403);
  });

  test('a CORS preflight grants nothing', async () => {
    const port = served.server.port;
    const preflight = (headers: Record<string, string>) =>
      rawRequest(port, {
        path: '/api/project.current',
        method: 'OPTIONS',
        headers: {
          Host: `127.0.0.1:${port}`,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type',
          ...headers,
        },
      });
    const foreign = await preflight({ Origin: 'http://evil.example' });
    assert.equal(foreign.status, 403);
    const otherPort = await preflight({ Origin: `http://127.0.0.1:${port + 1}` });
    assert.equal(otherPort.status, 403);
    // Even same-origin with the token, OPTIONS is not a call.
    const own = await preflight({ Origin: served.origin, Authorization: `Bearer ${served.server.token}` });
    assert.equal(own.status, 405);
    const ok = await post('/api/project.current', { Authorization: `Bearer ${served.server.token}`, Origin: served.origin });
    assert.equal(ok.status, 200);
    for (const response of [foreign, otherPort, own, ok]) {
      const granted = Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));
      assert.deepEqual(granted, [], 'no Access-Control-* header, so a browser lets no other origin read or send');
    }
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

// Sends `request` as raw bytes and resolves to everything the server answers.
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('data', (data: Buffer) => (answer += data.toString('utf8')));
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
    socket.write(request);
  });
}
