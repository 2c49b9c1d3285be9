import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Mention } from '../../../common/model';
import { spanLanes } from '../../../core/spanLanes';
import { MentionIndex } from '../../../renderer/editor/mentionIndex';
import { textOrder } from '../../../renderer/editor/mentionOrder';

const mention = (id: number, start: number, end: number, typeId = 1): Mention => ({
  id, documentId: 1, start, end, typeId, entityId: null, attributes: {}, note: '',
});

// What the index must always agree with: the mentions sorted afresh, and lanes worked out
// over every mention of the document at once.
function assertMatches(index: MentionIndex, mentions: readonly Mention[]): void {
  assert.deepEqual(index.order.map((m) => m.id), textOrder(mentions).map((m) => m.id));
  assert.deepEqual([...index.byId.keys()].sort((a, b) => a - b), mentions.map((m) => m.id).sort((a, b) => a - b));
  const lanes = spanLanes(mentions);
  mentions.forEach((m, i) => assert.equal(index.laneOf(index.byId.get(m.id)!), lanes[i], `lane of mention ${m.id}`));
}

describe('mention index', () => {
  test('finds the mentions over a stretch of text, however long the ones that reach into it', () => {
    const whole = mention(1, 0, 100);
    const early = mention(2, 2, 5);
    const inside = mention(3, 40, 45);
    const crossing = mention(4, 44, 60);
    const late = mention(5, 80, 90);
    const index = MentionIndex.of([late, crossing, inside, early, whole]);
    assert.deepEqual(index.overlapping(42, 50).map((m) => m.id), [1, 3, 4]);
    assert.deepEqual(index.overlapping(5, 40).map((m) => m.id), [1]); // touching ends do not overlap
    assert.deepEqual(index.overlapping(100, 120), []);
  });

  test('a new mention inside an old one moves the old one down a lane, and nothing else', () => {
    const outer = mention(1, 0, 25);
    const apart = mention(2, 40, 45);
    const before = MentionIndex.of([outer, apart]);
    assert.equal(before.laneOf(outer), 0);
    const inner = mention(3, 4, 14);
    const mentions = [outer, apart, inner];
    const changes = before.changesTo(mentions);
    assert.deepEqual(changes, { added: [inner], removed: [], replaced: [] });
    assert.deepEqual(new Set(before.unsettled(changes).map((m) => m.id)), new Set([1]));
    const after = before.with(mentions, changes);
    assert.equal(after.laneOf(inner), 0);
    assert.equal(after.laneOf(outer), 1);
    assert.equal(after.laneOf(apart), 0);
    assert.equal(before.laneOf(outer), 0, 'the old index keeps its answers');
  });

  test('after any edits, one at a time, order and lanes are what a fresh start gives', () => {
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 25 })).map(([start, length]) => ({ start, end: start + length }));
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), span }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), span }),
      fc.record({ kind: fc.constant('relabel' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('reload' as const) }),
    );
    fc.assert(
      fc.property(fc.array(span, { maxLength: 30 }), fc.array(edit, { maxLength: 25 }), (initial, edits) => {
        let nextId = 1;
        let mentions = initial.map((s) => mention(nextId++, s.start, s.end));
        let index = MentionIndex.of(mentions);
        assertMatches(index, mentions);
        for (const e of edits) {
          const at = 'pick' in e && mentions.length > 0 ? e.pick % mentions.length : -1;
          if (e.kind === 'add') mentions = [...mentions, mention(nextId++, e.span.start, e.span.end)];
          else if (e.kind === 'remove' && at >= 0) mentions = mentions.filter((_, i) => i !== at);
          else if (e.kind === 'move' && at >= 0) mentions = mentions.map((m, i) => (i === at ? { ...m, ...e.span } : m));
          else if (e.kind === 'relabel' && at >= 0) mentions = mentions.map((m, i) => (i === at ? { ...m, typeId: 2 } : m));
          else if (e.kind === 'reload') mentions = mentions.map((m) => ({ ...m }));
          index = index.with(mentions, index.changesTo(mentions));
          assertMatches(index, mentions);
        }
      }),
      { numRuns: 300 },
    );
  });
});
