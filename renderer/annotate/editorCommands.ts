// What the keys and the label picker do in the open document, in terms of the editor's state
// (selection, focus, picking) and the document's actions. One function per intent; the
// shortcut handler, the picker and the panel all come here, so a label key and a click in
// the picker do exactly the same thing.
//
//   label key, selection        → marks the snapped span (an entity type: a mention, an
//                                 event type: an event with that trigger); a span already
//                                 marked exactly is relabelled, not marked twice
//   label key, no selection     → relabels the focused mention (or its event)
//   entity key while picking    → the selection becomes a new mention filling the role
//   relation key / `r`          → picks the target of a relation from the focused mention

import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { LabelSchema, Mention } from '../../common/model';
import type { SnapMode } from '../../core/wordSnap';
import type { AnnotationsState, Picking } from '../editor/annotationsPlugin';
import { annotationsKey, focusMention, updateAnnotations } from '../editor/annotationsPlugin';
import type { ArticleDocument } from '../editor/articleDocument';
import type { PendingSpan } from '../editor/pendingMentions';
import { addPending, clearPending } from '../editor/pendingMentions';
import { stepFocus } from '../editor/mentionOrder';
import type { Span } from '../editor/selectionSpan';
import { mentionOnSpan, selectedSpan, shownSelection, spanText } from '../editor/selectionSpan';
import type { LabelBinding } from '../shortcuts/keymap';
import type { AnnotationActions } from './useAnnotationActions';

export interface CommandDeps {
  view: EditorView | null;
  article: ArticleDocument;
  text: string;
  schema: LabelSchema;
  snapMode: SnapMode;
  actions: AnnotationActions;
  toast: (text: string, options?: { tone?: 'info' | 'error' }) => void;
  /// Focuses a mention once the document shown holds it (it may have just been created).
  requestFocus: (mentionId: number) => void;
}

export type EditorCommands = ReturnType<typeof editorCommands>;

