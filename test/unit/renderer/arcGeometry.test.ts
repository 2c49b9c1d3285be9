import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { arcBetween } from '../../../renderer/editor/arcGeometry';

describe('arc geometry', () => {
  test('an arc between two spans on one line rises above both, its label at the apex', () => {
    const arc = arcBetween({ x: 100, y: 200 }, { x: 300, y: 200 });
    assert.match(arc.path, /^M100,200 C[\d.,-]+ [\d.,-]+ 300,200$/);
    assert.equal(arc.label.x, 200);
    assert.ok(arc.label.y < 200 - 10, 'label above the line');
  });

  test('longer arcs rise higher, so the arcs of one event nest', () => {
    const short = arcBetween({ x: 100, y: 200 }, { x: 150, y: 200 });
    const long = arcBetween({ x: 100, y: 200 }, { x: 500, y: 200 });
    assert.ok(long.label.y < short.label.y);
    assert.ok(arcBetween({ x: 100, y: 200 }, { x: 150, y: 200 }, 1).label.y < short.label.y);
  });

  test('an arc to a span on a later line comes down onto it, arrowhead pointing in', () => {
    const arc = arcBetween({ x: 300, y: 100 }, { x: 300, y: 160 });
    const [tip, ...base] = arc.arrow.split(' ').map((p) => p.split(',').map(Number));
    assert.deepEqual(tip, [300, 160]);
    for (const [, y] of base) assert.ok(y! < 160, 'the arrow base is above its tip');
    assert.ok(arc.label.y < 100);
  });
});

describe('arc labels', () => {
  test('a label slid along the curve moves toward the end it is slid to, below the apex', () => {
    const apex = arcBetween({ x: 100, y: 200 }, { x: 300, y: 200 }).label;
    const later = arcBetween({ x: 100, y: 200 }, { x: 300, y: 200 }, 0, 0.7).label;
    assert.ok(later.x > apex.x + 20);
    assert.ok(later.y > apex.y);
  });
});
