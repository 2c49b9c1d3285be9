// Entity mentions as one tag per token, for the CoNLL, IOB2, BIOES and Hugging Face
// exports. A token can carry one tag only, so of two mentions that share a token one is
// kept: by default the outermost (the longest; of two equally long, the one that starts
// first), or with `keep: 'innermost'` the shortest. The other is reported, never merged.
//
//   IOB2:  B-PER I-PER O        the first token of a mention is B-, the others I-
//   BIOES: B-PER I-PER E-PER    and the last is E-; a one-token mention is S-

import type { PortableMention } from '../formats/portableDocument';
import { ExportViolation } from './exportViolation';
import type { TokenizedDocument, TokenRange } from './tokenizedDocument';
import { describe } from './tokenizedDocument';

export type TagScheme = 'iob2' | 'bioes';

/** Which mention of an overlapping pair to keep. */
export type KeepPolicy = 'outermost' | 'innermost';

export interface TaggedMention {
  mention: PortableMention;
  range: TokenRange;
}

/** What an exporter reports through; `item` is the mention's id. */
export type IssueReporter = (item: string, reason: string) => void;

/// The tags of `document`'s typed mentions, one per token, and the mentions they hold.
/// Reports each mention left out: not on token boundaries, or overlapping a kept one.
export function tagTokens(
  document: TokenizedDocument,
  scheme: TagScheme,
  keep: KeepPolicy,
  format: string,
  issue: IssueReporter,
): { tags: string[]; kept: TaggedMention[] } {
  const candidates: TaggedMention[] = [];
  for (const mention of document.document.mentions) {
    if (mention.label === null) continue;
    const range = document.tokensOf(mention);
    if (range) candidates.push({ mention, range });
    else issue(mention.id, `${document.misalignment(mention)}; left out`);
  }
  const size = (c: TaggedMention) => c.range.last - c.range.first;
  const order = keep === 'outermost' ? -1 : 1;
  // The sort is stable, so among equals the document's own order decides.
  const byPriority = [...candidates].sort((a, b) => order * (size(a) - size(b)) || a.range.first - b.range.first);

  const holder = new Int32Array(document.tokens.length).fill(-1);
  const kept: TaggedMention[] = [];
  for (const candidate of byPriority) {
    const { first, last } = candidate.range;
    let taken = -1;
    for (let t = first; t <= last && taken < 0; t++) taken = holder[t]!;
    if (taken >= 0) {
      const other = kept[taken]!.mention;
      issue(
        candidate.mention.id,
        `${describe(candidate.mention)} overlaps ${other.id} ${describe(other)}; ${format} keeps the ${keep} mention`,
      );
      continue;
    }
    holder.fill(kept.length, first, last + 1);
    kept.push(candidate);
  }
  kept.sort((a, b) => a.range.first - b.range.first);

  const tags = new Array<string>(document.tokens.length).fill('O');
  for (const { mention, range } of kept) {
    const label = mention.label!;
    if (scheme === 'bioes' && range.first === range.last) {
      tags[range.first] = `S-${label}`;
      continue;
    }
    tags[range.first] = `B-${label}`;
    for (let t = range.first + 1; t <= range.last; t++) tags[t] = `I-${label}`;
    if (scheme === 'bioes') tags[range.last] = `E-${label}`;
  }
  checkTags(tags, scheme, format, document.document.id);
  return { tags, kept };
}

/// Checks that `tags` is a well-formed sequence of `scheme`; throws ExportViolation if not.
export function checkTags(tags: readonly string[], scheme: TagScheme, format: string, documentId: string): void {
  const prefixes = scheme === 'bioes' ? ['B-', 'I-', 'E-', 'S-'] : ['B-', 'I-'];
  let open: string | null = null; // the label of a mention still running
  const bad = (i: number, why: string): never => {
    throw new ExportViolation(format, documentId, `token ${i} would be tagged ${tags[i]}: ${why}`);
  };
  tags.forEach((tag, i) => {
    const unclosed = scheme === 'bioes' && open !== null;
    if (tag === 'O') {
      if (unclosed) bad(i, `the ${open} mention before it has no E- tag`);
      open = null;
      return;
    }
    const prefix = tag.slice(0, 2);
    const label = tag.slice(2);
    if (!prefixes.includes(prefix)) bad(i, `not a ${scheme} tag`);
    if (label === '' || /\s/u.test(label)) bad(i, 'a tag needs a label without spaces');
    if (prefix === 'B-' || prefix === 'S-') {
      if (unclosed) bad(i, `the ${open} mention before it has no E- tag`);
      open = prefix === 'B-' ? label : null;
    } else {
      if (open !== label) bad(i, `it continues a mention of ${open ?? 'nothing'}`);
      open = prefix === 'E-' ? null : label;
    }
  });
  if (scheme === 'bioes' && open !== null) bad(tags.length - 1, `the last ${open} mention has no E- tag`);
}
