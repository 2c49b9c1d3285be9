// The one list of Spanlab's keyboard shortcuts. The key handler (useShortcuts.ts) looks keys
// up here and the `?` overlay draws its table from here, so a shortcut cannot work without
// being listed, or be listed without working. The labels' own keys (1–9 for entity types,
// letters as the schema sets) come from the project's schema through labelBindings().
//
// Keys are written in one normal form, the one keyName() produces from a key event:
// modifiers first in the order Mod, Ctrl, Alt, Shift, then the key. `Mod` is ⌘ on macOS and
// Ctrl elsewhere. A printable key stands as the character it types ('?', '/', 'A'), Shift
// being part of the character; with Mod or Alt a letter is written lower case and Shift
// spelled out ('Mod+Shift+z'). Pure: no DOM, tested in plain Node.

import type { EntityType, EventType, LabelSchema, RelationType } from '../../common/model';

export type CommandId =
  | 'openPicker'
  | 'addRelation'
  | 'deleteMention'
  | 'nextMention'
  | 'previousMention'
  | 'escape'
  | 'toggleSnap'
  | 'undo'
  | 'redo'
  | 'doneAndNext'
  | 'nextDocument'
  | 'previousDocument'
  | 'switchView'
  | 'help';

export type ShortcutGroup = 'Annotate' | 'Move' | 'History' | 'Documents' | 'Help';

export interface Shortcut {
  command: CommandId;
  /** Every key that runs the command, in normal form; the first is the one shown first. */
  keys: readonly string[];
  description: string;
  group: ShortcutGroup;
  /**
   * `text`: only while the article has the keyboard (Tab and Delete mean something else in
   * the side panel). `anywhere`: also from the panel's buttons. No shortcut fires while a
   * text field has the keyboard, except those marked `inFields`. `app`: carried out by the
   * application shell, not the open document (listed here so that the overlay shows it and
   * no other command takes its key).
   */
  scope: 'text' | 'anywhere' | 'app';
  inFields?: boolean;
}

/** A mouse or native gesture, listed in the overlay beside the keys. */
export interface Gesture {
  keys: string;
  description: string;
  group: ShortcutGroup;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'openPicker', keys: ['/', 'Space'], group: 'Annotate', scope: 'text',
    description: 'Choose a label for the selection (or the focused mention) from a list' },
  { command: 'addRelation', keys: ['r'], group: 'Annotate', scope: 'text',
    description: 'Relate the focused mention to another: pick the type, then click the other' },
  { command: 'deleteMention', keys: ['Delete', 'Backspace'], group: 'Annotate', scope: 'text',
    description: 'Delete the focused mention, with the events and relations that use it' },
  { command: 'toggleSnap', keys: ['Alt+w'], group: 'Annotate', scope: 'anywhere',
    description: 'Snap selections to whole words, or allow parts of words' },
  { command: 'nextMention', keys: ['Tab'], group: 'Move', scope: 'text',
    description: 'Focus the next mention in the text' },
  { command: 'previousMention', keys: ['Shift+Tab'], group: 'Move', scope: 'text',
    description: 'Focus the previous mention' },
  { command: 'escape', keys: ['Escape'], group: 'Move', scope: 'anywhere',
    description: 'Cancel picking, close a list, or clear the focus' },
  { command: 'undo', keys: ['Mod+z'], group: 'History', scope: 'anywhere',
    description: 'Undo the last change to this document' },
  { command: 'redo', keys: ['Mod+Shift+z', 'Mod+y'], group: 'History', scope: 'anywhere',
    description: 'Redo what was undone' },
  { command: 'doneAndNext', keys: ['Mod+Enter'], group: 'Documents', scope: 'anywhere', inFields: true,
    description: 'Mark the document done and open the next one' },
  { command: 'nextDocument', keys: [']', 'Alt+ArrowRight'], group: 'Documents', scope: 'anywhere',
    description: 'Open the next document in the list' },
  { command: 'previousDocument', keys: ['[', 'Alt+ArrowLeft'], group: 'Documents', scope: 'anywhere',
    description: 'Open the previous document in the list' },
  { command: 'switchView', keys: ['Mod+Shift+s'], group: 'Documents', scope: 'app',
    description: 'Switch between the documents and the label schema' },
  { command: 'help', keys: ['?'], group: 'Help', scope: 'anywhere', description: 'Show or hide this list of shortcuts' },
];

export const GESTURES: readonly Gesture[] = [
  { keys: 'Shift+Arrow', group: 'Annotate', description: 'Select text from the caret (Mod+Shift+Arrow: by word)' },
  { keys: 'Double-click', group: 'Annotate', description: 'Select a word' },
  { keys: 'Click', group: 'Move', description: 'Focus a mention; click again for the mention around it' },
];

