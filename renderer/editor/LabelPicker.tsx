// The small list that opens at the selection (key `/`) to choose a label by name rather
// than by key: entity and event types to mark the selection, entity types for a new
// argument, relation types for a relation. Typing filters it; ↑/↓ and Enter choose; a
// label's digit key chooses it at once; Escape closes it and gives the keyboard back to
// the text.

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PickerAnchor } from '../annotate/editorCommands';
import './LabelPicker.css';

export interface PickerItem {
  id: string;
  name: string;
  group: string;
  hotkey: string | null;
  /** The class that gives its swatch the label's colour. */
  colorClass: string;
  description?: string;
  /** A note beside it (e.g. "accepted" for a role's filler types). */
  hint?: string;
}

interface LabelPickerProps {
  title: string;
  items: readonly PickerItem[];
  /** Where to open, in the article's coordinates (see editorCommands' pickerAnchor). */
  at: PickerAnchor;
  onPick: (item: PickerItem) => void;
  onClose: () => void;
}

export function LabelPicker({ title, items, at, onPick, onClose }: LabelPickerProps) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  // Below the selection, unless that runs off the bottom of the window and above fits.
  const [top, setTop] = useState(at.below);
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const shown = box.getBoundingClientRect();
    const aboveTop = at.above - shown.height;
    // Where the picker's top would be on screen if it opened above (56px: the top bar).
    const topIfAbove = shown.top - (at.below - aboveTop);
    if (shown.bottom <= window.innerHeight - 8) return;
    if (topIfAbove > 56) setTop(aboveTop);
    // Room neither below nor above: the text scrolls as little as shows the whole list.
    else box.scrollIntoView({ block: 'nearest' });
  }, [at]);

  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    return words ? items.filter((item) => item.name.toLowerCase().includes(words)) : items;
  }, [items, filter]);

  // Without scrolling: the picker places itself where it can be seen (below), and a
  // scroll would move the text out from under the analyst's eyes.
  useEffect(() => inputRef.current?.focus({ preventScroll: true }), []);
  useEffect(() => setActive(0), [filter]);

  function onKeyDown(event: KeyboardEvent) {
    // The document's shortcuts must not see keys meant for this list.
    event.stopPropagation();
    // A digit key chooses its label at once; letters filter (they also begin label names).
    const byKey =
      filter === '' && /^[0-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey && items.find((i) => i.hotkey === event.key);
    if (byKey) {
      event.preventDefault();
      onPick(byKey);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length ? (i + step + shown.length) % shown.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = shown[active];
      if (item) onPick(item);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  let group = '';
  return (
    <>
      {/* The selection, kept in sight while the picker has the keyboard. */}
      {at.selection.map((box, i) => (
        <span key={i} className="picker-selection" style={{ left: box.x, top: box.y, width: box.width, height: box.height }} />
      ))}
      <div
        ref={boxRef}
        className="label-picker"
        // Placed through CSSOM (React's style property), which the CSP allows.
        style={{ left: at.x, top }}
        role="dialog"
        aria-label={title}
        data-testid="label-picker"
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onClose();
        }}
      >
        <div className="label-picker-title">{title}</div>
        <input
          ref={inputRef}
          className="label-picker-filter"
          placeholder="Type to filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={shown[active] ? `${listId}-${shown[active].id}` : undefined}
          spellCheck={false}
          autoComplete="off"
        />
        <ul className="label-picker-list" id={listId} role="listbox">
          {shown.length === 0 && <li className="label-picker-empty">No label matches.</li>}
          {shown.map((item, i) => {
            const heading = item.group !== group ? (group = item.group) : null;
            return (
              <li key={item.id} role="presentation">
                {heading && <div className="label-picker-group">{heading}</div>}
                <div
                  id={`${listId}-${item.id}`}
                  role="option"
                  aria-selected={i === active}
                  className={`label-picker-item ${item.colorClass}${i === active ? ' is-active' : ''}`}
                  title={item.description}
                  onMouseEnter={() => setActive(i)}
                  // Chosen on mousedown, before the input's blur would close the list.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    onPick(item);
                  }}
                  data-testid="label-picker-item"
                >
                  <span className="label-swatch" aria-hidden="true" />
                  <span className="label-picker-name">{item.name}</span>
                  {item.hint && <span className="label-picker-hint">{item.hint}</span>}
                  {item.hotkey && <kbd>{item.hotkey.toUpperCase()}</kbd>}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </>
  );
}
