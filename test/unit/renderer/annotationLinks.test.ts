import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabelSchema, Mention } from '../../../common/model';
import type { AnnotationData } from '../../../renderer/editor/annotationLinks';
import { accepts, linksOf } from '../../../renderer/editor/annotationLinks';

const mention = (id: number, typeId: number | null): Mention => ({
  id, documentId: 1, start: id * 10, end: id * 10 + 5, typeId, entityId: null, attributes: {}, note: '',
});
const type = (id: number, name: string) => ({ id, name, color: '#000000', hotkey: null, description: '' });

const FAC = 5;
const TIME = 8;
const schema: LabelSchema = {
  entityTypes: [type(FAC, 'FAC'), type(TIME, 'TIME')],
  eventTypes: [
    {
      ...type(1, 'Conflict.Attack'),
      roles: [
        { id: 11, eventTypeId: 1, name: 'Target', accepts: [FAC], repeatable: true },
        { id: 12, eventTypeId: 1, name: 'Place', accepts: [FAC], repeatable: false },
      ],
    },
    { ...type(2, 'Conflict.Demonstrate'), roles: [{ id: 21, eventTypeId: 2, name: 'Entity', accepts: [], repeatable: true }] },
  ],
  relationTypes: [type(30, 'PHYS')],
  attributes: [],
};

// "fired" (1) triggers an attack with Target "embassy" (2) and Place "Tuesday" (3, a TIME);
// "condemned" (4) triggers a demonstration nesting the attack; "guards" (5) is PHYS-related
// to "embassy".
const data: AnnotationData = {
  mentions: [mention(1, null), mention(2, FAC), mention(3, TIME), mention(4, null), mention(5, FAC)],
  events: [
    { id: 100, documentId: 1, triggerMentionId: 1, typeId: 1, attributes: {}, note: '' },
    { id: 200, documentId: 1, triggerMentionId: 4, typeId: 2, attributes: {}, note: '' },
  ],
  arguments: [
    { id: 1, eventId: 100, roleId: 11, mentionId: 2, argEventId: null },
    { id: 2, eventId: 100, roleId: 12, mentionId: 3, argEventId: null },
    { id: 3, eventId: 200, roleId: 21, mentionId: null, argEventId: 100 },
  ],
  relations: [{ id: 9, documentId: 1, typeId: 30, fromMentionId: 5, toMentionId: 2, attributes: {}, note: '' }],
};

const summary = (focus: number | null) =>
  linksOf(data, schema, focus).map((l) => `${l.fromMentionId}-${l.label}->${l.toMentionId}${l.mismatch ? '!' : ''}`);

describe('annotation links', () => {
  test('a focused trigger links to each argument, a filler of the wrong type marked', () => {
    // The attack's own arguments, and the demonstration it is nested in.
    assert.deepEqual(summary(1).sort(), ['1-Place->3!', '1-Target->2', '4-Entity->1']);
  });

  test('a focused argument shows its whole event and its relations', () => {
    assert.deepEqual(summary(2).sort(), ['1-Place->3!', '1-Target->2', '5-PHYS->2']);
  });

  test('nothing focused, nothing drawn', () => {
    assert.deepEqual(summary(null), []);
  });

  test('a role that lists no types takes any, and an untyped filler only then', () => {
    assert.equal(accepts([], null), true);
    assert.equal(accepts([FAC], null), false);
    assert.equal(accepts([FAC], FAC), true);
  });
});
