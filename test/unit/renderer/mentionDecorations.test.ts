import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { EditorState } from 'prosemirror-state';
import { EditorState as State } from 'prosemirror-state';
import type { Entity, EventRecord, LabelSchema, Mention } from '../../../common/model';
import { blocksFromText } from '../../../core/blocks';
import type { AnnotationData } from '../../../renderer/editor/annotationLinks';
import type { AnnotationsUpdate } from '../../../renderer/editor/annotationsPlugin';
import { annotationsPlugin, updateAnnotations } from '../../../renderer/editor/annotationsPlugin';
import { buildArticleDocument } from '../../../renderer/editor/articleDocument';
import { drawBlocks, drawingKey, mentionDecorationsPlugin } from '../../../renderer/editor/mentionDecorations';

// Forty paragraphs of 400 characters: the first screenful is drawn at once, the rest as
// they come into view.
const text = Array.from({ length: 40 }, (_, p) => `${'word '.repeat(79)}p${String(p).padStart(3, '0')}`).join('\n\n');
const article = buildArticleDocument(text, blocksFromText(text));
const schema: LabelSchema = {
  entityTypes: [1, 2, 3].map((id) => ({ id, name: `TYPE${id}`, color: '#336699', hotkey: null, description: '' })),
  eventTypes: [{ id: 7, name: 'Attack', color: '#993333', hotkey: null, description: '', roles: [] }],
  relationTypes: [],
  attributes: [],
};
const mention = (id: number, start: number, end: number, typeId: number | null = 1, entityId: number | null = null): Mention => ({
  id, documentId: 1, start, end, typeId, entityId, attributes: {}, note: '',
});
const noHost = { current: { pick: () => {} } };

function stateOf(data: AnnotationData, entities: readonly Entity[]): EditorState {
  return State.create({
    doc: article.doc,
    plugins: [annotationsPlugin({ data, entities, schema }, noHost), mentionDecorationsPlugin(article.map)],
  });
}

// What is drawn, in a form two states can be compared by.
function drawn(state: EditorState): string[] {
  return drawingKey
    .getState(state)!
    .decorations.find()
    .map((d) => `${d.from}-${d.to} ${JSON.stringify((d as unknown as { type: { attrs: unknown } }).type.attrs)}`)
    .sort();
}

describe('mention decorations', () => {
  test('only the first screenful is drawn at first; a block coming into view, or the focus, draws its mentions', () => {
    const inFirst = mention(1, 10, 14);
    const farAway = mention(2, 39 * 402 + 10, 39 * 402 + 14);
    let state = stateOf({ mentions: [inFirst, farAway], events: [], arguments: [], relations: [] }, []);
    const ids = () => drawn(state).map((d) => /"data-mention-id":"(\d+)"/.exec(d)![1]);
    assert.deepEqual(ids(), ['1']);
    state = state.apply(drawBlocks(state, [39]));
    assert.deepEqual(ids().sort(), ['1', '2']);
    let other = stateOf({ mentions: [inFirst, farAway], events: [], arguments: [], relations: [] }, []);
    other = other.apply(updateAnnotations(other, { focus: 2 }));
    assert.match(drawn(other).find((d) => d.includes('"data-mention-id":"2"'))!, /is-focused/);
  });

  test('after any changes, what is drawn equals a fresh drawing of the same blocks', () => {
    const span = fc.tuple(fc.nat(40 * 402 - 30), fc.integer({ min: 1, max: 20 })).map(([start, length]) => ({ start, end: start + length }));
    const change = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), span, typeId: fc.constantFrom(1, 2, null) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), span }),
      fc.record({ kind: fc.constant('relabel' as const), pick: fc.nat(), typeId: fc.constantFrom(1, 2, 3) }),
      fc.record({ kind: fc.constant('link' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('Embassy', 'Ministry') }),
      fc.record({ kind: fc.constant('trigger' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('focus' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('reveal' as const), block: fc.nat(39) }),
      fc.record({ kind: fc.constant('reload' as const) }),
    );
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(change, { maxLength: 20 }), (initial, changes) => {
        let nextId = 1;
        let mentions = initial.map((s) => mention(nextId++, s.start, s.end));
        let events: EventRecord[] = [];
        let entities: Entity[] = [{ id: 5, name: 'Entity', typeId: null, aliases: [], externalId: null, mentionCount: 0 }];
        let focus: number | null = null;
        let state = stateOf({ mentions, events, arguments: [], relations: [] }, entities);
        for (const c of changes) {
          const at = 'pick' in c && mentions.length > 0 ? c.pick % mentions.length : -1;
          const update: AnnotationsUpdate = {};
          if (c.kind === 'reveal') {
            state = state.apply(drawBlocks(state, [c.block]));
            continue;
          }
          if (c.kind === 'add') mentions = [...mentions, mention(nextId++, c.span.start, c.span.end, c.typeId)];
          else if (c.kind === 'remove' && at >= 0) mentions = mentions.filter((_, i) => i !== at);
          else if (c.kind === 'move' && at >= 0) mentions = mentions.map((m, i) => (i === at ? { ...m, ...c.span } : m));
          else if (c.kind === 'relabel' && at >= 0) mentions = mentions.map((m, i) => (i === at ? { ...m, typeId: c.typeId } : m));
          else if (c.kind === 'link' && at >= 0) mentions = mentions.map((m, i) => (i === at ? { ...m, entityId: 5 } : m));
          else if (c.kind === 'rename') entities = [{ ...entities[0]!, name: c.name }];
          else if (c.kind === 'trigger' && at >= 0) {
            const trigger = { id: events.length + 1, documentId: 1, triggerMentionId: mentions[at]!.id, typeId: 7 };
            events = [...events, { ...trigger, attributes: {}, note: '' }];
          }
          else if (c.kind === 'focus') focus = at >= 0 ? mentions[at]!.id : null;
          else if (c.kind === 'reload') mentions = mentions.map((m) => ({ ...m }));
          events = events.filter((e) => mentions.some((m) => m.id === e.triggerMentionId));
          if (focus !== null && !mentions.some((m) => m.id === focus)) focus = null;
          Object.assign(update, { data: { mentions, events, arguments: [], relations: [] }, entities, focus });
          state = state.apply(updateAnnotations(state, update));
        }
        // A fresh start with the same annotations, focus and blocks drawn.
        let fresh = stateOf({ mentions, events, arguments: [], relations: [] }, entities);
        fresh = fresh.apply(updateAnnotations(fresh, { focus }));
        const blocks = [...drawingKey.getState(state)!.drawn.entries()].filter(([, on]) => on).map(([i]) => i);
        fresh = fresh.apply(drawBlocks(fresh, blocks));
        assert.deepEqual(drawn(state), drawn(fresh));
      }),
      { numRuns: 200 },
    );
  });
});