/** What a label key marks: an entity type, an event type, or a relation type. */
export type LabelBinding =
  | { kind: 'entity'; type: EntityType }
  | { kind: 'event'; type: EventType }
  | { kind: 'relation'; type: RelationType };

/// The label keys of a schema, by key. The schema's own hotkeys first (entity types before
/// event types before relation types when two share a key); then each of the first nine
/// entity types without one gets its digit, 1–9, if no label has taken it.
export function labelBindings(schema: LabelSchema): Map<string, LabelBinding> {
  const keys = new Map<string, LabelBinding>();
  const bind = (key: string | null, binding: LabelBinding) => {
    if (key && !keys.has(key)) keys.set(key, binding);
  };
  for (const type of schema.entityTypes) bind(type.hotkey, { kind: 'entity', type });
  for (const type of schema.eventTypes) bind(type.hotkey, { kind: 'event', type });
  for (const type of schema.relationTypes) bind(type.hotkey, { kind: 'relation', type });
  schema.entityTypes.slice(0, 9).forEach((type, i) => {
    if (!type.hotkey) bind(String(i + 1), { kind: 'entity', type });
  });
  return keys;
}

/// The key of the label `typeId` of `kind`, if it has one.
export function keyOfLabel(bindings: ReadonlyMap<string, LabelBinding>, kind: LabelBinding['kind'], typeId: number): string | null {
  for (const [key, binding] of bindings) if (binding.kind === kind && binding.type.id === typeId) return key;
  return null;
}

/** The parts of a keyboard event that name a key. */
export interface KeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/// The normal form of a key press (see the head of this file). With Mod or Alt a letter is
/// named by its place on the keyboard, not the character it types: Option+W types ∑ on
/// macOS, and Ctrl+Z is Ctrl+ظ on an Arabic layout.
export function keyName(press: KeyPress, mac: boolean): string {
  let key = press.key === ' ' ? 'Space' : press.key;
  const mod = mac ? press.metaKey : press.ctrlKey;
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (mac && press.ctrlKey) parts.push('Ctrl');
  if (!mac && press.metaKey) parts.push('Meta');
  if (press.altKey) parts.push('Alt');
  const letter = /^Key([A-Z])$/.exec(press.code ?? '');
  if (letter && (mod || press.altKey || (mac && press.ctrlKey))) key = letter[1]!;
  const printable = key.length === 1;
  if (press.shiftKey && (!printable || mod || press.altKey)) parts.push('Shift');
  if (printable && (mod || press.altKey)) key = key.toLowerCase();
  return [...parts, key].join('+');
}

/// The same press named by the key's place on a US keyboard, for a press that names no
/// shortcut as typed: on an Arabic or Greek layout the key marked A types ش or α, and the
/// analyst's label keys must still work. Null when it would name the same.
export function physicalKeyName(press: KeyPress, mac: boolean): string | null {
  const match = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(press.code ?? '');
  if (!match || press.key.length !== 1) return null;
  const key = match[1] ? (press.shiftKey ? match[1] : match[1].toLowerCase()) : match[2]!;
  const name = keyName({ ...press, key }, mac);
  return name === keyName(press, mac) ? null : name;
}

/** What a key does: a command, or a label to apply. */
export type KeyAction = { kind: 'command'; shortcut: Shortcut } | { kind: 'label'; binding: LabelBinding };

/// What the key `name` does. A label key comes before a command on the same key: the
/// project's schema is the analyst's deliberate choice.
export function resolveKey(name: string, labels: ReadonlyMap<string, LabelBinding>): KeyAction | null {
  const binding = labels.get(name);
  if (binding) return { kind: 'label', binding };
  const shortcut = SHORTCUTS.find((s) => s.keys.includes(name));
  return shortcut ? { kind: 'command', shortcut } : null;
}

/// The first key of a command, for buttons' tooltips.
export function keyOfCommand(command: CommandId): string {
  return SHORTCUTS.find((s) => s.command === command)!.keys[0]!;
}

/// How a key in normal form is printed: one cap per part ('Mod+Shift+z' → Ctrl, Shift, Z).
export function keyCaps(name: string, mac: boolean): string[] {
  // A key that is itself '+' would split into empty parts.
  const parts = name === '+' ? ['+'] : name.split('+');
  return parts.map((part) => {
    const named = (mac ? MAC_CAPS : CAPS)[part];
    if (named) return named;
    return part.length === 1 ? part.toUpperCase() : part;
  });
}

const CAPS: Record<string, string> = {
  Mod: 'Ctrl',
  Alt: 'Alt',
  Shift: 'Shift',
  Meta: 'Win',
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Delete: 'Del',
  Backspace: '⌫',
};
const MAC_CAPS: Record<string, string> = { ...CAPS, Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧', Enter: '↩' };

/// Whether the platform writes Mod as ⌘.
export function isMac(platform: string): boolean {
  return /mac|darwin|iphone|ipad/i.test(platform);
}
