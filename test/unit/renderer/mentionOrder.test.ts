import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Mention } from '../../../common/model';
import { cycleAt, stepFocus, textOrder } from '../../../renderer/editor/mentionOrder';

const mention = (id: number, start: number, end: number): Mention => ({
  id, documentId: 1, start, end, typeId: 1, entityId: null, attributes: {}, note: '',
});

// "the US embassy in Baghdad": the whole phrase, "US embassy" and "Baghdad".
const outer = mention(1, 0, 25);
const embassy = mention(2, 4, 14);
const baghdad = mention(3, 18, 25);
const later = mention(4, 40, 45);

describe('mention order', () => {
  test('Tab visits mentions in text order, an enclosing one before those inside it', () => {
    const ordered = textOrder([later, baghdad, embassy, outer]);
    assert.deepEqual(ordered.map((m) => m.id), [1, 2, 3, 4]);
    assert.equal(stepFocus(ordered, null, 1), 1);
    assert.equal(stepFocus(ordered, 1, 1), 2);
    assert.equal(stepFocus(ordered, 4, 1), 1);
    assert.equal(stepFocus(ordered, null, -1), 4);
    assert.equal(stepFocus(ordered, 1, -1), 4);
    assert.equal(stepFocus([], null, 1), null);
  });

  test('a click picks the innermost mention, and each further click the next one out', () => {
    const under = [outer, embassy];
    assert.equal(cycleAt(under, null), 2);
    assert.equal(cycleAt(under, 2), 1);
    assert.equal(cycleAt(under, 1), 2);
    assert.equal(cycleAt(under, 4), 2);
    assert.equal(cycleAt([], 2), null);
  });
});
