// A document seen in tokens, as every token-based format needs it: its tokens and
// sentences (core/export/tokenizer.ts), which tokens each mention covers, and the sentence
// of each token. A mention covers tokens only when it starts where a token starts and ends
// where a token ends; one that does not is never stretched or shrunk to fit, the format
// reports it instead (`misalignment` says why). A sentence boundary that falls inside a
// mention is not a boundary: the two sentences are written as one, so that no mention
// ever straddles two.

import type { PortableDocument, PortableMention } from '../formats/portableDocument';
import type { Sentence, Token } from './tokenizer';
import { sentencesOf, tokensOf } from './tokenizer';

/** The tokens a mention covers: indices into `tokens`, both inclusive. */
export interface TokenRange {
  first: number;
  last: number;
}

export class TokenizedDocument {
  readonly tokens: readonly Token[];
  private readonly ranges = new Map<string, TokenRange>();
  /** Found when first asked for (spacy-jsonl never asks). */
  private joined: { sentences: readonly Sentence[]; index: Int32Array } | null = null;

  constructor(readonly document: PortableDocument) {
    const tokens = tokensOf(document.text);
    this.tokens = tokens;
    // Token index by the code point it starts / ends at; -1 where none does.
    const length = tokens.length === 0 ? 0 : tokens[tokens.length - 1]!.end;
    const startsAt = new Int32Array(length + 1).fill(-1);
    const endsAt = new Int32Array(length + 1).fill(-1);
    tokens.forEach((t, i) => {
      startsAt[t.start] = i;
      endsAt[t.end] = i;
    });
    for (const m of document.mentions) {
      const first = m.start <= length ? startsAt[m.start]! : -1;
      const last = m.end <= length ? endsAt[m.end]! : -1;
      if (first >= 0 && last >= first) this.ranges.set(m.id, { first, last });
    }
  }

  /// The sentences, those that a mention crosses joined into one.
  get sentences(): readonly Sentence[] {
    return this.sentenceTable().sentences;
  }

  /// The tokens `mention` covers, or null when it is not on token boundaries.
  tokensOf(mention: PortableMention): TokenRange | null {
    return this.ranges.get(mention.id) ?? null;
  }

  /// The index of the sentence token `token` is in.
  sentenceOf(token: number): number {
    return this.sentenceTable().index[token]!;
  }

  private sentenceTable(): { sentences: readonly Sentence[]; index: Int32Array } {
    if (this.joined === null) {
      const sentences = joinCrossedSentences(sentencesOf(this.document.text, this.tokens), [...this.ranges.values()]);
      const index = new Int32Array(this.tokens.length);
      sentences.forEach((s, i) => index.fill(i, s.tokenStart, s.tokenEnd));
      this.joined = { sentences, index };
    }
    return this.joined;
  }

  /// Why `mention` has no token range, for the report.
  misalignment(mention: PortableMention): string {
    const touched = this.tokens.filter((t) => t.start < mention.end && t.end > mention.start).map((t) => JSON.stringify(t.text));
    const where = touched.length > 0 ? `; the tokens there are ${touched.slice(0, 5).join(' ')}` : '';
    return `${describe(mention)} does not start and end on token boundaries${where}`;
  }
}

/// A mention as the report names it: `"Green Zone" (LOC, 120–130)`.
export function describe(mention: PortableMention): string {
  const text = mention.text.length > 60 ? `${mention.text.slice(0, 57)}…` : mention.text;
  return `${JSON.stringify(text)} (${mention.label ?? 'untyped'}, ${mention.start}–${mention.end})`;
}

// Joins each run of sentences that some range crosses into one sentence.
function joinCrossedSentences(sentences: readonly Sentence[], ranges: readonly TokenRange[]): Sentence[] {
  if (ranges.length === 0 || sentences.length < 2) return [...sentences];
  const sentenceOfToken = new Int32Array(sentences[sentences.length - 1]!.tokenEnd);
  sentences.forEach((s, i) => sentenceOfToken.fill(i, s.tokenStart, s.tokenEnd));
  // joined[i]: sentence i continues into sentence i + 1.
  const joined = new Uint8Array(sentences.length);
  for (const { first, last } of ranges) {
    for (let s = sentenceOfToken[first]!; s < sentenceOfToken[last]!; s++) joined[s] = 1;
  }
  const result: Sentence[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const head = sentences[i]!;
    let tail = head;
    while (joined[i] === 1) tail = sentences[++i]!;
    result.push(tail === head ? head : { start: head.start, end: tail.end, tokenStart: head.tokenStart, tokenEnd: tail.tokenEnd });
  }
  return result;
}
