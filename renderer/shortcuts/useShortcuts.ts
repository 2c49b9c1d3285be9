// The one key listener of the open document: every key press is named (keyName), looked up
// in the keymap and the schema's label keys (resolveKey) and handed to the document's
// handlers, if the shortcut applies where the keyboard is. A text field keeps its keys
// (typing "1" in a note types a 1; Ctrl+Z there undoes typing), except for the few
// shortcuts marked `inFields`.

import { useEffect, useRef } from 'react';
import type { CommandId, LabelBinding } from './keymap';
import { isMac, keyName, physicalKeyName, resolveKey } from './keymap';

export interface ShortcutHandlers {
  labels: ReadonlyMap<string, LabelBinding>;
  /** Whether `target` is the article text (where `text`-scoped shortcuts apply). */
  inText: (target: EventTarget | null) => boolean;
  /**
   * Whether label keys apply with the keyboard at `target`: in the text and the panels
   * about it, not in the document list (where a digit is no label).
   */
  labelsAt: (target: EventTarget | null) => boolean;
  onLabel: (binding: LabelBinding) => void;
  onCommand: (command: CommandId) => void;
}

const MAC = isMac(navigator.platform || navigator.userAgent);

export function useShortcuts(handlers: ShortcutHandlers): void {
  // Read at each key press, so the listener is added once.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.isComposing) return;
      const { labels, inText, labelsAt, onLabel, onCommand } = latest.current;
      const physical = physicalKeyName(event, MAC);
      const action = resolveKey(keyName(event, MAC), labels) ?? (physical ? resolveKey(physical, labels) : null);
      if (!action) return;
      const text = inText(event.target);
      const field = !text && isTextField(event.target);
      if (action.kind === 'label') {
        if (field || event.repeat || !(text || labelsAt(event.target))) return;
        event.preventDefault();
        onLabel(action.binding);
        return;
      }
      const { shortcut } = action;
      if (shortcut.scope === 'app' || (field && !shortcut.inFields)) return;
      if (shortcut.scope === 'text' && !text) return;
      event.preventDefault();
      onCommand(shortcut.command);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type);
}
