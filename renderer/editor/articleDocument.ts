// Builds the ProseMirror document for an article and the offset map that goes with it.
// Both come from the same blocks, so every code-point offset the contract speaks of has
// exactly one editor position.

import type { Node as PMNode } from 'prosemirror-model';
import type { Block } from '../../common/model';
import { OffsetMap } from '../../core/offsetMap';
import { articleSchema } from './schema';

export interface ArticleDocument {
  doc: PMNode;
  map: OffsetMap;
}

/// The document for `text` split into `blocks`. A text without blocks is shown whole as
/// one paragraph, so an unusual import still displays.
export function buildArticleDocument(text: string, blocks: readonly Block[]): ArticleDocument {
  let map = new OffsetMap(text, blocks);
  if (blocks.length === 0) {
    map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: map.codePointLength }]);
  }
  const nodes = map.blocks.map((block) => {
    const slice = text.slice(map.toUtf16(block.start), map.toUtf16(block.end));
    const type = block.kind === 'heading' ? articleSchema.nodes.heading! : articleSchema.nodes.paragraph!;
    return type.create(null, slice ? articleSchema.text(slice) : null);
  });
  return { doc: articleSchema.node('doc', null, nodes), map };
}
