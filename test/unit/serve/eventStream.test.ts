// Pushed events over server-sent events: the token travels in the query (EventSource
// cannot set headers), and each workspace event arrives as `event:` + `data:` lines.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ServeFixture } from '../../support/serveFixture';
import { rawRequest, serveWorkspace } from '../../support/serveFixture';

describe('serve mode events', () => {
  let served: ServeFixture;
  before(async () => {
    served = await serveWorkspace();
  });
  after(async () => {
    await served.stop();
  });

  test('the stream needs the token', async () => {
    const response = await rawRequest(served.server.port, {
      path: '/api/events',
      headers: { Host: `127.0.0.1:${served.server.port}` },
    });
    assert.equal(response.status, 401);
    const wrong = await rawRequest(served.server.port, {
      path: '/api/events?token=nope',
      headers: { Host: `127.0.0.1:${served.server.port}` },
    });
    assert.equal(wrong.status, 401);
  });

  test('a project opened through the API arrives as a project.changed event', async () => {
    const file = path.join(served.dir, 'events.spanlab');
    await served.call('project.create', { path: file, sample: false });

    const abort = new AbortController();
    const response = await fetch(`${served.origin}/api/events?token=${served.server.token}`, {
      signal: abort.signal,
    });
    try {
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(response.headers.get('cache-control'), 'no-store');

      const received = nextEvent(response, 'project.changed');
      const opened = await served.call('project.open', { path: file });
      assert.equal((opened.body as { ok: boolean }).ok, true);
      const event = await received;
      assert.equal((event as { path: string }).path, file);
    } finally {
      abort.abort();
    }
  });

  test('closing the server ends open streams instead of hanging', async () => {
    const other = await serveWorkspace();
    const response = await fetch(`${other.origin}/api/events?token=${other.server.token}`);
    assert.equal(response.status, 200);
    const reader = response.body!.getReader();
    await reader.read(); // the opening comment
    await other.stop();
    await assert.rejects(async () => {
      for (;;) if ((await reader.read()).done) throw new Error('ended');
    });
  });
});

// Reads the stream until an event of that name comes, and resolves to its parsed data.
async function nextEvent(response: Response, name: string): Promise<unknown> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const deadline = setTimeout(() => void reader.cancel(), 5_000);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before a ${name} event`);
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) !== -1) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const lines = message.split('\n');
        const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
        const data = lines.find((line) => line.startsWith('data: '))?.slice('data: '.length);
        if (event === name && data !== undefined) return JSON.parse(data);
      }
    }
  } finally {
    clearTimeout(deadline);
  }
}
