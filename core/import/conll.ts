// CoNLL-2003 and other token-per-line files (IOB1, IOB2, BIOES/BILOU): the first column is
// the token, the last its tag, a blank line ends a sentence and `-DOCSTART-` a document. A
// document's text is its tokens joined by one space, sentences by a line break, each
// sentence a paragraph block; each token's code-point offset is recorded as the text is
// built, and mentions are read off the tags. One decoder serves every scheme: a mention
// starts at B-, S- or U-, or at an I-, E- or L- that does not continue the one before
// (IOB1's way, and a lenient reading of a broken IOB2 sequence), and ends after E-, S-, L-
// or U-, or where the next tag does not continue it. Other columns (part of speech,
// chunks) are not kept.

import type { ImportIssue } from '../../common/importReport';
import type { Block } from '../../common/model';
import type { PortableMention } from '../formats/portableDocument';
import { codePointLength } from '../codePoints';
import { draftDocument } from './draftDocument';
import { fileStem } from './plainText';
import type { ReadResult } from './readResult';
import { accept, emptyResult } from './readResult';

const TAG = /^(?:O|[BIESLU][-_].+)$/;
/** A line of at least a token and a tag. */
const TAGGED_LINE = /^\S+(?:\s+\S+)*\s+(?:O|[BIESLU][-_]\S+)$/;

interface Token {
  text: string;
  tag: string;
  line: number;
}

/// Whether `text` looks like a token-per-line file: most non-blank lines end in a tag.
export function looksLikeConll(text: string): boolean {
  // Every .txt of a batch is asked: prose is told apart by its first line alone.
  const first = /^\s*(\S[^\n]*)/.exec(text)?.[1]?.trim() ?? '';
  if (!first.startsWith('-DOCSTART-') && !TAGGED_LINE.test(first)) return false;
  const lines = text.split('\n', 200).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('-DOCSTART-'));
  if (lines.length === 0) return false;
  const tagged = lines.filter((l) => {
    const columns = l.split(/\s+/);
    return columns.length >= 2 && TAG.test(columns[columns.length - 1]!);
  });
  return tagged.length >= lines.length * 0.9;
}

/// Reads every document of a token file (one per `-DOCSTART-`, or the whole file).
export function readConll(text: string, file: string): ReadResult {
  const result = emptyResult();
  let sentences: Token[][] = [];
  let sentence: Token[] = [];
  let startLine = 1;
  let problems: ImportIssue[] = [];
  let record = 0;

  const endSentence = () => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
  };
  const endDocument = (nextLine: number) => {
    endSentence();
    if (sentences.length > 0 || problems.length > 0) {
      record++;
      if (problems.length > 0) result.errors.push(...problems);
      else buildDocument(sentences, file, { line: startLine, record }, result);
    }
    sentences = [];
    problems = [];
    startLine = nextLine;
  };

  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNumber = i + 1;
    const line = raw.trim();
    if (line === '') return endSentence();
    const columns = line.split(/\s+/);
    if (columns[0] === '-DOCSTART-') return endDocument(lineNumber + 1);
    const tag = columns[columns.length - 1]!;
    if (columns.length < 2 || !TAG.test(tag)) {
      // CoNLL-U style comments (`# sent_id = 3`) are not tokens.
      if (line.startsWith('#')) return;
      const reason = `"${line.slice(0, 40)}" is not "TOKEN … TAG" (a tag is O, B-X, I-X, E-X, S-X)`;
      problems.push({ file, line: lineNumber, reason });
      return;
    }
    sentence.push({ text: columns[0]!, tag, line: lineNumber });
  });
  endDocument(lines.length + 1);
  if (record === 0) result.errors.push({ file, reason: 'empty: there are no tokens' });
  return result;
}

function buildDocument(sentences: Token[][], file: string, place: { line: number; record: number }, result: ReadResult): void {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const mentions: PortableMention[] = [];
  let offset = 0;
  let open: { type: string; start: number; end: number; parts: string[] } | null = null;
  const close = () => {
    if (!open) return;
    const id = `T${mentions.length + 1}`;
    const mentionText = open.parts.join(' ');
    mentions.push({ id, start: open.start, end: open.end, label: open.type, text: mentionText, attributes: {}, note: '', entity: null });
    open = null;
  };

  for (const [s, sentence] of sentences.entries()) {
    if (s > 0) {
      parts.push('\n');
      offset += 1;
    }
    const sentenceStart = offset;
    for (const [t, token] of sentence.entries()) {
      if (t > 0) {
        parts.push(' ');
        offset += 1;
      }
      const start = offset;
      offset += codePointLength(token.text);
      parts.push(token.text);
      const prefix = token.tag[0]!;
      const type = token.tag.slice(2);
      const continues = open !== null && open.type === type && 'IEL'.includes(prefix);
      if (!continues) close();
      if (prefix !== 'O') {
        if (open === null) open = { type, start, end: offset, parts: [] };
        open.end = offset;
        open.parts.push(token.text);
        if ('ESLU'.includes(prefix)) close();
      }
    }
    // A mention never runs over a sentence break.
    close();
    blocks.push({ kind: 'paragraph', start: sentenceStart, end: offset });
  }

  const text = parts.join('');
  const id = `${fileStem(file)}${place.record > 1 || sentences.length === 0 ? `:${place.record}` : ''}`;
  // No title: the project names the document after its first sentence, usually the headline.
  const document = draftDocument({ id, text, source: file, blocks, mentions });
  accept(result, document, { file, line: place.line, record: place.record });
}
