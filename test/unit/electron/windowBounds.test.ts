import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_WINDOW_SIZE, restorableBounds } from '../../../main/electron/windowBounds';

const laptop = { x: 0, y: 0, width: 1440, height: 876 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

test('a window saved on a connected screen reopens where it was', () => {
  const saved = { x: 100, y: 80, width: 1200, height: 760 };
  assert.deepEqual(restorableBounds(saved, [laptop]), saved);
});

test('a window saved on a monitor that is gone reopens at the default place', () => {
  assert.equal(restorableBounds({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop]), null);
  assert.deepEqual(restorableBounds({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop, monitorRight]), {
    x: 2000,
    y: 100,
    width: 1200,
    height: 800,
  });
});

test('a title bar hidden above the screen or only a sliver on it does not count', () => {
  assert.equal(restorableBounds({ x: 100, y: -400, width: 1000, height: 700 }, [laptop]), null);
  assert.equal(restorableBounds({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop]), null);
});

test('sizes are clamped between the minimum and the largest screen', () => {
  const tiny = restorableBounds({ x: 10, y: 10, width: 100, height: 50 }, [laptop]);
  assert.equal(tiny?.width, MIN_WINDOW_SIZE.width);
  assert.equal(tiny?.height, MIN_WINDOW_SIZE.height);
  const huge = restorableBounds({ x: 0, y: 0, width: 9000, height: 9000 }, [laptop]);
  assert.equal(huge?.width, laptop.width);
  assert.equal(huge?.height, laptop.height);
});

test('nothing saved, or garbage saved, means the default', () => {
  assert.equal(restorableBounds(null, [laptop]), null);
  assert.equal(restorableBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [laptop]), null);
});
