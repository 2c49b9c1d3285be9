// How mentions are painted over the immutable text: one inline decoration per mention,
// classes only (the CSP refuses style attributes; colours come from labelStyles.ts). Each
// decoration gets its own wrapping element (`nodeName`), so nested and overlapping mentions
// are nested elements, each with its own class, title and id, rather than one element
// whose attributes the last mention would overwrite.
//
// Classes: `mention`; the label (`mention-type-<id>`, or `mention-untyped`); an event
// trigger's event type (`mention-trigger event-type-<id>`); its lane under overlapping
// mentions (`depth-0`…`depth-3`, see core/spanLanes.ts); `is-focused` for the focused
// mention and `is-linked` for what it is connected to.
//
// Two things keep this fast with thousands of mentions:
//   - Only the blocks (paragraphs) near the visible part of the article have their mentions
//     drawn: the first screenful at once, the others as they come within a screen of the
//     viewport (visibleBlocks.ts), and always those of the focus and what it links to. A
//     block once drawn stays drawn.
//   - A change redraws only the mentions it touches: those added, removed or changed, those
//     whose lane moved (the overlap cluster around a change), whose trigger or entity name
//     changed, and the focus and its links before and after. The DecorationSet is updated
//     with remove + add, so ProseMirror redraws only the paragraphs that hold them.

import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Block, EventRecord, Mention } from '../../common/model';
import type { OffsetMap } from '../../core/offsetMap';
import type { AnnotationsState } from './annotationsPlugin';
import { annotationsKey } from './annotationsPlugin';
import { withDOMSelection } from './domSelection';
import { VisibleBlocks } from './visibleBlocks';

/** Lanes beyond this are drawn on the last one: four underlines are as many as a line holds. */
export const DEEPEST_LANE = 3;

/** About a tall screen's worth of text: the blocks drawn before anything is laid out. */
const FIRST_SCREEN = 4_000;

export interface Drawing {
  readonly decorations: DecorationSet;
  /** The event type each trigger mention anchors (the first, when a span triggers several). */
  readonly triggers: ReadonlyMap<number, number>;
  readonly entityNames: ReadonlyMap<number, string>;
  /** Per block: 1 when its mentions are drawn. */
  readonly drawn: Uint8Array;
}

export const drawingKey = new PluginKey<Drawing>('mentionDrawing');

/// A transaction that draws the mentions of these blocks (by index) from now on.
export function drawBlocks(state: EditorState, blocks: readonly number[]): Transaction {
  return state.tr.setMeta(drawingKey, blocks).setMeta('addToHistory', false);
}

/// Draws the mentions of annotationsPlugin's state; `map` is the article's offset map.
export function mentionDecorationsPlugin(map: OffsetMap): Plugin<Drawing> {
  return new Plugin<Drawing>({
    key: drawingKey,
    state: {
      init: (_config, state) => firstDrawing(state.doc, map, annotationsKey.getState(state)!),
      apply(tr, drawing, oldState, newState) {
        const before = annotationsKey.getState(oldState)!;
        const after = annotationsKey.getState(newState)!;
        const reveal = tr.getMeta(drawingKey) as readonly number[] | undefined;
        if (before === after && !reveal) return drawing;
        return redraw(newState.doc, map, drawing, before, after, reveal ?? []);
      },
    },
    props: {
      decorations: (state) => drawingKey.getState(state)?.decorations,
    },
    view: (view) =>
      new VisibleBlocks(view, {
        blockCount: map.blocks.length,
        isDrawn: (block) => drawingKey.getState(view.state)?.drawn[block] === 1,
        draw: (blocks) => view.dispatch(withDOMSelection(view, drawBlocks(view.state, blocks))),
      }),
  });
}

function firstDrawing(doc: PMNode, map: OffsetMap, state: AnnotationsState): Drawing {
  const drawn = new Uint8Array(map.blocks.length);
  let budget = FIRST_SCREEN;
  for (let i = 0; i < drawn.length && budget > 0; i++) {
    drawn[i] = 1;
    budget -= map.blocks[i]!.end - map.blocks[i]!.start;
  }
  return drawAll(doc, map, state, drawn);
}

