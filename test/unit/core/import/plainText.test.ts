// Plain-text and Markdown articles: stored as read, blocks from blank lines, a title.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atxHeading, readPlainText } from '../../../../core/import/plainText';

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

test('an ATX heading loses its marks: closing #s after a space, not a # of the text', () => {
  const cases: [string, string | null][] = [
    ['# Title', 'Title'],
    ['  ## Reaction ##  ', 'Reaction'],
    ['# C#', 'C#'],
    ['# ##', '##'],
    ['#\t#', '#'],
    ['# \t', ''],
    ['####### seven', null],
    ['#hashtag', null],
    ['    # code', null],
  ];
  for (const [line, heading] of cases) assert.equal(atxHeading(line), heading, JSON.stringify(line));
});

// Found by the fuzz tests (test/unit/reliability/readerFuzz.test.ts): a long run of spaces
// inside a heading line made the pattern that read headings backtrack quadratically — the
// shrunk input took seven minutes. The timeout turns a return of that into a failure.
test('a heading with a long run of spaces inside is read', { timeout: 30_000 }, () => {
  const text = `   ### Late${' '.repeat(200_000)}news\n\nA convoy was seen.\n`;
  const [document] = readPlainText(text, 'late.md', { markdown: true }).documents;
  assert.equal(document!.text, text);
  assert.equal(document!.title, `Late${' '.repeat(200_000)}news`);
});
