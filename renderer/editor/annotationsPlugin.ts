// The article's annotations as editor state: a plugin StateField holding what the services
// last answered (mentions, events, arguments, relations), the focused mention, the role or
// relation being picked, and what follows from them (the mentions in text order, the
// focus's links). The field changes only through a transaction carrying an update as
// metadata (updateAnnotations), never from the DOM, so what is drawn is always what the
// database holds. Drawing is mentionDecorations.ts's, which follows this state piecemeal.
//
// Clicks are the plugin's too: a click on mentions focuses the innermost one, a second
// click the one around it (mentionOrder.ts), however quickly it follows the first; while a
// role or relation target is being picked, a click hands the mentions under the pointer to
// the host instead. A double-click elsewhere selects the word under the pointer by Unicode
// word boundaries (core/wordSnap.ts), the same rules labelling snaps to.

import type { EditorState, Transaction } from 'prosemirror-state';
import { Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Entity, LabelSchema, Mention } from '../../common/model';
import type { OffsetMap } from '../../core/offsetMap';
import { wordAt } from '../../core/wordSnap';
import type { AnnotationData, Link } from './annotationLinks';
import { linksOf } from './annotationLinks';
import type { MentionChanges } from './mentionIndex';
import { MentionIndex } from './mentionIndex';
import { cycleAt } from './mentionOrder';

/** A role of an event, or the target of a relation, waiting for the analyst's click. */
export type Picking =
  | { kind: 'argument'; eventId: number; roleId: number }
  | { kind: 'relation'; fromMentionId: number; typeId: number };

export interface AnnotationsState {
  readonly data: AnnotationData;
  readonly entities: readonly Entity[];
  readonly schema: LabelSchema;
  /** The focused mention's id. */
  readonly focus: number | null;
  readonly picking: Picking | null;
  /** The mentions in text order (Tab's order). */
  readonly order: readonly Mention[];
  readonly byId: ReadonlyMap<number, Mention>;
  readonly index: MentionIndex;
  /** How the mentions differ from the previous state's; null when they do not (or at first). */
  readonly mentionChanges: MentionChanges | null;
  /** The focus's links, for the arc overlay. */
  readonly links: readonly Link[];
  /** The mentions at the other ends of those links. */
  readonly linked: ReadonlySet<number>;
}

/** What an update transaction may replace; absent fields stay. */
export interface AnnotationsUpdate {
  data?: AnnotationData;
  entities?: readonly Entity[];
  schema?: LabelSchema;
  focus?: number | null;
  picking?: Picking | null;
}

/** What the plugin asks of its host. */
export interface AnnotationsHost {
  /// While picking: the mentions under a click, innermost first.
  pick(mentions: readonly Mention[]): void;
}

export const annotationsKey = new PluginKey<AnnotationsState>('annotations');

/// The plugin for one article. `host` is read at each click, so the host may swap its
/// callbacks.
export function annotationsPlugin(
  initial: Required<Pick<AnnotationsUpdate, 'data' | 'entities' | 'schema'>>,
  host: { readonly current: AnnotationsHost },
): Plugin<AnnotationsState> {
  return new Plugin<AnnotationsState>({
    key: annotationsKey,
    state: {
      init: () => build({ ...initial, focus: null, picking: null }, null),
      apply(tr, value) {
        const update = tr.getMeta(annotationsKey) as AnnotationsUpdate | undefined;
        if (!update) return value; // The text never changes (readOnlyPlugin): nothing to map.
        return build({ ...value, ...update }, value);
      },
    },
    props: {
      // `has-focus` quiets the mentions around a focused one; `is-picking` turns clicks
      // into choices.
      attributes: (state): Record<string, string> => {
        const value = annotationsKey.getState(state);
        const classes = [value?.focus != null ? 'has-focus' : '', value?.picking ? 'is-picking' : ''].filter(Boolean);
        return classes.length ? { class: classes.join(' ') } : {};
      },
      handleClick(view, _pos, event) {
        const state = annotationsKey.getState(view.state);
        if (!state) return false;
        const under = mentionsUnder(view, event, state.byId);
        if (state.picking) {
          if (under.length === 0) return false;
          host.current.pick(under);
          return true;
        }
        const focus = cycleAt(under, state.focus);
        if (focus !== state.focus) view.dispatch(updateAnnotations(view.state, { focus }));
        return false;
      },
      // A second click that comes quickly is a double-click: on mentions it goes on
      // through them as a slower one would (and must not also select a word).
      handleDoubleClick(view, pos, event) {
        const state = annotationsKey.getState(view.state);
        const under = state ? mentionsUnder(view, event, state.byId) : [];
        if (state && under.length > 0) {
          if (state.picking) return true; // The first click picked.
          const focus = cycleAt(under, state.focus);
          if (focus !== state.focus) view.dispatch(updateAnnotations(view.state, { focus }));
          return true;
        }
        const $pos = view.state.doc.resolve(pos);
        if (!$pos.parent.isTextblock) return false;
        const word = wordAt($pos.parent.textContent, $pos.parentOffset);
        if (!word) return false;
        const start = $pos.start();
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, start + word.from, start + word.to)));
        return true;
      },
    },
  });
}

