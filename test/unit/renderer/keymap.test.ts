import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabelSchema } from '../../../common/model';
import type { KeyPress } from '../../../renderer/shortcuts/keymap';
import { keyCaps, keyName, labelBindings, physicalKeyName, resolveKey, SHORTCUTS } from '../../../renderer/shortcuts/keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

const type = (id: number, name: string, hotkey: string | null) => ({ id, name, color: '#000000', hotkey, description: '' });
const schema: LabelSchema = {
  entityTypes: [type(1, 'PER', '1'), type(2, 'ORG', null), type(3, 'GPE', '3')],
  eventTypes: [{ ...type(10, 'Conflict.Attack', 'a'), roles: [] }, { ...type(11, 'Clash', '1'), roles: [] }],
  relationTypes: [type(20, 'PHYS', 'r')],
  attributes: [],
};

describe('keymap', () => {
  test('key presses take one normal form on every platform', () => {
    assert.equal(keyName(press('z', { ctrlKey: true }), false), 'Mod+z');
    assert.equal(keyName(press('z', { metaKey: true }), true), 'Mod+z');
    assert.equal(keyName(press('Z', { ctrlKey: true, shiftKey: true }), false), 'Mod+Shift+z');
    assert.equal(keyName(press('?', { shiftKey: true }), false), '?');
    assert.equal(keyName(press('Tab', { shiftKey: true }), false), 'Shift+Tab');
    assert.equal(keyName(press(' '), false), 'Space');
    assert.equal(keyName(press('∑', { altKey: true, code: 'KeyW' }), true), 'Alt+w');
    assert.equal(keyName(press('ArrowRight', { altKey: true }), false), 'Alt+ArrowRight');
    // Ctrl on a Mac is not Mod.
    assert.equal(keyName(press('z', { ctrlKey: true }), true), 'Ctrl+z');
  });

  test('no two shortcuts share a key', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    assert.equal(new Set(keys).size, keys.length);
  });

  test("label keys come from the schema; the first nine entity types without one take their digit", () => {
    const bindings = labelBindings(schema);
    assert.equal(bindings.get('1')?.type.name, 'PER');
    assert.equal(bindings.get('2')?.type.name, 'ORG');
    assert.equal(bindings.get('3')?.type.name, 'GPE');
    assert.equal(bindings.get('a')?.kind, 'event');
  });

  test('an entity type keeps a key an event type also claims', () => {
    assert.equal(labelBindings(schema).get('1')?.kind, 'entity');
  });

  test('a label key wins over a command on the same key; other keys find their command', () => {
    const bindings = labelBindings(schema);
    assert.deepEqual(resolveKey('r', bindings), { kind: 'label', binding: bindings.get('r') });
    assert.equal(resolveKey('r', new Map())?.kind, 'command');
    const redo = resolveKey('Mod+y', bindings);
    assert.ok(redo?.kind === 'command' && redo.shortcut.command === 'redo');
    assert.equal(resolveKey('x', bindings), null);
  });

  test('keys print as caps for the platform', () => {
    assert.deepEqual(keyCaps('Mod+Shift+z', false), ['Ctrl', 'Shift', 'Z']);
    assert.deepEqual(keyCaps('Mod+Shift+z', true), ['⌘', '⇧', 'Z']);
    assert.deepEqual(keyCaps('Alt+ArrowLeft', false), ['Alt', '←']);
  });
});

describe('keymap on other keyboard layouts', () => {
  test('Mod and Alt combinations are named by the key, whatever it types', () => {
    assert.equal(keyName(press('ظ', { ctrlKey: true, code: 'KeyZ' }), false), 'Mod+z');
    assert.equal(keyName(press('S', { ctrlKey: true, shiftKey: true, code: 'KeyS' }), false), 'Mod+Shift+s');
  });

  test('a label key typed on an Arabic layout still finds its label by the key it sits on', () => {
    assert.equal(physicalKeyName(press('ش', { code: 'KeyA' }), false), 'a');
    assert.equal(physicalKeyName(press('١', { code: 'Digit1' }), false), '1');
    assert.equal(physicalKeyName(press('a', { code: 'KeyA' }), false), null);
    assert.equal(physicalKeyName(press('Tab', { code: 'Tab' }), false), null);
  });
});
