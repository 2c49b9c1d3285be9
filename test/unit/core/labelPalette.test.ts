import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SCHEMA } from '../../../core/defaultSchema';
import { LABEL_PALETTES, unusedColor } from '../../../core/labelPalette';

describe('label palettes', () => {
  test('the default schema is coloured from the palettes, one colour per type', () => {
    assert.deepEqual(
      DEFAULT_SCHEMA.entityTypes.map((t) => t.color),
      LABEL_PALETTES.entity,
    );
    assert.deepEqual(
      DEFAULT_SCHEMA.eventTypes.map((t) => t.color),
      LABEL_PALETTES.event,
    );
  });

  test('a new label takes the first colour of its palette that no label has, in any case', () => {
    assert.equal(unusedColor('entity', []), '#CC6677');
    assert.equal(unusedColor('entity', ['#cc6677', '#332288']), '#DDCC77');
    assert.equal(unusedColor('relation', ['#E69F00']), '#56B4E9');
  });

  test('past its own palette a kind borrows unused colours of the others, then repeats its own', () => {
    const entities = [...LABEL_PALETTES.entity];
    assert.equal(unusedColor('entity', entities), LABEL_PALETTES.relation[0]);
    assert.equal(unusedColor('entity', [...entities, ...LABEL_PALETTES.relation]), LABEL_PALETTES.event[0]);
    // Everything taken once: the entity palette again from its start, then the next.
    const all = Object.values(LABEL_PALETTES).flat();
    assert.equal(unusedColor('entity', all), '#CC6677');
    assert.equal(unusedColor('entity', [...all, '#CC6677']), '#332288');
  });
});