/// A transaction that applies `update` to the annotation state (and nothing else).
export function updateAnnotations(state: EditorState, update: AnnotationsUpdate): Transaction {
  return state.tr.setMeta(annotationsKey, update).setMeta('addToHistory', false);
}

/// Moves the focus to `mention`. With `moveCaret` (Tab, a mention revealed from elsewhere)
/// the caret goes to its start, so Shift+Arrow continues from there, and the view scrolls
/// it into sight; without (a mention just made), the selection stays the analyst's, who
/// may already be selecting the next words. `update` may carry the data the mention is new in.
export function focusMention(
  state: EditorState,
  map: OffsetMap,
  mention: Mention,
  moveCaret: boolean,
  update: AnnotationsUpdate = {},
): Transaction {
  const tr = updateAnnotations(state, { ...update, focus: mention.id });
  const range = map.rangeToPos(mention.start, mention.end);
  if (range && moveCaret) tr.setSelection(TextSelection.create(state.doc, range.from)).scrollIntoView();
  return tr;
}

type Fields = Pick<AnnotationsState, 'data' | 'entities' | 'schema' | 'focus' | 'picking'>;

// A new state for new fields. The mention index follows the mentions change by change;
// the links are worked out again only when the focus or what it links through changed.
function build(fields: Fields, previous: AnnotationsState | null): AnnotationsState {
  let index: MentionIndex;
  let mentionChanges: MentionChanges | null = null;
  if (previous === null) index = MentionIndex.of(fields.data.mentions);
  else if (previous.data.mentions === fields.data.mentions) index = previous.index;
  else {
    mentionChanges = previous.index.changesTo(fields.data.mentions);
    index = previous.index.with(fields.data.mentions, mentionChanges);
  }
  const byId = index.byId;
  // A focus or a pick whose mention, event or relation end went (deleted, undone) is dropped.
  const focus = fields.focus !== null && byId.has(fields.focus) ? fields.focus : null;
  const picking = stillValid(fields.picking, fields.data, byId);
  const sameLinks =
    previous !== null &&
    previous.focus === focus &&
    previous.data === fields.data &&
    previous.schema === fields.schema;
  const links = sameLinks ? previous.links : linksOf(fields.data, fields.schema, focus, byId);
  const linked = sameLinks ? previous.linked : new Set(links.flatMap((l) => [l.fromMentionId, l.toMentionId]));
  return { ...fields, focus, picking, order: index.order, byId, index, mentionChanges, links, linked };
}

function stillValid(picking: Picking | null, data: AnnotationData, byId: ReadonlyMap<number, Mention>): Picking | null {
  if (!picking) return null;
  if (picking.kind === 'argument') return data.events.some((e) => e.id === picking.eventId) ? picking : null;
  return byId.has(picking.fromMentionId) ? picking : null;
}

// The mentions whose elements contain the click's target: exactly the mentions that cover
// the clicked character, however they nest; the shortest (innermost) first, which the
// elements' order need not be (of two mentions starting together, the shorter wraps).
function mentionsUnder(view: EditorView, event: MouseEvent, byId: ReadonlyMap<number, Mention>): Mention[] {
  const under: Mention[] = [];
  let node = event.target instanceof Element ? event.target : null;
  while (node && node !== view.dom) {
    const id = node.getAttribute('data-mention-id');
    const mention = id === null ? undefined : byId.get(Number(id));
    if (mention) under.push(mention);
    node = node.parentElement;
  }
  return under.sort((a, b) => a.end - a.start - (b.end - b.start));
}
