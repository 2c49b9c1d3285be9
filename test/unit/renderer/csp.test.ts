import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';

const root = path.resolve(import.meta.dirname, '../../..');

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort();
}

test('the CSP meta tag of index.html is the CSP every response carries', () => {
  const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  assert.ok(meta, 'index.html has a CSP meta tag');
  // frame-ancestors is ignored in a meta tag (and warned about), so only the header has it.
  const expected = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'));
  assert.deepEqual(directives(meta[1]!), expected);
});

test('index.html has no inline script or style', () => {
  const html = readFileSync(path.join(root, 'renderer/index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /<style\b/);
  assert.doesNotMatch(html, /\sstyle=/);
});
