// The built UI as static files: right content types, the security headers, and never a
// byte from outside the static folder, however the path is spelled.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import type { ServeFixture } from '../../support/serveFixture';
import { SECRET, rawRequest, serveWorkspace } from '../../support/serveFixture';

describe('serve mode static files', () => {
  let served: ServeFixture;
  before(async () => {
    served = await serveWorkspace();
  });
  after(async () => {
    await served.stop();
  });

  const get = (path: string, method = 'GET') =>
    rawRequest(served.server.port, { path, method, headers: { Host: `127.0.0.1:${served.server.port}` } });

  test('/ is index.html, under the CSP', async () => {
    const response = await fetch(`${served.origin}/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.match(await response.text(), /<title>Spanlab<\/title>/);
  });

  test('assets get their content type; HEAD has no body', async () => {
    const script = await fetch(`${served.origin}/assets/app.js`);
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const head = await get('/assets/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  test('a missing file is a 404 and a directory is not listed', async () => {
    assert.equal((await get('/nothing.js')).status, 404);
    assert.equal((await get('/assets')).status, 404);
    assert.equal((await get('/assets/')).status, 404);
  });

  test('paths out of the static folder are refused, however encoded', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/secret.txt%00.js',
      '/%zz',
      // Raw backslashes, as a Windows path would spell them.
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      // Encoded twice: decoded once, it is a name with a literal '%' in it, nothing more.
      '/%252e%252e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '//..//secret.txt',
      '/.%2e/secret.txt',
      `/${'../'.repeat(12)}etc/passwd`,
      '/C:/Windows/win.ini',
      '/%2fetc%2fpasswd',
    ]) {
      const response = await get(path);
      assert.ok(response.status >= 400 && response.status < 500, `${path}: ${response.status}`);
      assert.ok(!response.body.includes(SECRET), path);
      assert.doesNotMatch(response.body, /root:/, path);
    }
  });

  test('only GET and HEAD', async () => {
    const response = await get('/', 'POST');
    assert.equal(response.status, 405);
  });

  test('an unbuilt UI answers / with a page that says how to build it', async () => {
    const unbuilt = await serveWorkspace({ built: false });
    try {
      const response = await fetch(`${unbuilt.origin}/`);
      assert.equal(response.status, 503);
      assert.match(await response.text(), /The UI is not built: run npm run build/);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    } finally {
      await unbuilt.stop();
    }
  });
});
