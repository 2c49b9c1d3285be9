// Which reader a file goes to.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileRole, sniffedRole, textFormat } from '../../../../core/import/formatDetection';

test('files are recognised by their extension', () => {
  const format = (name: string) => {
    const role = fileRole(name, false, null);
    return role.role === 'document' ? role.format : role.role;
  };
  assert.deepEqual(
    ['a.txt', 'b.md', 'c.HTM', 'd.jsonl', 'e.json', 'f.tsv', 'g.conll', 'h.ann', 'annotation.conf', 'i.pdf', 'README'].map(format),
    ['txt', 'txt', 'html', 'jsonl', 'json', 'csv', 'conll', 'annotations', 'schema', 'skip', 'sniff'],
  );
});

test('a .txt with an .ann beside it is brat; --format forces every document file', () => {
  assert.deepEqual(fileRole('doc.txt', true, null), { role: 'document', format: 'brat', markdown: false });
  assert.deepEqual(fileRole('doc.data', false, 'jsonl'), { role: 'document', format: 'jsonl', markdown: false });
  assert.deepEqual(fileRole('annotation.conf', false, 'txt'), { role: 'schema' });
});

test('a file whose name says nothing is sniffed', () => {
  const format = (head: string) => {
    const role = sniffedRole('export', head);
    return role.role === 'document' ? role.format : role.role;
  };
  assert.deepEqual(
    ['<!DOCTYPE html><html>', '{"text": "a"}', '[{"text": "a"}]', 'EU B-ORG\nrejects O\n', 'MIT License'].map(format),
    ['html', 'jsonl', 'json', 'conll', 'skip'],
  );
});

test('a .txt of tokens and tags is CoNLL', () => {
  assert.equal(textFormat('EU B-ORG\nrejects O\n'), 'conll');
  assert.equal(textFormat('An article.'), 'txt');
});
