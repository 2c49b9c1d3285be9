import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SnapMode } from '../../../core/wordSnap';
import { snapRange, wordAt } from '../../../core/wordSnap';

const TEXT = 'Unidentified militants fired three rockets at the US embassy in Baghdad, the embassy\'s air defence said.';

// Snaps the selection of `selected` (its first occurrence, shifted by the given amounts)
// and returns the text that would be marked.
function marked(selected: string, mode: SnapMode, shiftStart = 0, shiftEnd = 0, text = TEXT): string | null {
  const at = text.indexOf(selected);
  assert.ok(at >= 0, `${selected} is in the text`);
  const range = snapRange(text, at + shiftStart, at + selected.length + shiftEnd, mode);
  return range && text.slice(range.from, range.to);
}

describe('word snapping', () => {
  test('a selection that starts and ends inside words grows to the whole words', () => {
    assert.equal(marked('S embas', 'words'), 'US embassy');
    assert.equal(marked('e US embassy i', 'words'), 'the US embassy in');
  });

  test('surrounding whitespace and punctuation are trimmed', () => {
    assert.equal(marked(' Baghdad, ', 'words'), 'Baghdad');
    assert.equal(marked('"Whoever', 'words', 0, 0, 'he said "Whoever fired"'), 'Whoever');
    assert.equal(marked('(Iraq)', 'characters', 0, 0, 'the capital (Iraq) said'), 'Iraq');
  });

  test('a selection of only spaces and punctuation marks nothing', () => {
    assert.equal(marked(', ', 'words'), null);
    assert.equal(snapRange('a  b', 1, 3, 'words'), null);
  });

  test('in character mode the ends stay inside words, for sub-word spans', () => {
    assert.equal(marked('S embas', 'characters'), 'S embas');
    assert.equal(marked(' Baghd', 'characters'), 'Baghd');
  });

  test('a possessive ending is left out when the selection stops before it', () => {
    assert.equal(marked('the embass', 'words', 0, 0), 'the embassy');
    assert.equal(marked("embassy's", 'words'), "embassy's");
  });

  test('currency, percent and initialisms keep their signs', () => {
    assert.equal(marked('$20 million', 'words', 0, 0, 'pledged $20 million.'), '$20 million');
    assert.equal(marked('20% ', 'words', 0, 0, 'up 20% today'), '20%');
    assert.equal(marked('U.S. ', 'words', 0, 0, 'the U.S. embassy'), 'U.S.');
    assert.equal(marked('Baghdad.', 'words', 0, 0, 'in Baghdad.'), 'Baghdad');
  });

  test('a backwards selection (head before anchor) snaps the same', () => {
    const at = TEXT.indexOf('S embas');
    const range = snapRange(TEXT, at + 'S embas'.length, at, 'words')!;
    assert.equal(TEXT.slice(range.from, range.to), 'US embassy');
  });

  test('Arabic words snap by their own boundaries', () => {
    const text = 'قال مسؤولون أمنيون';
    assert.equal(marked('سؤول', 'words', 0, 0, text), 'مسؤولون');
  });

  test('astral characters are never cut in half', () => {
    const text = 'rockets 🚀🚀 hit';
    const range = snapRange(text, 0, 9, 'words')!;
    assert.equal(text.slice(range.from, range.to), 'rockets 🚀');
  });

  test('a double-click finds the word under the pointer, or the one just before it', () => {
    const at = TEXT.indexOf('embassy');
    assert.deepEqual(wordAt(TEXT, at + 3), { from: at, to: at + 'embassy'.length });
    assert.deepEqual(wordAt(TEXT, at + 'embassy'.length), { from: at, to: at + 'embassy'.length });
    assert.equal(wordAt('a , b', 2), null);
  });
});