export function editorCommands(deps: CommandDeps) {
  const { view, article, text, schema, snapMode, actions, toast, requestFocus } = deps;
  const current = (): AnnotationsState | null => (view ? (annotationsKey.getState(view.state) ?? null) : null);
  const selection = (): Span | null => (view ? selectedSpan(view, article.map, text, snapMode) : null);
  const hasSelection = () => {
    if (!view) return false;
    const { from, to } = shownSelection(view);
    return from !== to;
  };

  const setFocus = (mentionId: number | null) => {
    const state = current();
    if (!view || !state) return;
    const mention = mentionId === null ? undefined : state.byId.get(mentionId);
    view.dispatch(mention ? focusMention(view.state, article.map, mention, true) : updateAnnotations(view.state, { focus: null }));
  };

  const setPicking = (picking: Picking | null) => {
    if (!view) return;
    view.dispatch(updateAnnotations(view.state, { picking }));
    view.focus();
  };

  // Collapses the selection after it was used, so the next key relabels what was just made
  // instead of marking the same text again.
  const collapse = () => {
    if (view && hasSelection()) {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, shownSelection(view).to)));
    }
  };

  // Collapses the selection and paints `span` as being saved (pendingMentions.ts), in one
  // transaction, before the call goes out. `painted` settles once a frame showing it is
  // rendered: an answer quicker than a frame waits for it, or its heavier redraw would
  // hold the key's feedback back and the span would show only once saved. `unpaint` takes
  // the span away if the call fails; when it succeeds, the answer's mention has.
  const collapsePainting = (span: Span, label: PendingSpan['label']) => {
    if (!view) return { painted: Promise.resolve(), unpaint: () => {} };
    const tr = view.state.tr;
    if (hasSelection()) tr.setSelection(TextSelection.create(view.state.doc, shownSelection(view).to));
    const key = addPending(tr, { ...span, label });
    view.dispatch(tr);
    return {
      painted: afterNextFrame(),
      unpaint: () => {
        const clear = view.isDestroyed ? null : clearPending(view.state, key);
        if (clear) view.dispatch(clear);
      },
    };
  };

  const fillRole = async (picking: Extract<Picking, { kind: 'argument' }>, target: Parameters<AnnotationActions['addArgument']>[2]) => {
    const argument = await actions.addArgument(picking.eventId, picking.roleId, target);
    if (argument) setPicking(null);
  };

  const markEntity = async (typeId: number, state: AnnotationsState) => {
    const span = selection();
    if (state.picking?.kind === 'argument') {
      if (!span) return toast('Select the text that fills the role first.');
      collapse();
      const existing = mentionOnSpan(state.data.mentions, span);
      return fillRole(state.picking, existing ? { mentionId: existing.id } : { start: span.start, end: span.end, typeId });
    }
    if (span) {
      const existing = mentionOnSpan(state.data.mentions, span);
      let mention: Mention | null;
      if (existing) {
        collapse();
        mention = await actions.updateMention(existing.id, { typeId });
      } else {
        const { painted, unpaint } = collapsePainting(span, { kind: 'entity', typeId });
        mention = await actions.createMention(span.start, span.end, typeId, painted);
        unpaint();
      }
      if (mention) requestFocus(mention.id);
      return;
    }
    if (hasSelection()) return toast('Nothing to mark: the selection holds only spaces and punctuation.');
    const focused = state.focus === null ? undefined : state.byId.get(state.focus);
    if (!focused) return toast('Select some text first, or focus a mention to relabel it.');
    if (focused.typeId !== typeId) await actions.updateMention(focused.id, { typeId });
  };

  const markEvent = async (typeId: number, state: AnnotationsState) => {
    const span = selection();
    if (span) {
      const existing = mentionOnSpan(state.data.mentions, span);
      let pending: ReturnType<typeof collapsePainting> | null = null;
      if (existing) collapse();
      else pending = collapsePainting(span, { kind: 'event', typeId });
      const event = await actions.createEvent(typeId, existing ? { mentionId: existing.id } : span, pending?.painted);
      pending?.unpaint();
      if (event) requestFocus(event.triggerMentionId);
      return;
    }
    const focused = state.focus === null ? undefined : state.byId.get(state.focus);
    if (!focused) return toast('Select the word that names the event first (its trigger).');
    const triggered = state.data.events.find((e) => e.triggerMentionId === focused.id);
    if (triggered) {
      if (triggered.typeId !== typeId) await actions.updateEvent(triggered.id, { typeId });
    } else {
      await actions.createEvent(typeId, { mentionId: focused.id });
    }
  };

  return {
    setFocus,
    setPicking,

    /// A label key or a label chosen in the picker.
    applyLabel(binding: LabelBinding) {
      const state = current();
      if (!state) return;
      if (binding.kind === 'entity') void markEntity(binding.type.id, state);
      else if (binding.kind === 'event') void markEvent(binding.type.id, state);
      else if (state.focus !== null) setPicking({ kind: 'relation', fromMentionId: state.focus, typeId: binding.type.id });
      else toast('Focus the mention the relation starts from first.');
    },

    /// The mentions under a click while a role or a relation target is being picked.
    pick(under: readonly Mention[]) {
      const state = current();
      const picking = state?.picking;
      const target = under[0];
      if (!state || !picking || !target) return;
      if (picking.kind === 'relation') {
        if (target.id === picking.fromMentionId) return toast('Click the other mention of the relation.');
        void actions.createRelation(picking.typeId, picking.fromMentionId, target.id).then((r) => r && setPicking(null));
        return;
      }
      // A click on another event's (untyped) trigger nests that event; on anything else
      // the mention itself fills the role.
      const nested = target.typeId === null && state.data.events.find((e) => e.triggerMentionId === target.id && e.id !== picking.eventId);
      void fillRole(picking, nested ? { eventId: nested.id } : { mentionId: target.id });
    },

    step(direction: 1 | -1) {
      const state = current();
      if (state) setFocus(stepFocus(state.order, state.focus, direction));
    },

    /// Escape: the innermost thing open gives way first. True when it did something.
    escape(): boolean {
      const state = current();
      if (state?.picking) setPicking(null);
      else if (state?.focus != null) setFocus(null);
      else return false;
      return true;
    },

    deleteFocused() {
      const state = current();
      const mention = state?.focus == null ? undefined : state.byId.get(state.focus);
      if (!mention) return;
      void actions.deleteMention(mention.id, `“${shorten(spanText(text, article.map, mention))}”`);
    },

    /// Where the label picker opens, in the article's coordinates: under (or, short of room,
    /// above) the selection's end, else the focused mention's; with the selection's line
    /// boxes, to keep it in sight while the picker has the keyboard. Null when there is
    /// neither.
    pickerAnchor(): PickerAnchor | null {
      const state = current();
      if (!view || !state) return null;
      let range: { from: number; to: number } | null = null;
      const selected = hasSelection();
      if (selected) range = shownSelection(view);
      else if (state.focus !== null) {
        const mention = state.byId.get(state.focus);
        range = mention ? article.map.rangeToPos(mention.start, mention.end) : null;
      }
      const host = view.dom.closest('.article');
      if (range === null || !host) return null;
      const end = view.coordsAtPos(range.to, -1);
      const origin = host.getBoundingClientRect();
      return {
        x: Math.max(0, Math.min(end.left - origin.left - 16, origin.width - 264)),
        below: end.bottom - origin.top + 6,
        above: end.top - origin.top - 6,
        selection: selected ? rangeBoxes(view, range.from, range.to, origin) : [],
      };
    },

    current,
    hasSelection,
    schema,
  };
}

/** Where the label picker opens (see pickerAnchor). */
export interface PickerAnchor {
  x: number;
  /** The top of the picker when it opens below the selection. */
  below: number;
  /** The bottom of the picker when it opens above. */
  above: number;
  selection: { x: number; y: number; width: number; height: number }[];
}

// The line boxes of positions from..to, relative to `origin`.
function rangeBoxes(view: EditorView, from: number, to: number, origin: DOMRect): PickerAnchor['selection'] {
  const start = view.domAtPos(from);
  const end = view.domAtPos(to);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return Array.from(range.getClientRects())
    .filter((r) => r.width > 0)
    .map((r) => ({ x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height }));
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 38)}…` : text;
}

// Settles in the task after the next frame's rendering (a task queued from a frame
// callback runs once that frame is drawn), or after 100 ms: a hidden window draws no
// frames, and the answer must not wait for it to be shown again.
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
