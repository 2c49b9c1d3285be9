// The article's mentions as editor state: a plugin StateField holding the mentions and
// the DecorationSet that draws them. The field changes only through a transaction that
// carries new mentions as metadata (setMentions), never from the DOM, so what is drawn is
// always what the services last answered. The annotation editor builds on this field.
//
// Each mention becomes an inline decoration with classes only (`mention`, plus
// `mention-type-<id>` or `mention-untyped`): the CSP refuses style attributes, and the
// per-type colour comes from labelStyles.ts.

import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Mention } from '../../common/model';
import type { OffsetMap } from '../../core/offsetMap';

export interface MentionsState {
  readonly mentions: readonly Mention[];
  readonly decorations: DecorationSet;
}

export const mentionsKey = new PluginKey<MentionsState>('mentions');

/// The plugin for one article: `map` must be the offset map the document was built with.
export function mentionsPlugin(map: OffsetMap, initial: readonly Mention[]): Plugin<MentionsState> {
  return new Plugin<MentionsState>({
    key: mentionsKey,
    state: {
      init: (_config, state) => ({ mentions: initial, decorations: decorate(state.doc, map, initial) }),
      apply(tr, value, _old, next) {
        const mentions = tr.getMeta(mentionsKey) as readonly Mention[] | undefined;
        if (mentions) return { mentions, decorations: decorate(next.doc, map, mentions) };
        // The text never changes (readOnlyPlugin), so the set needs no mapping.
        return value;
      },
    },
    props: {
      decorations: (state) => mentionsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  });
}

/// A transaction that replaces the mentions drawn in the article.
export function setMentions(state: EditorState, mentions: readonly Mention[]): Transaction {
  return state.tr.setMeta(mentionsKey, mentions).setMeta('addToHistory', false);
}

function decorate(doc: PMNode, map: OffsetMap, mentions: readonly Mention[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const mention of mentions) {
    let range: { from: number; to: number } | null;
    try {
      range = map.rangeToPos(mention.start, mention.end);
    } catch (error) {
      // One mention with offsets outside the text must not blank the whole article.
      console.warn(`[spanlab] mention ${mention.id} does not fit the text:`, error);
      continue;
    }
    if (!range) continue;
    const type = mention.typeId === null ? 'mention-untyped' : `mention-type-${mention.typeId}`;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: `mention ${type}`, 'data-mention-id': String(mention.id) },
        { mentionId: mention.id },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}
