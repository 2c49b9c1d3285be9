// A large upload is refused without being received. Whether the request is over the limit
// (413) or refused before its body matters (no token, 401), the server answers and closes
// the connection: a client still sending finds it shut long before its last byte, so a
// local page cannot make the server swallow gigabytes.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { MAX_BODY_BYTES } from '../../../main/serve/apiCall';
import type { ServeFixture } from '../../support/serveFixture';
import { serveWorkspace } from '../../support/serveFixture';

const MB = 1024 * 1024;
/** What the client would send if nobody stopped it: four times the limit. */
const ATTEMPTED = 4 * MAX_BODY_BYTES;

describe('serve mode oversized bodies', () => {
  let served: ServeFixture;
  before(async () => {
    served = await serveWorkspace();
  });
  after(async () => {
    await served.stop();
  });

  const head = (headers: string[]) =>
    [
      'POST /api/project.current HTTP/1.1',
      `Host: 127.0.0.1:${served.server.port}`,
      'Content-Type: application/json',
      ...headers,
      '',
      '',
    ].join('\r\n');

  test('a declared Content-Length over the limit is a 413, answered before the body', async () => {
    const result = await upload(served.server.port, {
      head: head([`Authorization: Bearer ${served.server.token}`, `Content-Length: ${ATTEMPTED}`]),
      chunked: false,
    });
    assert.match(result.response, /^HTTP\/1\.1 413 /);
    assert.match(result.response, /The request is larger than 16 MB/);
    assert.ok(result.sent < ATTEMPTED, `the server read all ${result.sent} bytes`);
  });

  test('a chunked body that grows past the limit is cut off with a 413', async () => {
    const result = await upload(served.server.port, {
      head: head([`Authorization: Bearer ${served.server.token}`, 'Transfer-Encoding: chunked']),
      chunked: true,
    });
    assert.match(result.response, /^HTTP\/1\.1 413 /);
    assert.ok(result.sent < ATTEMPTED, `the server read all ${result.sent} bytes`);
  });

  test('a request refused for its token is not read to its end either', async () => {
    const result = await upload(served.server.port, {
      head: head([`Content-Length: ${ATTEMPTED}`]),
      chunked: false,
    });
    assert.match(result.response, /^HTTP\/1\.1 401 /);
    assert.match(result.response, /\r\nConnection: close\r\n/i);
    assert.ok(result.sent < ATTEMPTED, `the server read all ${result.sent} bytes`);
  });

  test('a body of exactly the limit is still read and answered', async () => {
    const body = `{}${' '.repeat(MAX_BODY_BYTES - 2)}`;
    const response = await fetch(`${served.origin}/api/project.current`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${served.server.token}`, 'Content-Type': 'application/json' },
      body,
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true, value: null });
  });
});

interface Upload {
  /** Everything the server sent back. */
  response: string;
  /** Body bytes the client managed to send before the connection closed. */
  sent: number;
}

// Sends `head`, then body bytes in 1 MB pieces until ATTEMPTED bytes are out or the
// server closes the connection, and resolves once it is closed.
function upload(port: number, options: { head: string; chunked: boolean }): Promise<Upload> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const piece = Buffer.alloc(MB, 0x20);
    let response = '';
    let sent = 0;
    socket.on('data', (data: Buffer) => (response += data.toString('latin1')));
    // EPIPE or ECONNRESET: the server shut the connection while we were still sending.
    socket.on('error', () => {});
    socket.on('close', () => resolve({ response, sent }));
    const pump = () => {
      while (!socket.destroyed && sent < ATTEMPTED) {
        const framed = options.chunked ? [Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')] : [piece];
        sent += piece.length;
        if (!socket.write(Buffer.concat(framed))) {
          socket.once('drain', pump);
          return;
        }
      }
      if (!socket.destroyed && options.chunked) socket.write('0\r\n\r\n');
    };
    socket.once('connect', () => {
      socket.write(options.head);
      pump();
    });
  });
}
