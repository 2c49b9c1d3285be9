// Plain-text and Markdown articles: stored as read, blocks from blank lines, a title.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPlainText } from '../../../../core/import/plainText';

test('a headline-like first line becomes the title; the text is kept with its CRLFs', () => {
  const text = 'Rockets hit Green Zone\r\n\r\nThree rockets struck late on Tuesday.\r\nOfficials said.\r\n';
  const { documents, errors } = readPlainText(text, 'news/rockets.txt', { markdown: false });
  assert.deepEqual(errors, []);
  const [document] = documents;
  assert.equal(document!.text, text);
  assert.equal(document!.title, 'Rockets hit Green Zone');
  assert.deepEqual(document!.blocks, [
    { kind: 'heading', start: 0, end: 22 },
    { kind: 'paragraph', start: 26, end: 80 },
  ]);
  assert.equal(document!.source, 'news/rockets.txt');
});

test('without a headline the file name is the title', () => {
  const { documents } = readPlainText('Three rockets struck late on Tuesday, officials said.', '/a/b/report-17.txt', {
    markdown: false,
  });
  assert.equal(documents[0]!.title, 'report-17');
});

test('Markdown keeps its markup; # lines are headings and the title loses its #', () => {
  const text = '# Rockets hit Green Zone\n\nFirst paragraph.\n\n## Reaction\n\nSecond paragraph.';
  const [document] = readPlainText(text, 'a.md', { markdown: true }).documents;
  assert.equal(document!.text, text);
  assert.equal(document!.title, 'Rockets hit Green Zone');
  assert.deepEqual(
    document!.blocks!.map((b) => b.kind),
    ['heading', 'paragraph', 'heading', 'paragraph'],
  );
});

test('an empty file is reported, not imported', () => {
  const result = readPlainText('', 'empty.txt', { markdown: false });
  assert.deepEqual(result.documents, []);
  assert.deepEqual(result.errors, [{ file: 'empty.txt', reason: 'empty: there is no text' }]);
});
