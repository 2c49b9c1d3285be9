import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExportViolation } from '../../../../core/export/exportViolation';
import { checkTags, tagTokens } from '../../../../core/export/tagSequence';
import { TokenizedDocument } from '../../../../core/export/tokenizedDocument';
import { portable } from '../../../support/exportWriting';

const TEXT = 'Officials of the Bank of America Tower in New York said so.';
const nested = portable('d', TEXT, [
  ['Bank of America Tower', 'FAC'],
  ['Bank of America', 'ORG'],
  ['America', 'GPE'],
  ['New York', 'GPE'],
]);

function tagged(keep: 'outermost' | 'innermost', scheme: 'iob2' | 'bioes') {
  const issues: [string, string][] = [];
  const { tags } = tagTokens(new TokenizedDocument(nested), scheme, keep, 'test', (item, reason) => issues.push([item, reason]));
  return { tags, issues };
}

test('the outermost of nested mentions is kept by default and the others are reported', () => {
  const { tags, issues } = tagged('outermost', 'iob2');
  assert.deepEqual(tags, ['O', 'O', 'O', 'B-FAC', 'I-FAC', 'I-FAC', 'I-FAC', 'O', 'B-GPE', 'I-GPE', 'O', 'O', 'O']);
  assert.deepEqual(issues.map(([item]) => item).sort(), ['T2', 'T3']);
  assert.match(issues[0]![1], /overlaps T1 .*keeps the outermost mention/);
});

test('with keep innermost, the innermost mentions are kept', () => {
  const { tags, issues } = tagged('innermost', 'bioes');
  assert.deepEqual(tags, ['O', 'O', 'O', 'O', 'O', 'S-GPE', 'O', 'O', 'B-GPE', 'E-GPE', 'O', 'O', 'O']);
  assert.deepEqual(issues.map(([item]) => item).sort(), ['T1', 'T2']);
});

test('a mention that is not on token boundaries is reported, never moved', () => {
  const document = portable('d', "Rockets hit Baghdad's Green Zone.", [['Baghda', 'GPE'], ['Green Zone', 'FAC']]);
  const issues: string[] = [];
  const { tags } = tagTokens(new TokenizedDocument(document), 'iob2', 'outermost', 'test', (item, reason) =>
    issues.push(`${item}: ${reason}`),
  );
  assert.deepEqual(tags, ['O', 'O', 'O', 'O', 'B-FAC', 'I-FAC', 'O']);
  assert.equal(issues.length, 1);
  assert.match(issues[0]!, /^T1: "Baghda" \(GPE, 12–18\) does not start and end on token boundaries; the tokens there are "Baghdad"/);
});

test('a sentence boundary inside a mention joins the two sentences', () => {
  const document = portable('d', 'He met Mr. Smith today. Then he left.', [['Mr. Smith', 'PER']]);
  const tokenized = new TokenizedDocument(document);
  const range = tokenized.tokensOf(document.mentions[0]!)!;
  assert.equal(tokenized.sentenceOf(range.first), tokenized.sentenceOf(range.last));
  assert.equal(tokenized.sentences.length, 2);
});

test('an ill-formed tag sequence stops the export', () => {
  assert.throws(() => checkTags(['O', 'I-PER'], 'iob2', 'conll', 'd'), ExportViolation);
  assert.throws(() => checkTags(['B-PER', 'I-ORG'], 'iob2', 'conll', 'd'), /continues a mention of PER/);
  assert.throws(() => checkTags(['B-PER', 'O'], 'bioes', 'bioes', 'd'), /has no E- tag/);
  assert.throws(() => checkTags(['S-PER', 'E-PER'], 'bioes', 'bioes', 'd'), ExportViolation);
  assert.doesNotThrow(() => checkTags(['B-PER', 'I-PER', 'B-PER', 'O'], 'iob2', 'iob2', 'd'));
  assert.doesNotThrow(() => checkTags(['B-PER', 'I-PER', 'E-PER', 'S-ORG', 'O'], 'bioes', 'bioes', 'd'));
});