// Every drawn block's mentions, from scratch (the first drawing, a new schema).
function drawAll(doc: PMNode, map: OffsetMap, state: AnnotationsState, drawn: Uint8Array): Drawing {
  const drawing = { decorations: DecorationSet.empty, triggers: triggersOf(state.data.events), entityNames: entityNamesOf(state), drawn };
  for (const id of [state.focus, ...state.linked]) {
    const mention = id === null ? undefined : state.byId.get(id);
    if (mention) markBlocks(map.blocks, mention, drawn);
  }
  const shown = new Set<Mention>();
  for (let i = 0; i < drawn.length; i++) {
    if (drawn[i]) for (const m of state.index.overlapping(map.blocks[i]!.start, map.blocks[i]!.end)) shown.add(m);
  }
  const decorations: Decoration[] = [];
  for (const m of shown) pushDecoration(decorations, map, m, state, drawing);
  return { ...drawing, decorations: DecorationSet.create(doc, decorations) };
}

function redraw(
  doc: PMNode,
  map: OffsetMap,
  drawing: Drawing,
  before: AnnotationsState,
  after: AnnotationsState,
  reveal: readonly number[],
): Drawing {
  if (before.schema !== after.schema) return drawAll(doc, map, after, drawing.drawn.slice());

  // Mentions whose look may have changed, by id.
  const dirty = new Set<number>();
  const changes = after.mentionChanges;
  if (changes) {
    for (const m of changes.removed) dirty.add(m.id);
    for (const m of changes.added) dirty.add(m.id);
    for (const [old, now] of changes.replaced) if (drawnDiffers(old, now)) dirty.add(now.id);
    for (const m of after.index.unsettled(changes)) dirty.add(m.id);
  }
  let triggers = drawing.triggers;
  if (before.data.events !== after.data.events) {
    triggers = triggersOf(after.data.events);
    for (const id of new Set([...drawing.triggers.keys(), ...triggers.keys()])) {
      if (drawing.triggers.get(id) !== triggers.get(id)) dirty.add(id);
    }
  }
  let entityNames = drawing.entityNames;
  if (before.entities !== after.entities) {
    entityNames = entityNamesOf(after);
    const renamed = new Set([...entityNames].filter(([id, name]) => drawing.entityNames.get(id) !== name).map(([id]) => id));
    if (renamed.size > 0) for (const m of after.order) if (m.entityId !== null && renamed.has(m.entityId)) dirty.add(m.id);
  }
  if (before.focus !== after.focus || before.linked !== after.linked) {
    for (const id of [before.focus, after.focus, ...before.linked, ...after.linked]) if (id !== null) dirty.add(id);
  }

  // Blocks to draw from now on: those asked for, and those of the focus and its links.
  const wasDrawn = drawing.drawn;
  let drawn = wasDrawn;
  const draw = (block: number) => {
    if (drawn[block]) return;
    if (drawn === wasDrawn) drawn = wasDrawn.slice();
    drawn[block] = 1;
  };
  for (const block of reveal) if (block >= 0 && block < drawn.length) draw(block);
  for (const id of [after.focus, ...after.linked]) {
    const mention = id === null ? undefined : after.byId.get(id);
    if (mention) forBlocks(map.blocks, mention, draw);
  }

  const next: Drawing = { decorations: drawing.decorations, triggers, entityNames, drawn };
  const gone: Decoration[] = [];
  const added: Decoration[] = [];
  for (const id of dirty) {
    const old = before.byId.get(id);
    if (old && isDrawn(map.blocks, old, wasDrawn)) gone.push(...decorationsOf(drawing.decorations, map, old));
    const now = after.byId.get(id);
    if (now && isDrawn(map.blocks, now, drawn)) pushDecoration(added, map, now, after, next);
  }
  if (drawn !== wasDrawn) {
    const fresh = new Set<Mention>();
    for (let i = 0; i < drawn.length; i++) {
      if (!drawn[i] || wasDrawn[i]) continue;
      for (const m of after.index.overlapping(map.blocks[i]!.start, map.blocks[i]!.end)) {
        if (!dirty.has(m.id) && !isDrawn(map.blocks, m, wasDrawn)) fresh.add(m);
      }
    }
    for (const m of fresh) pushDecoration(added, map, m, after, next);
  }
  if (gone.length === 0 && added.length === 0) {
    const same = drawn === wasDrawn && triggers === drawing.triggers && entityNames === drawing.entityNames;
    return same ? drawing : next;
  }
  return { ...next, decorations: drawing.decorations.remove(gone).add(doc, added) };
}

