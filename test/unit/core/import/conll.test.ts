// Token files: text joined from tokens with their offsets, mentions from IOB1, IOB2 and
// BIOES tags.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sliceCodePoints } from '../../../../core/codePoints';
import { looksLikeConll, readConll } from '../../../../core/import/conll';

const mentions = (text: string) => {
  const [document] = readConll(text, 'x.conll').documents;
  return document!.mentions.map((m) => [m.label, m.text, sliceCodePoints(document!.text, m.start, m.end)]);
};

test('CoNLL-2003 documents split at -DOCSTART-, sentences are paragraphs', () => {
  const text = [
    '-DOCSTART- -X- -X- O',
    '',
    'EU NNP B-NP B-ORG',
    'rejects VBZ B-VP O',
    'German JJ B-NP B-MISC',
    '',
    'Peter NNP B-NP B-PER',
    'Blackburn NNP I-NP I-PER',
    '',
    '-DOCSTART- -X- -X- O',
    '',
    'BRUSSELS NNP B-NP B-LOC',
    '',
  ].join('\n');
  const { documents, errors } = readConll(text, 'train.txt');
  assert.deepEqual(errors, []);
  assert.equal(documents.length, 2);
  assert.equal(documents[0]!.text, 'EU rejects German\nPeter Blackburn');
  assert.deepEqual(documents[0]!.blocks, [
    { kind: 'paragraph', start: 0, end: 17 },
    { kind: 'paragraph', start: 18, end: 33 },
  ]);
  assert.deepEqual(
    documents[0]!.mentions.map((m) => [m.label, m.text]),
    [
      ['ORG', 'EU'],
      ['MISC', 'German'],
      ['PER', 'Peter Blackburn'],
    ],
  );
  assert.equal(documents[1]!.text, 'BRUSSELS');
});

test('IOB1, IOB2 and BIOES give the same mentions', () => {
  const iob1 = 'New I-LOC\nYork I-LOC\nand O\nParis I-LOC\nParis B-LOC\n';
  const iob2 = 'New B-LOC\nYork I-LOC\nand O\nParis B-LOC\nParis B-LOC\n';
  const bioes = 'New B-LOC\nYork E-LOC\nand O\nParis S-LOC\nParis S-LOC\n';
  const expected = [
    ['LOC', 'New York', 'New York'],
    ['LOC', 'Paris', 'Paris'],
    ['LOC', 'Paris', 'Paris'],
  ];
  assert.deepEqual(mentions(iob1), expected);
  assert.deepEqual(mentions(iob2), expected);
  assert.deepEqual(mentions(bioes), expected);
});

test('offsets count code points, so astral tokens do not shift the mentions', () => {
  assert.deepEqual(mentions('🚀 O\nAli B-PER\n'), [['PER', 'Ali', 'Ali']]);
});

test('a line without a tag fails its document with the line number', () => {
  const { documents, errors } = readConll('EU B-ORG\nrejects\n', 'x.conll');
  assert.deepEqual(documents, []);
  assert.equal(errors[0]!.line, 2);
});

test('looksLikeConll tells token files from prose', () => {
  assert.equal(looksLikeConll('EU B-ORG\nrejects O\n\nPeter B-PER\n'), true);
  assert.equal(looksLikeConll('Rockets hit the Green Zone.\n\nThree rockets struck late on Tuesday.'), false);
});
