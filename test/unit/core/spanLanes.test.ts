import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SpanExtent } from '../../../core/spanLanes';
import { spanLanes } from '../../../core/spanLanes';

const span = (start: number, end: number): SpanExtent => ({ start, end });

// Every pair of overlapping spans must be drawn on different lanes.
function assertSeparated(spans: SpanExtent[], lanes: number[]) {
  for (let a = 0; a < spans.length; a++) {
    for (let b = a + 1; b < spans.length; b++) {
      if (spans[a]!.start < spans[b]!.end && spans[b]!.start < spans[a]!.end) {
        assert.notEqual(lanes[a], lanes[b], `spans ${a} and ${b} overlap`);
      }
    }
  }
}

describe('span lanes', () => {
  test('spans that do not overlap all sit on the first lane', () => {
    assert.deepEqual(spanLanes([span(0, 3), span(5, 9), span(9, 12)]), [0, 0, 0]);
  });

  test('an enclosing span is drawn under the spans inside it, like a bracket', () => {
    // "the US embassy in Baghdad" ⊃ "US embassy", "Baghdad"; given in any order.
    const spans = [span(4, 14), span(0, 25), span(18, 25)];
    assert.deepEqual(spanLanes(spans), [0, 1, 0]);
  });

  test('the lane is the nesting height, however deep', () => {
    const spans = [span(0, 100), span(10, 50), span(20, 30), span(60, 70)];
    assert.deepEqual(spanLanes(spans), [2, 1, 0, 0]);
  });

  test('two spans that cross get different lanes', () => {
    const spans = [span(0, 10), span(5, 15), span(12, 20)];
    const lanes = spanLanes(spans);
    assertSeparated(spans, lanes);
    assert.deepEqual(lanes, [0, 1, 0]);
  });

  test('two mentions of exactly the same span are both visible', () => {
    const lanes = spanLanes([span(3, 8), span(3, 8)]);
    assert.deepEqual(lanes.slice().sort(), [0, 1]);
  });

  test('a random mix of nested and crossing spans never draws two overlapping spans on one lane', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: 40 }, () => {
        const start = Math.floor(random() * 200);
        return span(start, start + 1 + Math.floor(random() * 30));
      });
      assertSeparated(spans, spanLanes(spans));
    }
  });

  test('thirty thousand spans take well under a frame per thousand', () => {
    const spans = Array.from({ length: 30_000 }, (_, i) => (i % 10 === 0 ? span(i * 10, i * 10 + 25) : span(i * 10, i * 10 + 6)));
    const started = performance.now();
    spanLanes(spans);
    assert.ok(performance.now() - started < 500);
  });
});
