// Web pages: the article's text as headings and paragraphs, its facts as metadata, and
// nothing of the page's markup or code.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sliceCodePoints } from '../../../../core/codePoints';
import { readHtml } from '../../../../core/import/html';

const PAGE = `<!doctype html><html lang="en"><head>
<title>Rockets hit Green Zone - Example News</title>
<link rel="canonical" href="https://news.example/rockets">
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
<script>document.title = 'hacked'; fetch('https://evil.example/x')</script>
<style>p { color: red }</style></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Rockets hit Green Zone</h1><p class="byline">By Jane Doe</p>
<p>BAGHDAD — Three rockets struck near the embassy late on Tuesday, officials said.
<img src="https://evil.example/pixel.gif" onerror="alert(1)"></p>
<h2>Reaction</h2><p>The ministry condemned the attack and promised an investigation.</p>
<p>Police said two of the rockets fell in the river.<br>No one was hurt.</p></article>
<footer>Copyright 2024</footer></body></html>`;

test('the article text comes out as headings and paragraphs, with the page facts as metadata', () => {
  const { documents, errors } = readHtml(PAGE, 'rockets.html');
  assert.deepEqual(errors, []);
  const [document] = documents;
  assert.equal(document!.title, 'Rockets hit Green Zone');
  assert.equal(document!.source, 'https://news.example/rockets');
  assert.equal(document!.metadata.canonicalUrl, 'https://news.example/rockets');
  assert.equal(document!.metadata.publishedTime, '2024-05-01T10:00:00Z');
  assert.match(String(document!.metadata.byline), /Jane Doe/);
  const blocks = document!.blocks!.map((b) => [b.kind, sliceCodePoints(document!.text, b.start, b.end)]);
  assert.deepEqual(blocks[0], ['heading', 'Rockets hit Green Zone']);
  assert.ok(blocks.some(([kind, text]) => kind === 'heading' && text === 'Reaction'));
  assert.ok(blocks.some(([, text]) => text === 'Police said two of the rockets fell in the river.\nNo one was hurt.'));
});

test('no script, style, handler or navigation text reaches the document', () => {
  const [document] = readHtml(PAGE, 'rockets.html').documents;
  for (const leftOut of ['hacked', 'evil.example', 'alert', 'color: red', 'Home | World']) {
    assert.ok(!document!.text.includes(leftOut), `${leftOut} is not in the text`);
  }
  assert.ok(!document!.text.includes('<'), 'no markup');
});

test('a page without an article still gives its body text', () => {
  const [document] = readHtml('<p>Just one line of text.</p>', 'bare.htm').documents;
  assert.equal(document!.text, 'Just one line of text.');
  assert.equal(document!.title, 'bare');
});

// Found by the fuzz tests (test/unit/reliability/readerFuzz.test.ts). A page cut off in its
// <html> tag has no root element, which linkedom's `body` threw over; Readability took time
// growing with the cube of the nesting (minutes for 2,000 nested <div>s) and the walk over
// the page overflowed the stack a few thousand levels down. The timeout turns a return of
// the slow search into a failure.
test('a page cut off inside its <html> tag is reported, not thrown over', () => {
  const { documents, errors } = readHtml('<!doctype html><html la', 'cut.html');
  assert.deepEqual(documents, []);
  assert.match(errors[0]!.reason, /^empty/);
});

test('a script left open before the page swallows it, and Readability removing it throws nothing', () => {
  // linkedom makes the <script> the root element; Readability removes scripts, leaving a
  // page without one, whose title then threw.
  const page = "<script>fetch('http://127.0.1\n<!doctype html><html><head><title>Embassy attacked</title></head></html>";
  const { documents, errors } = readHtml(page, 'open-script.html');
  assert.deepEqual(documents, []);
  assert.match(errors[0]!.reason, /^empty/);
});

test('a page nested thousands of elements deep is read whole, with a warning', { timeout: 30_000 }, () => {
  for (const open of ['<div>', '<b>', '<section><p>']) {
    const { documents, warnings } = readHtml(`<html><body>${open.repeat(5_000)}Deep text.</body></html>`, 'deep.html');
    assert.equal(documents[0]!.text, 'Deep text.');
    assert.match(warnings[0]!.reason, /elements nested up to [\d,]+ deep, too many to look for its article in: all of its text was kept/);
  }
});

test('a page with an element before <html> is read, and measured, whole', { timeout: 30_000 }, () => {
  // linkedom makes the stray <meta> the root, with the page beside it: the body's text was
  // out of reach, and measured from the <meta> alone the page looked tiny while Readability
  // spent seconds on the 4,000 nested <b>s after it.
  const stray = '<meta charset="utf-8"><html><body>';
  assert.equal(readHtml(`${stray}<p>Militants fired rockets.</p></body></html>`, 'stray.html').documents[0]!.text, 'Militants fired rockets.');
  const { documents, warnings } = readHtml(`${stray}${'<b>'.repeat(4_000)}Deep text.</body></html>`, 'deep.html');
  assert.equal(documents[0]!.text, 'Deep text.');
  assert.match(warnings[0]!.reason, /too many to look for its article in/);
});

test('a page of thousands of paragraphs below a hundred levels is read whole, with a warning', { timeout: 30_000 }, () => {
  const paragraphs = Array.from({ length: 9_000 }, (_, i) => `<p>Paragraph ${i}.</p>`).join('');
  const { documents, warnings } = readHtml(`<html><body>${'<div>'.repeat(95)}${paragraphs}</body></html>`, 'wide.html');
  assert.equal(documents[0]!.blocks!.length, 9_000);
  assert.equal(warnings.length, 1);
});

test('a canonical address that is not http(s) is not taken as the source', () => {
  const page = PAGE.replace('https://news.example/rockets', "javascript:alert('canonical')");
  const [document] = readHtml(page, 'rockets.html').documents;
  assert.equal(document!.source, 'rockets.html');
  assert.equal(document!.metadata.canonicalUrl, undefined);
});
