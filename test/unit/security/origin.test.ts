// The shell's trust decisions all reduce to these URL checks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_ENTRY_URL, isAppUrl, isExternalWebUrl, isLocalRequestUrl } from '../../../main/electron/origin';

test('only app://spanlab counts as the UI', () => {
  assert.ok(isAppUrl(APP_ENTRY_URL));
  assert.ok(isAppUrl('app://spanlab/assets/index.js'));
  for (const url of [
    'app://spanlab.evil/index.html',
    'app://spanlab@evil/index.html',
    'app://evil/index.html',
    'https://spanlab/index.html',
    'file:///index.html',
    'about:blank',
    'not a url',
  ]) {
    assert.equal(isAppUrl(url), false, url);
  }
});

test('links handed to the system browser are plain http(s) without credentials', () => {
  assert.ok(isExternalWebUrl('https://www.reuters.com/world/'));
  assert.ok(isExternalWebUrl('http://example.org'));
  for (const url of [
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'ms-msdt:/id',
    'https://user:pw@example.org/',
    `https://example.org/${'a'.repeat(3000)}`,
    'app://spanlab/index.html',
  ]) {
    assert.equal(isExternalWebUrl(url), false, url);
  }
});

test('the session may only request local content', () => {
  for (const url of ['app://spanlab/index.html', 'data:image/png;base64,AAAA', 'blob:app://spanlab/1234', 'devtools://devtools/bundled/x.html']) {
    assert.ok(isLocalRequestUrl(url), url);
  }
  for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'ws://localhost/', 'file:///etc/hosts', 'app://other/x', 'ftp://x/']) {
    assert.equal(isLocalRequestUrl(url), false, url);
  }
});
