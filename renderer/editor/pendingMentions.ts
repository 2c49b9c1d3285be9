// Spans being saved: a label key paints its span at once, in the label's colour with a
// dashed underline ("saving"), while the call that stores it is under way. The mention
// proper (mentionDecorations.ts) replaces it when the services answer, so nothing looks
// done before the database has it; a refused call takes the paint away again.
//
// Painted with the CSS Custom Highlight API, not a decoration: a highlight changes no
// element, so the key costs no redraw of the paragraph, no layout, and no forced layout
// when ProseMirror then puts the collapsed selection into the DOM (a selection written
// into a changed document makes Chromium lay out the whole article at once, several
// milliseconds at 100 KB). A pending span is not clickable and has no lane; it lasts
// one round trip.
//
// Highlights are named after the label's class (`pending-mention-type-<id>`,
// `pending-event-type-<id>`, `pending-mention-untyped`); labelStyles.ts colours them.

import type { EditorState, Transaction } from 'prosemirror-state';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { OffsetMap } from '../../core/offsetMap';
import { annotationsKey } from './annotationsPlugin';

/** A span on its way to the database, in code points. */
export interface PendingSpan {
  /** Names this span for clearPending; unique per page. */
  readonly key: number;
  readonly start: number;
  readonly end: number;
  readonly label: { kind: 'entity' | 'event'; typeId: number | null };
}

type PendingMeta = { add: PendingSpan } | { clear: number };

const pendingKey = new PluginKey<readonly PendingSpan[]>('pendingMentions');

let nextKey = 1;

/// The plugin; `map` is the article's offset map.
export function pendingMentionsPlugin(map: OffsetMap): Plugin<readonly PendingSpan[]> {
  return new Plugin<readonly PendingSpan[]>({
    key: pendingKey,
    state: {
      init: () => [],
      apply(tr, spans, oldState, newState) {
        const meta = tr.getMeta(pendingKey) as PendingMeta | undefined;
        if (meta && 'add' in meta) spans = [...spans, meta.add];
        else if (meta) spans = spans.filter((s) => s.key !== meta.clear);
        // The answer that brings a span's mention retires it in the same transaction, so the
        // two are never drawn together.
        const annotations = annotationsKey.getState(newState);
        if (spans.length > 0 && annotations && annotations !== annotationsKey.getState(oldState)) {
          const saved = (s: PendingSpan) => annotations.index.overlapping(s.start, s.end).some((m) => m.start === s.start && m.end === s.end);
          if (spans.some(saved)) spans = spans.filter((s) => !saved(s));
        }
        return spans;
      },
    },
    view: (view) => new PendingHighlights(view, map),
  });
}

/// Adds a pending span to `tr`; returns its key for clearPending.
export function addPending(tr: Transaction, span: Omit<PendingSpan, 'key'>): number {
  const key = nextKey++;
  tr.setMeta(pendingKey, { add: { ...span, key } } satisfies PendingMeta).setMeta('addToHistory', false);
  return key;
}

/// A transaction that takes the pending span away (if its mention has not already), or
/// null when there is nothing to take.
export function clearPending(state: EditorState, key: number): Transaction | null {
  if (!pendingKey.getState(state)?.some((s) => s.key === key)) return null;
  return state.tr.setMeta(pendingKey, { clear: key } satisfies PendingMeta).setMeta('addToHistory', false);
}

/// The highlight (in the page's registry) a span is painted with.
function pendingHighlightName(label: PendingSpan['label']): string {
  if (label.typeId === null) return 'pending-mention-untyped';
  return `pending-${label.kind === 'event' ? 'event' : 'mention'}-type-${label.typeId}`;
}

// Mirrors the pending spans into the page's highlight registry. Ranges are made again after
// every update while there are spans: a redraw of their paragraph (another mention's answer)
// replaces the text nodes a range was set in.
class PendingHighlights {
  private names = new Set<string>();

  constructor(
    private readonly view: EditorView,
    private readonly map: OffsetMap,
  ) {
    this.update();
  }

  update(): void {
    const spans = pendingKey.getState(this.view.state) ?? [];
    if (spans.length === 0 && this.names.size === 0) return;
    // Without the API (an old engine) the span shows when it is saved, as it did before.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const ranges = new Map<string, Range[]>();
    for (const span of spans) {
      const range = this.rangeOf(span);
      if (!range) continue;
      const name = pendingHighlightName(span.label);
      ranges.set(name, [...(ranges.get(name) ?? []), range]);
    }
    for (const name of this.names) if (!ranges.has(name)) CSS.highlights.delete(name);
    for (const [name, list] of ranges) CSS.highlights.set(name, new Highlight(...list));
    this.names = new Set(ranges.keys());
  }

  destroy(): void {
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) for (const name of this.names) CSS.highlights.delete(name);
    this.names.clear();
  }

  private rangeOf(span: PendingSpan): Range | null {
    const positions = this.map.rangeToPos(span.start, span.end);
    if (!positions) return null;
    const from = this.view.domAtPos(positions.from, 1);
    const to = this.view.domAtPos(positions.to, -1);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }
}
