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

/** Blocks to a section (schema.ts): a change relays out at most this many paragraphs. */
export const SECTION_SIZE = 16;

/// The document for `text` split into `blocks`. A text without blocks is shown whole as
/// one paragraph, so an unusual import still displays.
export function buildArticleDocument(text: string, blocks: readonly Block[]): ArticleDocument {
  let map = new OffsetMap(text, blocks, SECTION_SIZE);
  if (blocks.length === 0) {
    map = new OffsetMap(text, [{ kind: 'paragraph', start: 0, end: map.codePointLength }], SECTION_SIZE);
  }
  const nodes = map.blocks.map((block) => {
    const slice = text.slice(map.toUtf16(block.start), map.toUtf16(block.end));
    const type = block.kind === 'heading' ? articleSchema.nodes.heading! : articleSchema.nodes.paragraph!;
    return type.create(null, slice ? articleSchema.text(slice) : null);
  });
  const sections = [];
  for (let i = 0; i < nodes.length; i += SECTION_SIZE) {
    sections.push(articleSchema.nodes.section!.create(null, nodes.slice(i, i + SECTION_SIZE)));
  }
  return { doc: articleSchema.node('doc', null, sections), map };
}

/// The element of block `index` in the view's DOM (`root`), or undefined.
export function blockElement(root: HTMLElement, index: number): Element | undefined {
  return root.children[Math.floor(index / SECTION_SIZE)]?.children[index % SECTION_SIZE];
}