// Whether two states of a mention look different (its attributes and note do not show).
function drawnDiffers(a: Mention, b: Mention): boolean {
  return a.start !== b.start || a.end !== b.end || a.typeId !== b.typeId || a.entityId !== b.entityId;
}

function pushDecoration(into: Decoration[], map: OffsetMap, mention: Mention, state: AnnotationsState, drawing: Drawing): void {
  const range = toRange(map, mention);
  if (!range) return;
  const classes = ['mention', mention.typeId === null ? 'mention-untyped' : `mention-type-${mention.typeId}`];
  const eventType = drawing.triggers.get(mention.id);
  if (eventType !== undefined) classes.push('mention-trigger', `event-type-${eventType}`);
  classes.push(`depth-${Math.min(state.index.laneOf(mention), DEEPEST_LANE)}`);
  if (mention.id === state.focus) classes.push('is-focused');
  else if (state.linked.has(mention.id)) classes.push('is-linked');

  // The label in words on hover, so that colour is never the only clue.
  const { schema } = state;
  const title = [
    mention.typeId !== null ? (schema.entityTypes.find((t) => t.id === mention.typeId)?.name ?? 'Unknown type') : null,
    eventType !== undefined ? `${schema.eventTypes.find((t) => t.id === eventType)?.name ?? 'Event'} trigger` : null,
    mention.entityId !== null ? `→ ${drawing.entityNames.get(mention.entityId) ?? 'linked entity'}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  into.push(
    Decoration.inline(
      range.from,
      range.to,
      { nodeName: 'span', class: classes.join(' '), 'data-mention-id': String(mention.id), title: title || 'Span' },
      { mentionId: mention.id },
    ),
  );
}

// The decoration drawn for `mention` (as it was when drawn).
function decorationsOf(set: DecorationSet, map: OffsetMap, mention: Mention): Decoration[] {
  const range = toRange(map, mention);
  return range ? set.find(range.from, range.to, (spec: { mentionId?: number }) => spec.mentionId === mention.id) : [];
}

function triggersOf(events: readonly EventRecord[]): Map<number, number> {
  const triggers = new Map<number, number>();
  for (const event of events) if (!triggers.has(event.triggerMentionId)) triggers.set(event.triggerMentionId, event.typeId);
  return triggers;
}

function entityNamesOf(state: AnnotationsState): Map<number, string> {
  return new Map(state.entities.map((e) => [e.id, e.name]));
}

// The blocks a mention's text lies in, each handed to `each`.
function forBlocks(blocks: readonly Block[], mention: Mention, each: (block: number) => void): void {
  // The first block that ends after the mention starts; on until one starts at its end.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.end > mention.start) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < blocks.length && blocks[i]!.start < mention.end; i++) each(i);
}

function isDrawn(blocks: readonly Block[], mention: Mention, drawn: Uint8Array): boolean {
  let found = false;
  forBlocks(blocks, mention, (block) => (found ||= drawn[block] === 1));
  return found;
}

function markBlocks(blocks: readonly Block[], mention: Mention, drawn: Uint8Array): void {
  forBlocks(blocks, mention, (block) => (drawn[block] = 1));
}

function toRange(map: OffsetMap, mention: Mention): { from: number; to: number } | null {
  try {
    return map.rangeToPos(mention.start, mention.end);
  } catch (error) {
    // One mention with offsets outside the text must not blank the whole article.
    console.warn(`[spanlab] mention ${mention.id} does not fit the text:`, error);
    return null;
  }
}
